package io.dynamo4j.engine.expr;

import java.util.Collection;

/**
 * Finds, in text order, the first path of a condition that starts at a key attribute: the check
 * DynamoDB makes on Query filters. Stateless and thread-safe.
 */
final class KeyReferences {

  private KeyReferences() {}

  static void check(Resolved.Cond cond, Collection<String> keys, String parameter) {
    if (cond instanceof Resolved.Compare c) {
      operand(c.left(), keys, parameter);
      operand(c.right(), keys, parameter);
    } else if (cond instanceof Resolved.Between b) {
      operand(b.subject(), keys, parameter);
      operand(b.low(), keys, parameter);
      operand(b.high(), keys, parameter);
    } else if (cond instanceof Resolved.In in) {
      operand(in.subject(), keys, parameter);
      for (Resolved.Operand candidate : in.candidates()) {
        operand(candidate, keys, parameter);
      }
    } else if (cond instanceof Resolved.And a) {
      check(a.left(), keys, parameter);
      check(a.right(), keys, parameter);
    } else if (cond instanceof Resolved.Or o) {
      check(o.left(), keys, parameter);
      check(o.right(), keys, parameter);
    } else if (cond instanceof Resolved.Not n) {
      check(n.operand(), keys, parameter);
    } else if (cond instanceof Resolved.Exists e) {
      path(e.path(), keys, parameter);
    } else if (cond instanceof Resolved.TypeIs t) {
      operand(t.operand(), keys, parameter);
    } else if (cond instanceof Resolved.BeginsWith b) {
      operand(b.subject(), keys, parameter);
      operand(b.prefix(), keys, parameter);
    } else if (cond instanceof Resolved.Contains c) {
      operand(c.subject(), keys, parameter);
      operand(c.operand(), keys, parameter);
    }
  }

  private static void operand(Resolved.Operand operand, Collection<String> keys, String parameter) {
    if (operand instanceof Resolved.PathOperand p) {
      path(p.path(), keys, parameter);
    } else if (operand instanceof Resolved.Size s) {
      operand(s.operand(), keys, parameter);
    }
  }

  private static void path(DocPath path, Collection<String> keys, String parameter) {
    if (keys.contains(path.top())) {
      if (path.size() > 1) {
        throw Errors.keyNotScalar(path.top());
      }
      throw Errors.filterOnKey(parameter, path.top());
    }
  }
}
