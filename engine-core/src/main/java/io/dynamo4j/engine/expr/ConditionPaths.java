package io.dynamo4j.engine.expr;

import java.util.function.Consumer;

/**
 * Visits the document paths a resolved condition reads, in text order: the walk behind the checks
 * that look at which attributes a condition names (a Query filter on key attributes, key
 * attributes read below their top level, attributes an index does not project). Stateless and
 * thread-safe.
 */
final class ConditionPaths {

  private ConditionPaths() {}

  static void forEach(Resolved.Cond cond, Consumer<DocPath> visitor) {
    if (cond instanceof Resolved.Compare c) {
      operand(c.left(), visitor);
      operand(c.right(), visitor);
    } else if (cond instanceof Resolved.Between b) {
      operand(b.subject(), visitor);
      operand(b.low(), visitor);
      operand(b.high(), visitor);
    } else if (cond instanceof Resolved.In in) {
      operand(in.subject(), visitor);
      for (Resolved.Operand candidate : in.candidates()) {
        operand(candidate, visitor);
      }
    } else if (cond instanceof Resolved.And a) {
      forEach(a.left(), visitor);
      forEach(a.right(), visitor);
    } else if (cond instanceof Resolved.Or o) {
      forEach(o.left(), visitor);
      forEach(o.right(), visitor);
    } else if (cond instanceof Resolved.Not n) {
      forEach(n.operand(), visitor);
    } else if (cond instanceof Resolved.Exists e) {
      visitor.accept(e.path());
    } else if (cond instanceof Resolved.TypeIs t) {
      operand(t.operand(), visitor);
    } else if (cond instanceof Resolved.BeginsWith b) {
      operand(b.subject(), visitor);
      operand(b.prefix(), visitor);
    } else if (cond instanceof Resolved.Contains c) {
      operand(c.subject(), visitor);
      operand(c.operand(), visitor);
    }
  }

  private static void operand(Resolved.Operand operand, Consumer<DocPath> visitor) {
    if (operand instanceof Resolved.PathOperand p) {
      visitor.accept(p.path());
    } else if (operand instanceof Resolved.Size s) {
      operand(s.operand(), visitor);
    }
  }
}
