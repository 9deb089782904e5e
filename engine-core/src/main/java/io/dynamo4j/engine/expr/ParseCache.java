package io.dynamo4j.engine.expr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Parsed expressions by kind and text, so a request repeating an expression (the usual case) skips
 * the parser and the text-only checks: what is cached is the {@link Ast} that passed them, with its
 * operator count. Resolution depends on each request's placeholders and is never cached.
 *
 * <p>The cache is bounded by an estimate of its memory (the text length times a factor for the
 * tree), shared by the whole JVM, and thread-safe. Failures are not cached.
 */
final class ParseCache {

  /** A parsed and checked expression. */
  record Parsed(Object ast, int operators) {}

  private record Key(ExpressionKind kind, String text) {}

  /** About 64 MB of trees: tens of thousands of typical expressions. */
  private static final long MAX_WEIGHT = 64L * 1024 * 1024;

  private static final Cache<Key, Parsed> CACHE = Caffeine.newBuilder()
      .maximumWeight(MAX_WEIGHT)
      .weigher((Key key, Parsed parsed) -> 256 + 16 * key.text().length())
      .build();

  private ParseCache() {}

  /** The parsed form of {@code text}, from the cache when it is there. */
  static Parsed get(ExpressionKind kind, String text) {
    return CACHE.get(new Key(kind, text), key -> parse(key.kind(), key.text()));
  }

  /**
   * Nesting that the parser and the later passes handle on any thread's stack. No valid expression
   * nests much deeper (each level needs an operator, and DynamoDB allows 300), but DynamoDB still
   * reports a specific error for deeper text (a syntax error, redundant parentheses, an unknown
   * function, too many operators), and finding which takes a full parse: such text is compiled on a
   * thread with a large stack ({@link DeepStack}).
   */
  static final int SHALLOW = 200;

  /**
   * Whether {@code text} may nest deeper than {@link #SHALLOW}: its deepest parentheses plus every
   * occurrence of {@code not}, an upper bound of the depth of its tree.
   */
  static boolean isDeep(String text) {
    int depth = 0;
    int max = 0;
    int nots = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if ((c == 'n' || c == 'N') && text.regionMatches(true, i, "not", 0, 3)) {
        nots++;
      }
    }
    return max + nots > SHALLOW;
  }

  /** Parses and checks {@code text} without the cache. */
  static Parsed parse(ExpressionKind kind, String text) {
    switch (kind) {
      case UPDATE -> {
        Ast.UpdateExpr update = Parser.parseUpdate(text);
        StaticChecks.check(update);
        return new Parsed(update, Operators.count(update));
      }
      case PROJECTION -> {
        Ast.ProjectionExpr projection = Parser.parseProjection(text);
        StaticChecks.check(projection);
        return new Parsed(projection, 0);
      }
      default -> {
        Ast.Cond cond = Parser.parseCondition(kind, text);
        StaticChecks.check(kind, cond);
        return new Parsed(cond, Operators.count(cond));
      }
    }
  }

  /** Empties the cache (tests and benchmarks). */
  static void clear() {
    CACHE.invalidateAll();
  }
}
