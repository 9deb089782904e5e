package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Action;
import io.dynamo4j.engine.expr.Ast.And;
import io.dynamo4j.engine.expr.Ast.Arith;
import io.dynamo4j.engine.expr.Ast.Between;
import io.dynamo4j.engine.expr.Ast.Call;
import io.dynamo4j.engine.expr.Ast.Compare;
import io.dynamo4j.engine.expr.Ast.Cond;
import io.dynamo4j.engine.expr.Ast.FunctionCond;
import io.dynamo4j.engine.expr.Ast.In;
import io.dynamo4j.engine.expr.Ast.Index;
import io.dynamo4j.engine.expr.Ast.Literal;
import io.dynamo4j.engine.expr.Ast.Name;
import io.dynamo4j.engine.expr.Ast.Not;
import io.dynamo4j.engine.expr.Ast.Operand;
import io.dynamo4j.engine.expr.Ast.Or;
import io.dynamo4j.engine.expr.Ast.Path;
import io.dynamo4j.engine.expr.Ast.ProjectionExpr;
import io.dynamo4j.engine.expr.Ast.Step;
import io.dynamo4j.engine.expr.Ast.UpdateExpr;
import io.dynamo4j.engine.expr.Ast.ValueRef;

/**
 * Prints an {@link Ast} compactly and unambiguously, for tests and debugging: every operator node in
 * parentheses, paths and placeholders as written.
 *
 * <pre>
 *   a = :v AND NOT b.c[1] IN (:x, :y)   →   ((a = :v) AND (NOT (b.c[1] IN (:x, :y))))
 *   SET a = a + :one REMOVE b           →   SET a = (a + :one); REMOVE b
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
final class AstPrinter {

  private AstPrinter() {}

  static String print(Cond cond) {
    StringBuilder sb = new StringBuilder();
    cond(cond, sb);
    return sb.toString();
  }

  static String print(Operand operand) {
    StringBuilder sb = new StringBuilder();
    operand(operand, sb);
    return sb.toString();
  }

  static String print(UpdateExpr update) {
    StringBuilder sb = new StringBuilder();
    String sep = "";
    for (Action action : update.actions()) {
      sb.append(sep).append(action.clause()).append(' ');
      operand(action.path(), sb);
      if (action.value() != null) {
        sb.append(action.clause() == Ast.Clause.SET ? " = " : " ");
        operand(action.value(), sb);
      }
      sep = "; ";
    }
    return sb.toString();
  }

  static String print(ProjectionExpr projection) {
    StringBuilder sb = new StringBuilder();
    String sep = "";
    for (Path path : projection.paths()) {
      sb.append(sep);
      operand(path, sb);
      sep = ", ";
    }
    return sb.toString();
  }

  private static void cond(Cond cond, StringBuilder sb) {
    if (cond instanceof Compare c) {
      sb.append('(');
      operand(c.left(), sb);
      sb.append(' ').append(c.op().symbol).append(' ');
      operand(c.right(), sb);
      sb.append(')');
    } else if (cond instanceof Between b) {
      sb.append('(');
      operand(b.subject(), sb);
      sb.append(" BETWEEN ");
      operand(b.low(), sb);
      sb.append(" AND ");
      operand(b.high(), sb);
      sb.append(')');
    } else if (cond instanceof In in) {
      sb.append('(');
      operand(in.subject(), sb);
      sb.append(" IN (");
      String sep = "";
      for (Operand candidate : in.candidates()) {
        sb.append(sep);
        operand(candidate, sb);
        sep = ", ";
      }
      sb.append("))");
    } else if (cond instanceof And a) {
      binary(a.left(), "AND", a.right(), sb);
    } else if (cond instanceof Or o) {
      binary(o.left(), "OR", o.right(), sb);
    } else if (cond instanceof Not n) {
      sb.append("(NOT ");
      cond(n.operand(), sb);
      sb.append(')');
    } else if (cond instanceof FunctionCond f) {
      operand(f.call(), sb);
    } else {
      throw new IllegalStateException("unexpected node: " + cond);
    }
  }

  private static void binary(Cond left, String op, Cond right, StringBuilder sb) {
    sb.append('(');
    cond(left, sb);
    sb.append(' ').append(op).append(' ');
    cond(right, sb);
    sb.append(')');
  }

  private static void operand(Operand operand, StringBuilder sb) {
    if (operand instanceof Path path) {
      boolean first = true;
      for (Step step : path.steps()) {
        if (step instanceof Name name) {
          if (!first) {
            sb.append('.');
          }
          sb.append(name.text());
        } else {
          sb.append('[').append(((Index) step).text()).append(']');
        }
        first = false;
      }
    } else if (operand instanceof ValueRef ref) {
      sb.append(ref.name());
    } else if (operand instanceof Literal literal) {
      sb.append(literal.value());
    } else if (operand instanceof Call call) {
      sb.append(call.name()).append('(');
      String sep = "";
      for (Operand arg : call.args()) {
        sb.append(sep);
        operand(arg, sb);
        sep = ", ";
      }
      sb.append(')');
    } else if (operand instanceof Arith arith) {
      sb.append('(');
      operand(arith.left(), sb);
      sb.append(arith.minus() ? " - " : " + ");
      operand(arith.right(), sb);
      sb.append(')');
    } else {
      throw new IllegalStateException("unexpected node: " + operand);
    }
  }
}
