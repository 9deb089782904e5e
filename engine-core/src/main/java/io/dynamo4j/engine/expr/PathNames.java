package io.dynamo4j.engine.expr;

import java.util.Set;

/**
 * Collects, in text order, the top-level attribute names a resolved condition reads: every name, or
 * only those read below the top level ({@code a.b}, {@code a[0]}). Query and Scan use them to check
 * key attributes and index projections. Stateless and thread-safe.
 */
final class PathNames {

  private PathNames() {}

  static void collect(Resolved.Cond cond, boolean nestedOnly, Set<String> out) {
    if (cond instanceof Resolved.Compare c) {
      operand(c.left(), nestedOnly, out);
      operand(c.right(), nestedOnly, out);
    } else if (cond instanceof Resolved.Between b) {
      operand(b.subject(), nestedOnly, out);
      operand(b.low(), nestedOnly, out);
      operand(b.high(), nestedOnly, out);
    } else if (cond instanceof Resolved.In in) {
      operand(in.subject(), nestedOnly, out);
      for (Resolved.Operand candidate : in.candidates()) {
        operand(candidate, nestedOnly, out);
      }
    } else if (cond instanceof Resolved.And a) {
      collect(a.left(), nestedOnly, out);
      collect(a.right(), nestedOnly, out);
    } else if (cond instanceof Resolved.Or o) {
      collect(o.left(), nestedOnly, out);
      collect(o.right(), nestedOnly, out);
    } else if (cond instanceof Resolved.Not n) {
      collect(n.operand(), nestedOnly, out);
    } else if (cond instanceof Resolved.Exists e) {
      path(e.path(), nestedOnly, out);
    } else if (cond instanceof Resolved.TypeIs t) {
      operand(t.operand(), nestedOnly, out);
    } else if (cond instanceof Resolved.BeginsWith b) {
      operand(b.subject(), nestedOnly, out);
      operand(b.prefix(), nestedOnly, out);
    } else if (cond instanceof Resolved.Contains c) {
      operand(c.subject(), nestedOnly, out);
      operand(c.operand(), nestedOnly, out);
    }
  }

  private static void operand(Resolved.Operand operand, boolean nestedOnly, Set<String> out) {
    if (operand instanceof Resolved.PathOperand p) {
      path(p.path(), nestedOnly, out);
    } else if (operand instanceof Resolved.Size s) {
      operand(s.operand(), nestedOnly, out);
    }
  }

  private static void path(DocPath path, boolean nestedOnly, Set<String> out) {
    if (!nestedOnly || path.size() > 1) {
      out.add(path.top());
    }
  }
}
