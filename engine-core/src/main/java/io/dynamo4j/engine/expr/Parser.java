package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Action;
import io.dynamo4j.engine.expr.Ast.Arith;
import io.dynamo4j.engine.expr.Ast.Between;
import io.dynamo4j.engine.expr.Ast.Call;
import io.dynamo4j.engine.expr.Ast.Clause;
import io.dynamo4j.engine.expr.Ast.Comparator;
import io.dynamo4j.engine.expr.Ast.Compare;
import io.dynamo4j.engine.expr.Ast.Cond;
import io.dynamo4j.engine.expr.Ast.FunctionCond;
import io.dynamo4j.engine.expr.Ast.In;
import io.dynamo4j.engine.expr.Ast.Index;
import io.dynamo4j.engine.expr.Ast.Name;
import io.dynamo4j.engine.expr.Ast.Node;
import io.dynamo4j.engine.expr.Ast.Not;
import io.dynamo4j.engine.expr.Ast.Operand;
import io.dynamo4j.engine.expr.Ast.Path;
import io.dynamo4j.engine.expr.Ast.ProjectionExpr;
import io.dynamo4j.engine.expr.Ast.Step;
import io.dynamo4j.engine.expr.Ast.UpdateExpr;
import io.dynamo4j.engine.expr.Ast.ValueRef;
import io.dynamo4j.engine.expr.Lexer.Kind;
import io.dynamo4j.engine.expr.Lexer.Tokens;
import io.dynamo4j.error.ValidationException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written recursive-descent parser for DynamoDB's expression grammars: one method per
 * precedence level, each opened by its rule. It checks syntax only, and reports the first error as
 * DynamoDB does ({@code Syntax error; token: "=", near: "= = b"}), then the one check DynamoDB
 * makes on the shape of the text before anything else: redundant parentheses.
 *
 * <h2>Conditions and operands in parentheses</h2>
 *
 * In a condition, {@code (} may open a condition, {@code (a = b)}, or an operand, {@code (a) = b}.
 * The parser does not guess: a group's content is parsed as a condition that may turn out to be a
 * bare operand, which is allowed only when {@code )} follows it. After the group closes, a bare
 * operand goes on as an operand. A function call standing where a condition is needed becomes a
 * function condition; whether that function may be used so is checked later, with DynamoDB's
 * message, by {@link StaticChecks}.
 *
 * <p>Every group or call nests one level deeper; {@link #MAX_DEPTH} bounds the recursion so no text
 * can overflow the stack. The expression length limit (4 KB) keeps real inputs far below it.
 *
 * <p>Instances are single-use and not thread-safe; use the static entry points.
 */
final class Parser {

  /** Deeper nesting than any text within DynamoDB's length limit can reach. */
  static final int MAX_DEPTH = 2100;

  private final ExpressionKind kind;
  private final Tokens tokens;
  private final Kind[] kinds;
  private int p;
  private int depth;
  /** How many condition groups enclose the current point: a bare operand may close one. */
  private int conditionGroups;
  private final Map<Node, Boolean> parenthesized = new IdentityHashMap<>();
  private boolean redundant;

  private Parser(ExpressionKind kind, String text) {
    this.kind = kind;
    this.tokens = Lexer.lex(text);
    this.kinds = tokens.kinds;
  }

  // ---------------------------------------------------------------- entry points

  /** Parses a condition, filter or key condition expression. */
  static Cond parseCondition(ExpressionKind kind, String text) {
    Parser parser = new Parser(kind, text);
    Cond cond = parser.condition();
    parser.checkParentheses();
    return cond;
  }

  /** Parses an update expression. */
  static UpdateExpr parseUpdate(String text) {
    Parser parser = new Parser(ExpressionKind.UPDATE, text);
    UpdateExpr update = parser.update();
    parser.checkParentheses();
    return update;
  }

  /** Parses a projection expression. */
  static ProjectionExpr parseProjection(String text) {
    Parser parser = new Parser(ExpressionKind.PROJECTION, text);
    return parser.projection();
  }

  private void checkParentheses() {
    if (redundant) {
      throw Errors.redundantParentheses(kind);
    }
  }

  // ---------------------------------------------------------------- conditions

  // condition := or EOF
  private Cond condition() {
    Node node = or();
    Cond cond = asCondition(node);
    expect(Kind.EOF);
    return cond;
  }

  // or := and ( OR and )*
  private Node or() {
    Node left = and();
    while (kinds[p] == Kind.OR) {
      int pos = start(p);
      Cond l = asCondition(left);
      p++;
      Cond r = asCondition(and());
      left = new Ast.Or(l, r, pos);
    }
    return left;
  }

  // and := not ( AND not )*
  private Node and() {
    Node left = not();
    while (kinds[p] == Kind.AND) {
      int pos = start(p);
      Cond l = asCondition(left);
      p++;
      Cond r = asCondition(not());
      left = new Ast.And(l, r, pos);
    }
    return left;
  }

  // not := NOT not | predicate        (a run of NOTs is read in a loop, not by recursion)
  private Node not() {
    int first = p;
    while (kinds[p] == Kind.NOT) {
      p++;
    }
    if (p == first) {
      return predicate();
    }
    int last = p - 1;
    Cond cond = asCondition(predicate());
    for (int i = last; i >= first; i--) {
      cond = new Not(cond, start(i));
    }
    return cond;
  }

  // predicate := operand ( comparator operand
  //                      | BETWEEN operand AND operand
  //                      | IN '(' operand (',' operand)* ')' )?
  //            | '(' or ')'                       a condition group, or an operand group
  private Node predicate() {
    int pos = start(p);
    Node first;
    if (kinds[p] == Kind.LPAREN) {
      first = conditionGroup();
      if (first instanceof Cond cond) {
        return cond;
      }
    } else {
      first = operand();
    }
    Operand left = (Operand) first;
    Comparator comparator = comparator(kinds[p]);
    if (comparator != null) {
      p++;
      return new Compare(left, comparator, operand(), pos);
    }
    if (kinds[p] == Kind.BETWEEN) {
      p++;
      Operand low = operand();
      expect(Kind.AND);
      Operand high = operand();
      return new Between(left, low, high, pos);
    }
    if (kinds[p] == Kind.IN) {
      p++;
      expect(Kind.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      candidates.add(operand());
      while (kinds[p] == Kind.COMMA) {
        p++;
        candidates.add(operand());
      }
      expect(Kind.RPAREN);
      return new In(left, candidates, pos);
    }
    if (kinds[p] == Kind.RPAREN && conditionGroups > 0) {
      return left; // an operand closing its group: "(a) = b"
    }
    if (left instanceof Call call) {
      return new FunctionCond(call);
    }
    throw syntaxError();
  }

  // group := '(' or ')'
  private Node conditionGroup() {
    p++;
    enter();
    conditionGroups++;
    Node inner = or();
    conditionGroups--;
    expect(Kind.RPAREN);
    leave();
    markParenthesized(inner);
    return inner;
  }

  /** A node where a condition is needed: a function call is a function condition. */
  private Cond asCondition(Node node) {
    if (node instanceof Cond cond) {
      return cond;
    }
    if (node instanceof Call call) {
      return new FunctionCond(call);
    }
    throw syntaxError();
  }

  private static Comparator comparator(Kind kind) {
    return switch (kind) {
      case EQ -> Comparator.EQ;
      case NE -> Comparator.NE;
      case LT -> Comparator.LT;
      case LE -> Comparator.LE;
      case GT -> Comparator.GT;
      case GE -> Comparator.GE;
      default -> null;
    };
  }

  // ---------------------------------------------------------------- operands

  // operand := path | VALUE_REF | NAME '(' operand (',' operand)* ')' | '(' operand ')'
  private Operand operand() {
    int pos = start(p);
    switch (kinds[p]) {
      case VALUE_REF -> {
        String name = tokens.text(p);
        p++;
        return new ValueRef(name, pos);
      }
      case NAME -> {
        if (kinds[p + 1] == Kind.LPAREN) {
          return call();
        }
        return path();
      }
      case NAME_REF -> {
        return path();
      }
      case LPAREN -> {
        p++;
        enter();
        Operand inner = operand();
        expect(Kind.RPAREN);
        leave();
        markParenthesized(inner);
        return inner;
      }
      default -> throw syntaxError();
    }
  }

  // call := NAME '(' operand (',' operand)* ')'
  private Call call() {
    int pos = start(p);
    String name = tokens.text(p);
    p += 2;
    enter();
    List<Operand> args = new ArrayList<>(2);
    args.add(operand());
    while (kinds[p] == Kind.COMMA) {
      p++;
      args.add(operand());
    }
    expect(Kind.RPAREN);
    leave();
    return new Call(name, args, pos);
  }

  // path := (NAME | NAME_REF) ( '.' (NAME | NAME_REF) | '[' INDEX ']' )*
  private Path path() {
    int pos = start(p);
    List<Step> steps = new ArrayList<>(4);
    steps.add(name());
    while (true) {
      if (kinds[p] == Kind.DOT) {
        p++;
        steps.add(name());
      } else if (kinds[p] == Kind.LBRACKET) {
        p++;
        if (kinds[p] != Kind.INDEX) {
          throw syntaxError();
        }
        String digits = tokens.text(p);
        steps.add(new Index(parseIndex(digits), digits, start(p)));
        p++;
        expect(Kind.RBRACKET);
      } else {
        return new Path(steps, pos);
      }
    }
  }

  private Name name() {
    if (kinds[p] == Kind.NAME || kinds[p] == Kind.NAME_REF) {
      Name name = new Name(tokens.text(p), kinds[p] == Kind.NAME_REF, false, start(p));
      p++;
      return name;
    }
    throw syntaxError();
  }

  private static int parseIndex(String digits) {
    if (digits.length() > 10) {
      return -1;
    }
    long value = Long.parseLong(digits);
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  // ---------------------------------------------------------------- updates

  // update := clause+ EOF
  // clause := SET setAction (',' setAction)*
  //         | REMOVE path (',' path)*
  //         | ADD path VALUE_REF (',' path VALUE_REF)*
  //         | DELETE path VALUE_REF (',' path VALUE_REF)*
  private UpdateExpr update() {
    List<Action> actions = new ArrayList<>();
    List<Clause> sections = new ArrayList<>(4);
    do {
      Clause clause = clause(kinds[p]);
      if (clause == null) {
        throw syntaxError();
      }
      sections.add(clause);
      p++;
      do {
        actions.add(action(clause));
      } while (accept(Kind.COMMA));
    } while (kinds[p] != Kind.EOF);
    return new UpdateExpr(actions, sections);
  }

  private static Clause clause(Kind kind) {
    return switch (kind) {
      case SET -> Clause.SET;
      case REMOVE -> Clause.REMOVE;
      case ADD -> Clause.ADD;
      case DELETE -> Clause.DELETE;
      default -> null;
    };
  }

  private Action action(Clause clause) {
    int pos = start(p);
    if (kinds[p] != Kind.NAME && kinds[p] != Kind.NAME_REF) {
      throw syntaxError();
    }
    Path path = path();
    switch (clause) {
      case SET -> {
        expect(Kind.EQ);
        return new Action(clause, path, setValue(), pos);
      }
      case REMOVE -> {
        return new Action(clause, path, null, pos);
      }
      default -> {
        if (kinds[p] != Kind.VALUE_REF) {
          throw syntaxError();
        }
        ValueRef value = new ValueRef(tokens.text(p), start(p));
        p++;
        return new Action(clause, path, value, pos);
      }
    }
  }

  // setValue := operand ( ('+' | '-') operand )?
  //           | '(' setValue ')'                  a group holding arithmetic is complete
  private Operand setValue() {
    int pos = start(p);
    Operand left;
    if (kinds[p] == Kind.LPAREN) {
      p++;
      enter();
      Operand inner = setValue();
      expect(Kind.RPAREN);
      leave();
      markParenthesized(inner);
      if (inner instanceof Arith) {
        return inner;
      }
      left = inner;
    } else {
      left = operand();
    }
    if (kinds[p] == Kind.PLUS || kinds[p] == Kind.MINUS) {
      boolean minus = kinds[p] == Kind.MINUS;
      p++;
      return new Arith(left, minus, operand(), pos);
    }
    return left;
  }

  // ---------------------------------------------------------------- projections

  // projection := path (',' path)* EOF
  private ProjectionExpr projection() {
    List<Path> paths = new ArrayList<>();
    do {
      if (kinds[p] != Kind.NAME && kinds[p] != Kind.NAME_REF) {
        throw syntaxError();
      }
      paths.add(path());
    } while (accept(Kind.COMMA));
    expect(Kind.EOF);
    return new ProjectionExpr(paths);
  }

  // ---------------------------------------------------------------- helpers

  private void markParenthesized(Node node) {
    if (parenthesized.put(node, Boolean.TRUE) != null) {
      redundant = true;
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw syntaxError();
    }
  }

  private void leave() {
    depth--;
  }

  private boolean accept(Kind kind) {
    if (kinds[p] == kind) {
      p++;
      return true;
    }
    return false;
  }

  private void expect(Kind kind) {
    if (kinds[p] != kind) {
      throw syntaxError();
    }
    p++;
  }

  private int start(int token) {
    return tokens.starts[token];
  }

  private ValidationException syntaxError() {
    return Errors.syntax(kind, tokens.text(p), tokens.near(p));
  }
}
