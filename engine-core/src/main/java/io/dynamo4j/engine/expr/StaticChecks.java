package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Action;
import io.dynamo4j.engine.expr.Ast.And;
import io.dynamo4j.engine.expr.Ast.Arith;
import io.dynamo4j.engine.expr.Ast.Between;
import io.dynamo4j.engine.expr.Ast.Call;
import io.dynamo4j.engine.expr.Ast.Clause;
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
import java.util.EnumSet;
import java.util.Set;

/**
 * The checks DynamoDB makes on a parsed expression before it looks at any placeholder, in text
 * order: reserved words used as names, unknown functions, functions used where they are not
 * allowed, list indexes beyond an int; then, for updates, a clause used twice.
 *
 * <p>They depend on the text only, so their outcome is cached with the parse. Stateless and
 * thread-safe.
 */
final class StaticChecks {

  /** Functions that yield a boolean and may only stand as a condition. */
  static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");

  private StaticChecks() {}

  static void check(ExpressionKind kind, Cond cond) {
    cond(kind, cond);
  }

  static void check(UpdateExpr update) {
    for (Action action : update.actions()) {
      path(ExpressionKind.UPDATE, action.path());
      if (action.value() != null) {
        updateOperand(action.value(), Place.TOP);
      }
    }
    EnumSet<Clause> seen = EnumSet.noneOf(Clause.class);
    for (Clause clause : update.sections()) {
      if (!seen.add(clause)) {
        throw Errors.sectionTwice(clause.name());
      }
    }
  }

  static void check(ProjectionExpr projection) {
    for (Path path : projection.paths()) {
      path(ExpressionKind.PROJECTION, path);
    }
  }

  // ---------------------------------------------------------------- conditions

  private static void cond(ExpressionKind kind, Cond cond) {
    if (cond instanceof Compare c) {
      conditionOperand(kind, c.left());
      conditionOperand(kind, c.right());
    } else if (cond instanceof Between b) {
      conditionOperand(kind, b.subject());
      conditionOperand(kind, b.low());
      conditionOperand(kind, b.high());
    } else if (cond instanceof In in) {
      conditionOperand(kind, in.subject());
      for (Operand candidate : in.candidates()) {
        conditionOperand(kind, candidate);
      }
    } else if (cond instanceof And a) {
      cond(kind, a.left());
      cond(kind, a.right());
    } else if (cond instanceof Or o) {
      cond(kind, o.left());
      cond(kind, o.right());
    } else if (cond instanceof Not n) {
      cond(kind, n.operand());
    } else if (cond instanceof FunctionCond f) {
      Call call = f.call();
      conditionFunction(kind, call.name());
      if ("size".equals(call.name())) {
        throw Errors.functionMisused(kind, call.name());
      }
      for (Operand arg : call.args()) {
        conditionOperand(kind, arg);
      }
    } else {
      throw new IllegalStateException("unexpected node: " + cond);
    }
  }

  private static void conditionOperand(ExpressionKind kind, Operand operand) {
    if (operand instanceof Path path) {
      path(kind, path);
    } else if (operand instanceof Call call) {
      conditionFunction(kind, call.name());
      if (CONDITION_FUNCTIONS.contains(call.name())) {
        throw Errors.functionMisused(kind, call.name());
      }
      for (Operand arg : call.args()) {
        conditionOperand(kind, arg);
      }
    } else if (operand instanceof ValueRef ref) {
    } else if (operand instanceof Literal literal) {
    } else if (operand instanceof Arith arith) {
      throw new IllegalStateException("arithmetic in a condition");
    } else {
      throw new IllegalStateException("unexpected node: " + operand);
    }
  }

  private static void conditionFunction(ExpressionKind kind, String name) {
    if ("if_not_exists".equals(name) || "list_append".equals(name)) {
      throw Errors.functionNotInCondition(kind, name);
    }
    if (!"size".equals(name) && !CONDITION_FUNCTIONS.contains(name)) {
      throw Errors.invalidFunction(kind, name);
    }
  }

  // ---------------------------------------------------------------- updates

  /** Where an operand stands in a SET value: list_append is allowed only at the top. */
  private enum Place {
    TOP, NESTED
  }

  private static void updateOperand(Operand operand, Place place) {
    ExpressionKind kind = ExpressionKind.UPDATE;
    if (operand instanceof Path path) {
      path(kind, path);
    } else if (operand instanceof Call call) {
      String name = call.name();
      if ("size".equals(name) || CONDITION_FUNCTIONS.contains(name)) {
        throw Errors.functionNotInUpdate(kind, name);
      }
      if (!"if_not_exists".equals(name) && !"list_append".equals(name)) {
        throw Errors.invalidFunction(kind, name);
      }
      if ("list_append".equals(name) && place != Place.TOP) {
        throw Errors.functionMisused(kind, name);
      }
      for (Operand arg : call.args()) {
        updateOperand(arg, Place.NESTED);
      }
    } else if (operand instanceof Arith arith) {
      updateOperand(arith.left(), Place.NESTED);
      updateOperand(arith.right(), Place.NESTED);
    } else if (operand instanceof ValueRef ref) {
    } else if (operand instanceof Literal literal) {
    } else {
      throw new IllegalStateException("unexpected node: " + operand);
    }
  }

  // ---------------------------------------------------------------- paths

  private static void path(ExpressionKind kind, Path path) {
    for (Step step : path.steps()) {
      if (step instanceof Name name) {
        if (!name.ref() && !name.raw() && ReservedWords.isReserved(name.text())) {
          throw Errors.reservedWord(kind, name.text());
        }
      } else if (((Index) step).value() < 0) {
        throw Errors.indexOutOfRange(kind, ((Index) step).text());
      }
    }
  }
}
