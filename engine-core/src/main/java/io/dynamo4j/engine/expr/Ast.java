package io.dynamo4j.engine.expr;

import io.dynamo4j.model.AttributeValue;
import java.util.List;

/**
 * The abstract syntax of DynamoDB's expressions: what the {@link Parser} produces from text and
 * what {@link Legacy} produces from the legacy parameters. A sealed family of immutable records;
 * every node knows its position (the offset of its first character in the expression text, or
 * {@code -1} for nodes made from legacy parameters).
 *
 * <p>Placeholders are not substituted here: a {@link Name} may be a {@code #name} reference and a
 * {@link ValueRef} a {@code :value} reference. The {@link Resolver} turns a tree into its
 * evaluable {@link Resolved} form for one request's placeholder maps. Trees print compactly with
 * {@link AstPrinter}.
 */
final class Ast {

  private Ast() {}

  /** Any node. */
  sealed interface Node permits Operand, Cond, Action {
    /** Offset of the node's first character in the expression text; -1 for legacy parameters. */
    int pos();
  }

  // ---------------------------------------------------------------- document paths

  /** One element of a document path. */
  sealed interface Step permits Name, Index {
    int pos();
  }

  /**
   * A map key or top-level attribute name.
   *
   * @param text the name as written: a bare name, or a placeholder such as {@code #n}
   * @param ref whether {@code text} is a {@code #name} placeholder
   * @param raw whether the name came from a legacy parameter (any text, never a reserved word)
   */
  record Name(String text, boolean ref, boolean raw, int pos) implements Step {}

  /**
   * A list index.
   *
   * @param value the index, or -1 when {@code text} is larger than an int (reported later, as
   *     DynamoDB does: "List index is not within the allowable range")
   * @param text the digits as written
   */
  record Index(int value, String text, int pos) implements Step {}

  // ---------------------------------------------------------------- operands

  /** A value-producing node: a path, a value, a function call or (in updates) arithmetic. */
  sealed interface Operand extends Node permits Path, ValueRef, Literal, Call, Arith {}

  /** A document path such as {@code a.b[2].#c}. */
  record Path(List<Step> steps, int pos) implements Operand {
    Path {
      steps = List.copyOf(steps);
    }
  }

  /** A {@code :value} placeholder. */
  record ValueRef(String name, int pos) implements Operand {}

  /** A value given directly (legacy parameters only). */
  record Literal(AttributeValue value, int pos) implements Operand {}

  /**
   * A function call. The name is not checked by the parser: DynamoDB reports unknown functions
   * and functions used in the wrong place after parsing, in text order.
   */
  record Call(String name, List<Operand> args, int pos) implements Operand {
    Call {
      args = List.copyOf(args);
    }
  }

  /** {@code left + right} or {@code left - right} (update expressions only). */
  record Arith(Operand left, boolean minus, Operand right, int pos) implements Operand {}

  // ---------------------------------------------------------------- conditions

  /** The comparators, with their symbols. */
  enum Comparator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    /** The comparator with its operands swapped: {@code :v < a} is {@code a > :v}. */
    Comparator flip() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }
  }

  /** A boolean-valued node. */
  sealed interface Cond extends Node permits Compare, Between, In, And, Or, Not, FunctionCond {}

  record Compare(Operand left, Comparator op, Operand right, int pos) implements Cond {}

  record Between(Operand subject, Operand low, Operand high, int pos) implements Cond {}

  record In(Operand subject, List<Operand> candidates, int pos) implements Cond {
    In {
      candidates = List.copyOf(candidates);
    }
  }

  record And(Cond left, Cond right, int pos) implements Cond {}

  record Or(Cond left, Cond right, int pos) implements Cond {}

  record Not(Cond operand, int pos) implements Cond {}

  /** A function used as a condition, such as {@code attribute_exists(a)}. */
  record FunctionCond(Call call) implements Cond {
    @Override
    public int pos() {
      return call.pos();
    }
  }

  // ---------------------------------------------------------------- updates

  /** The four clauses of an update expression. */
  enum Clause {
    SET, REMOVE, ADD, DELETE
  }

  /**
   * One action of an update expression.
   *
   * @param value the new value (SET), the number or set to add (ADD) or the set to remove
   *     (DELETE); null for REMOVE
   */
  record Action(Clause clause, Path path, Operand value, int pos) implements Node {}

  /**
   * A parsed update expression.
   *
   * @param actions the actions in text order
   * @param sections the clause keywords in text order, one per section ({@code SET a = :v SET b =
   *     :w} has two), so that a repeated section can be reported after the checks DynamoDB makes
   *     first
   */
  record UpdateExpr(List<Action> actions, List<Clause> sections) {
    UpdateExpr {
      actions = List.copyOf(actions);
      sections = List.copyOf(sections);
    }
  }

  /** A parsed projection expression: its paths in text order. */
  record ProjectionExpr(List<Path> paths) {
    ProjectionExpr {
      paths = List.copyOf(paths);
    }
  }
}
