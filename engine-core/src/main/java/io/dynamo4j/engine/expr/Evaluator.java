package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Resolved.Cond;
import io.dynamo4j.engine.expr.Resolved.Operand;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;

/**
 * Evaluates a {@link Resolved} condition against an item, with DynamoDB's semantics:
 *
 * <ul>
 *   <li>An operand that does not exist (a missing attribute, a path through the wrong type, the
 *       size of a number) makes every comparison false, except {@code <>}, which is the negation
 *       of {@code =} and so true.
 *   <li>Values of different types are never equal and never ordered: comparing them is false, not
 *       an error.
 *   <li>Numbers compare by value, strings by their UTF-8 bytes, binary unsigned; sets compare as
 *       sets, maps as maps, lists element by element.
 * </ul>
 *
 * <p>Evaluation allocates nothing beyond the size() of large collections. Stateless and
 * thread-safe.
 */
final class Evaluator {

  private Evaluator() {}

  /** Whether {@code item} (null when there is none) satisfies {@code cond}. */
  static boolean test(Cond cond, Item item) {
    if (cond instanceof Resolved.Compare c) {
      AttributeValue left = value(c.left(), item);
      AttributeValue right = value(c.right(), item);
      switch (c.op()) {
        case EQ:
          return left != null && left.equals(right);
        case NE:
          return left == null || !left.equals(right);
        default:
          if (left == null || right == null) {
            return false;
          }
          int order = Values.compare(left, right);
          if (order == Integer.MIN_VALUE) {
            return false;
          }
          return switch (c.op()) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            default -> order >= 0;
          };
      }
    }
    if (cond instanceof Resolved.And a) {
      return test(a.left(), item) && test(a.right(), item);
    }
    if (cond instanceof Resolved.Or o) {
      return test(o.left(), item) || test(o.right(), item);
    }
    if (cond instanceof Resolved.Not n) {
      return !test(n.operand(), item);
    }
    if (cond instanceof Resolved.Exists e) {
      return (e.path().get(item) != null) == e.exists();
    }
    if (cond instanceof Resolved.Between b) {
      AttributeValue subject = value(b.subject(), item);
      AttributeValue low = value(b.low(), item);
      AttributeValue high = value(b.high(), item);
      if (subject == null || low == null || high == null) {
        return false;
      }
      int fromLow = Values.compare(low, subject);
      int toHigh = Values.compare(subject, high);
      return fromLow != Integer.MIN_VALUE && toHigh != Integer.MIN_VALUE && fromLow <= 0 && toHigh <= 0;
    }
    if (cond instanceof Resolved.In in) {
      AttributeValue subject = value(in.subject(), item);
      if (subject == null) {
        return false;
      }
      for (Operand candidate : in.candidates()) {
        if (subject.equals(value(candidate, item))) {
          return true;
        }
      }
      return false;
    }
    if (cond instanceof Resolved.BeginsWith b) {
      AttributeValue subject = value(b.subject(), item);
      AttributeValue prefix = value(b.prefix(), item);
      return subject != null && prefix != null && Values.beginsWith(subject, prefix);
    }
    if (cond instanceof Resolved.Contains c) {
      AttributeValue subject = value(c.subject(), item);
      AttributeValue operand = value(c.operand(), item);
      return subject != null && operand != null && Values.contains(subject, operand);
    }
    if (cond instanceof Resolved.TypeIs t) {
      AttributeValue value = value(t.operand(), item);
      return value != null && value.type() == t.type();
    }
    if (cond instanceof Resolved.Always) {
      return true;
    }
    throw new IllegalStateException("unexpected node: " + cond);
  }

  /** The value of a condition operand, or null if it does not exist. */
  static AttributeValue value(Operand operand, Item item) {
    if (operand instanceof Resolved.PathOperand p) {
      return p.path().get(item);
    }
    if (operand instanceof Resolved.Value v) {
      return v.value();
    }
    if (operand instanceof Resolved.Size s) {
      AttributeValue value = value(s.operand(), item);
      return value == null ? null : Values.size(value);
    }
    throw new IllegalStateException("not a condition operand: " + operand);
  }
}
