package io.dynamo4j.engine.expr;

import java.util.Arrays;
import java.util.Locale;

/**
 * Splits expression text into tokens, the way DynamoDB's grammar does.
 *
 * <ul>
 *   <li>Whitespace is space, tab, carriage return and line feed; nothing else.
 *   <li>A name starts with an ASCII letter and goes on with letters, digits and {@code _}. The nine
 *       words {@code AND OR NOT BETWEEN IN SET REMOVE ADD DELETE} are keywords in any case.
 *   <li>{@code #} and {@code :} followed by letters, digits or {@code _} are placeholders.
 *   <li>A list index is {@code 0} or a digit run that does not start with {@code 0}, so {@code 01}
 *       is two tokens, as in DynamoDB.
 *   <li>Any other character is a token of its own, so the parser reports it as DynamoDB does:
 *       {@code token: "!"}. The lexer works on UTF-16 units, as DynamoDB does.
 * </ul>
 *
 * <p>The token stream is held in parallel arrays; the last token is always {@link Kind#EOF}.
 * Instances are single-use and not thread-safe.
 */
final class Lexer {

  enum Kind {
    NAME, NAME_REF, VALUE_REF, INDEX,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
    AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE,
    UNKNOWN, EOF
  }

  /** The token stream of one text. Immutable after {@link Lexer#lex}. */
  static final class Tokens {
    final String text;
    final Kind[] kinds;
    final int[] starts;
    final int[] ends;
    final int count;

    Tokens(String text, Kind[] kinds, int[] starts, int[] ends, int count) {
      this.text = text;
      this.kinds = kinds;
      this.starts = starts;
      this.ends = ends;
      this.count = count;
    }

    /** The token's text; {@code <EOF>} for the end. */
    String text(int i) {
      return kinds[i] == Kind.EOF ? "<EOF>" : text.substring(starts[i], ends[i]);
    }

    /**
     * The text DynamoDB shows after {@code near:}: from the start of the previous token (or of the
     * text) to the end of the next token (or of the text).
     */
    String near(int i) {
      int from = i > 0 ? starts[i - 1] : 0;
      int to;
      if (kinds[i] == Kind.EOF || kinds[i + 1] == Kind.EOF) {
        to = text.length();
      } else {
        to = ends[i + 1];
      }
      return text.substring(from, to);
    }
  }

  private Lexer() {}

  static Tokens lex(String text) {
    int n = text.length();
    Kind[] kinds = new Kind[Math.max(8, n / 2 + 2)];
    int[] starts = new int[kinds.length];
    int[] ends = new int[kinds.length];
    int count = 0;
    int i = 0;
    while (true) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (count == kinds.length) {
        int size = count * 2;
        kinds = Arrays.copyOf(kinds, size);
        starts = Arrays.copyOf(starts, size);
        ends = Arrays.copyOf(ends, size);
      }
      if (i >= n) {
        kinds[count] = Kind.EOF;
        starts[count] = n;
        ends[count] = n;
        count++;
        return new Tokens(text, kinds, starts, ends, count);
      }
      int start = i;
      char c = text.charAt(i);
      Kind kind;
      if (isLetter(c)) {
        i++;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        kind = keyword(text, start, i);
      } else if (c == '#' || c == ':') {
        i++;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          kind = Kind.UNKNOWN;
        } else {
          kind = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
        }
      } else if (c >= '0' && c <= '9') {
        i++;
        if (c != '0') {
          while (i < n && isDigit(text.charAt(i))) {
            i++;
          }
        }
        kind = Kind.INDEX;
      } else {
        i++;
        switch (c) {
          case '(' -> kind = Kind.LPAREN;
          case ')' -> kind = Kind.RPAREN;
          case '[' -> kind = Kind.LBRACKET;
          case ']' -> kind = Kind.RBRACKET;
          case ',' -> kind = Kind.COMMA;
          case '.' -> kind = Kind.DOT;
          case '+' -> kind = Kind.PLUS;
          case '-' -> kind = Kind.MINUS;
          case '=' -> kind = Kind.EQ;
          case '<' -> {
            if (i < n && text.charAt(i) == '>') {
              i++;
              kind = Kind.NE;
            } else if (i < n && text.charAt(i) == '=') {
              i++;
              kind = Kind.LE;
            } else {
              kind = Kind.LT;
            }
          }
          case '>' -> {
            if (i < n && text.charAt(i) == '=') {
              i++;
              kind = Kind.GE;
            } else {
              kind = Kind.GT;
            }
          }
          default -> kind = Kind.UNKNOWN;
        }
      }
      kinds[count] = kind;
      starts[count] = start;
      ends[count] = i;
      count++;
    }
  }

  private static Kind keyword(String text, int start, int end) {
    int length = end - start;
    if (length < 2 || length > 7) {
      return Kind.NAME;
    }
    String word = text.substring(start, end).toUpperCase(Locale.ROOT);
    return switch (word) {
      case "AND" -> Kind.AND;
      case "OR" -> Kind.OR;
      case "NOT" -> Kind.NOT;
      case "BETWEEN" -> Kind.BETWEEN;
      case "IN" -> Kind.IN;
      case "SET" -> Kind.SET;
      case "REMOVE" -> Kind.REMOVE;
      case "ADD" -> Kind.ADD;
      case "DELETE" -> Kind.DELETE;
      default -> Kind.NAME;
    };
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }
}
