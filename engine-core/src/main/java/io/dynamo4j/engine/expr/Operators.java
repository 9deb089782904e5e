package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Action;
import io.dynamo4j.engine.expr.Ast.Cond;
import io.dynamo4j.engine.expr.Ast.Operand;

/**
 * Counts an expression's operators for DynamoDB's limit of {@value #LIMIT}: comparators, BETWEEN,
 * IN, AND, OR, NOT, {@code +}, {@code -} and every function call each count one; parentheses, paths
 * and values count nothing. DynamoDB stops counting at the first operator past the limit and
 * reports that count, so this does too.
 *
 * <p>Stateless and thread-safe.
 */
final class Operators {

  static final int LIMIT = 300;

  private Operators() {}

  static int count(Cond cond) {
    int[] count = {0};
    cond(cond, count);
    return count[0];
  }

  static int count(Ast.UpdateExpr update) {
    int[] count = {0};
    for (Action action : update.actions()) {
      if (action.value() != null) {
        operand(action.value(), count);
      }
    }
    return count[0];
  }

  /** Throws DynamoDB's error if {@code count} is past the limit. */
  static void check(ExpressionKind kind, int count) {
    if (count > LIMIT) {
      throw Errors.tooManyOperators(kind, count);
    }
  }

  private static void cond(Cond cond, int[] count) {
    if (count[0] > LIMIT) {
      return;
    }
    count[0]++;
    if (cond instanceof Ast.Compare c) {
      operand(c.left(), count);
      operand(c.right(), count);
    } else if (cond instanceof Ast.Between b) {
      operand(b.subject(), count);
      operand(b.low(), count);
      operand(b.high(), count);
    } else if (cond instanceof Ast.In in) {
      operand(in.subject(), count);
      for (Operand candidate : in.candidates()) {
        operand(candidate, count);
      }
    } else if (cond instanceof Ast.And a) {
      cond(a.left(), count);
      cond(a.right(), count);
    } else if (cond instanceof Ast.Or o) {
      cond(o.left(), count);
      cond(o.right(), count);
    } else if (cond instanceof Ast.Not n) {
      cond(n.operand(), count);
    } else if (cond instanceof Ast.FunctionCond f) {
      for (Operand arg : f.call().args()) {
        operand(arg, count);
      }
    }
    if (count[0] > LIMIT) {
      count[0] = LIMIT + 1;
    }
  }

  private static void operand(Operand operand, int[] count) {
    if (count[0] > LIMIT) {
      return;
    }
    if (operand instanceof Ast.Call call) {
      count[0]++;
      for (Operand arg : call.args()) {
        operand(arg, count);
      }
    } else if (operand instanceof Ast.Arith arith) {
      count[0]++;
      operand(arith.left(), count);
      operand(arith.right(), count);
    }
    if (count[0] > LIMIT) {
      count[0] = LIMIT + 1;
    }
  }
}
