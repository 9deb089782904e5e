package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Clause;
import io.dynamo4j.engine.expr.Ast.Comparator;
import io.dynamo4j.model.AttributeValue;
import java.util.List;

/**
 * The evaluable form of an expression: what the {@link Resolver} makes of an {@link Ast} once every
 * placeholder is substituted and every check has passed. Functions are specific nodes, paths are
 * {@link DocPath}s, values are {@link AttributeValue}s.
 *
 * <p>All records are immutable and thread-safe; evaluation lives in {@link Evaluator} and
 * {@link UpdateApplier}.
 */
final class Resolved {

  private Resolved() {}

  // ---------------------------------------------------------------- operands

  sealed interface Operand permits PathOperand, Value, Size, IfNotExists, ListAppend, Arith {}

  record PathOperand(DocPath path) implements Operand {}

  record Value(AttributeValue value) implements Operand {}

  record Size(Operand operand) implements Operand {}

  record IfNotExists(DocPath path, Operand fallback) implements Operand {}

  record ListAppend(Operand left, Operand right) implements Operand {}

  record Arith(Operand left, boolean minus, Operand right) implements Operand {}

  // ---------------------------------------------------------------- conditions

  sealed interface Cond
      permits Compare, Between, In, And, Or, Not, Exists, TypeIs, BeginsWith, Contains, Always {}

  record Compare(Operand left, Comparator op, Operand right) implements Cond {}

  record Between(Operand subject, Operand low, Operand high) implements Cond {}

  record In(Operand subject, List<Operand> candidates) implements Cond {
    In {
      candidates = List.copyOf(candidates);
    }
  }

  record And(Cond left, Cond right) implements Cond {}

  record Or(Cond left, Cond right) implements Cond {}

  record Not(Cond operand) implements Cond {}

  /** attribute_exists (exists = true) and attribute_not_exists (exists = false). */
  record Exists(DocPath path, boolean exists) implements Cond {}

  /** attribute_type. */
  record TypeIs(Operand operand, AttributeValue.Type type) implements Cond {}

  record BeginsWith(Operand subject, Operand prefix) implements Cond {}

  record Contains(Operand subject, Operand operand) implements Cond {}

  /** The empty condition (legacy parameters given as an empty map): always true. */
  record Always() implements Cond {}

  // ---------------------------------------------------------------- updates

  /**
   * One update action.
   *
   * @param value the SET operand, or the value to ADD or DELETE; null for REMOVE
   * @param legacy whether it comes from AttributeUpdates, which words type errors differently and
   *     lets ADD append to a list
   */
  record Action(Clause clause, DocPath path, Operand value, boolean legacy) {}
}
