package io.dynamo4j.engine.expr;

import io.dynamo4j.api.AttributeAction;
import io.dynamo4j.api.AttributeValueUpdate;
import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.ConditionalOperator;
import io.dynamo4j.api.ExpectedAttributeValue;
import io.dynamo4j.engine.expr.Ast.Action;
import io.dynamo4j.engine.expr.Ast.Clause;
import io.dynamo4j.engine.expr.Ast.Comparator;
import io.dynamo4j.engine.expr.Ast.Cond;
import io.dynamo4j.engine.expr.Ast.Operand;
import io.dynamo4j.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates DynamoDB's legacy parameters (Expected, QueryFilter, ScanFilter, AttributeUpdates,
 * AttributesToGet) into the same {@link Ast} the parser produces, validating them with DynamoDB's
 * messages on the way. Names are taken literally (never reserved words), values are
 * {@link Ast.Literal}s, positions are -1. KeyConditions are analysed with the key schema by
 * {@link KeyCondition}; their per-condition rules are checked here.
 *
 * <p>Stateless and thread-safe.
 */
final class Legacy {

  private Legacy() {}

  // ---------------------------------------------------------------- conditions

  /**
   * Expected, combined with ConditionalOperator (AND when absent). Null for an empty map, which
   * imposes no condition.
   */
  static Cond expected(Map<String, ExpectedAttributeValue> expected, ConditionalOperator operator) {
    List<Cond> conds = new ArrayList<>(expected.size());
    for (Map.Entry<String, ExpectedAttributeValue> entry : expected.entrySet()) {
      conds.add(expected(entry.getKey(), entry.getValue()));
    }
    return combine(conds, operator);
  }

  private static Cond expected(String attribute, ExpectedAttributeValue e) {
    Boolean exists = e.exists();
    AttributeValue value = e.value();
    ComparisonOperator operator = e.comparisonOperator();
    List<AttributeValue> list = e.attributeValueList();
    if (value != null && list != null) {
      throw Errors.expectedValueAndList(attribute);
    }
    if (operator == null && list != null) {
      throw Errors.expectedListWithoutOperator(attribute);
    }
    if (exists != null && operator != null) {
      throw Errors.expectedExistsAndOperator(attribute);
    }
    if (operator != null) {
      List<AttributeValue> args = list != null ? list : value != null ? List.of(value) : List.of();
      return condition(attribute, operator, args);
    }
    if (exists == null || exists) {
      if (value == null) {
        throw Errors.expectedValueMissing(exists == null ? "null" : "true", attribute);
      }
      return new Ast.Compare(path(attribute), Comparator.EQ, new Ast.Literal(value, -1), -1);
    }
    if (value != null) {
      throw Errors.expectedValueWithExistsFalse(attribute);
    }
    return function("attribute_not_exists", path(attribute));
  }

  /** QueryFilter or ScanFilter, combined with ConditionalOperator. Null for an empty map. */
  static Cond filter(Map<String, io.dynamo4j.api.Condition> filter, ConditionalOperator operator) {
    List<Cond> conds = new ArrayList<>(filter.size());
    for (Map.Entry<String, io.dynamo4j.api.Condition> entry : filter.entrySet()) {
      io.dynamo4j.api.Condition c = entry.getValue();
      List<AttributeValue> args = c.attributeValueList() == null ? List.of() : c.attributeValueList();
      conds.add(condition(entry.getKey(), c.comparisonOperator(), args));
    }
    return combine(conds, operator);
  }

  /** Checks ConditionalOperator against the conditions it would combine (null: none given). */
  static void checkConditionalOperator(ConditionalOperator operator, Map<String, ?> conditions) {
    if (operator == null) {
      return;
    }
    if (conditions == null || conditions.isEmpty()) {
      throw Errors.conditionalOperatorWithoutConditions();
    }
    if (conditions.size() < 2) {
      throw Errors.conditionalOperatorWithOneCondition();
    }
  }

  private static Cond combine(List<Cond> conds, ConditionalOperator operator) {
    Cond result = null;
    for (Cond cond : conds) {
      if (result == null) {
        result = cond;
      } else if (operator == ConditionalOperator.OR) {
        result = new Ast.Or(result, cond, -1);
      } else {
        result = new Ast.And(result, cond, -1);
      }
    }
    return result;
  }

  /** One legacy condition on a top-level attribute. */
  static Cond condition(String attribute, ComparisonOperator operator, List<AttributeValue> args) {
    validate(operator, args);
    Ast.Path path = path(attribute);
    switch (operator) {
      case EQ:
        return new Ast.Compare(path, Comparator.EQ, literal(args.get(0)), -1);
      case NE:
        return new Ast.Compare(path, Comparator.NE, literal(args.get(0)), -1);
      case LT:
        return new Ast.Compare(path, Comparator.LT, literal(args.get(0)), -1);
      case LE:
        return new Ast.Compare(path, Comparator.LE, literal(args.get(0)), -1);
      case GT:
        return new Ast.Compare(path, Comparator.GT, literal(args.get(0)), -1);
      case GE:
        return new Ast.Compare(path, Comparator.GE, literal(args.get(0)), -1);
      case NOT_NULL:
        return function("attribute_exists", path);
      case NULL:
        return function("attribute_not_exists", path);
      case CONTAINS:
        return function("contains", path, literal(args.get(0)));
      case NOT_CONTAINS:
        // DynamoDB: a missing attribute does not satisfy NOT_CONTAINS
        return new Ast.And(function("attribute_exists", path),
            new Ast.Not(function("contains", path, literal(args.get(0))), -1), -1);
      case BEGINS_WITH:
        return function("begins_with", path, literal(args.get(0)));
      case IN: {
        List<Operand> candidates = new ArrayList<>(args.size());
        for (AttributeValue arg : args) {
          candidates.add(literal(arg));
        }
        return new Ast.In(path, candidates, -1);
      }
      default:
        return new Ast.Between(path, literal(args.get(0)), literal(args.get(1)), -1);
    }
  }

  /** DynamoDB's rules for the AttributeValueList of each ComparisonOperator. */
  static void validate(ComparisonOperator operator, List<AttributeValue> args) {
    if (operator == null) {
      throw Errors.noComparisonOperator();
    }
    int count = args.size();
    boolean countOk = switch (operator) {
      case NULL, NOT_NULL -> count == 0;
      case IN -> count >= 1;
      case BETWEEN -> count == 2;
      default -> count == 1;
    };
    if (!countOk) {
      throw Errors.argumentCount(operator.name());
    }
    for (AttributeValue arg : args) {
      AttributeValue.Type type = arg.type();
      boolean typeOk = switch (operator) {
        case EQ, NE -> true;
        case LT, LE, GT, GE, IN, BETWEEN -> Values.isOrdered(type);
        case CONTAINS, NOT_CONTAINS -> type != AttributeValue.Type.L && type != AttributeValue.Type.M && !Values.isSet(type);
        case BEGINS_WITH -> type == AttributeValue.Type.S || type == AttributeValue.Type.B;
        default -> true;
      };
      if (!typeOk) {
        throw Errors.operatorNotForType(operator.name(), type);
      }
    }
    if (operator == ComparisonOperator.IN || operator == ComparisonOperator.BETWEEN) {
      for (AttributeValue arg : args) {
        if (arg.type() != args.get(0).type()) {
          throw Errors.mixedArgumentTypes();
        }
      }
    }
    if (operator == ComparisonOperator.BETWEEN && Values.compare(args.get(0), args.get(1)) > 0) {
      throw Errors.legacyBetweenOrder();
    }
  }

  // ---------------------------------------------------------------- updates

  /** AttributeUpdates as update actions, in map order. */
  static Ast.UpdateExpr attributeUpdates(Map<String, AttributeValueUpdate> updates) {
    List<Action> actions = new ArrayList<>(updates.size());
    for (Map.Entry<String, AttributeValueUpdate> entry : updates.entrySet()) {
      String attribute = entry.getKey();
      AttributeValueUpdate update = entry.getValue();
      AttributeAction action = update.action() == null ? AttributeAction.PUT : update.action();
      AttributeValue value = update.value();
      if (value == null && action != AttributeAction.DELETE) {
        throw Errors.updateWithoutValue();
      }
      Ast.Path path = path(attribute);
      switch (action) {
        case PUT -> actions.add(new Action(Clause.SET, path, literal(value), -1));
        case DELETE -> {
          if (value == null) {
            actions.add(new Action(Clause.REMOVE, path, null, -1));
          } else {
            if (!Values.isSet(value.type())) {
              throw Errors.legacyDeleteType(Values.longTypeName(value.type()));
            }
            actions.add(new Action(Clause.DELETE, path, literal(value), -1));
          }
        }
        case ADD -> {
          AttributeValue.Type type = value.type();
          if (type != AttributeValue.Type.N && type != AttributeValue.Type.L && !Values.isSet(type)) {
            throw Errors.legacyAddType(Values.longTypeName(type));
          }
          actions.add(new Action(Clause.ADD, path, literal(value), -1));
        }
      }
    }
    return new Ast.UpdateExpr(actions, List.of());
  }

  // ---------------------------------------------------------------- projections

  /**
   * AttributesToGet as a projection of top-level attributes.
   *
   * @param batch whether the request is BatchGetItem, which words duplicates differently
   */
  static Ast.ProjectionExpr attributesToGet(List<String> names, boolean batch) {
    Set<String> seen = new HashSet<>();
    List<Ast.Path> paths = new ArrayList<>(names.size());
    for (String name : names) {
      if (name.isEmpty()) {
        throw Errors.emptyAttributeToGet();
      }
      if (!seen.add(name)) {
        throw batch
            ? Errors.invalidParameter("Duplicate value in attribute name: " + name)
            : Errors.duplicateAttributeToGet();
      }
      paths.add(path(name));
    }
    return new Ast.ProjectionExpr(paths);
  }

  // ---------------------------------------------------------------- helpers

  static Ast.Path path(String attribute) {
    return new Ast.Path(List.of(new Ast.Name(attribute, false, true, -1)), -1);
  }

  private static Ast.Literal literal(AttributeValue value) {
    return new Ast.Literal(value, -1);
  }

  private static Ast.FunctionCond function(String name, Operand... args) {
    return new Ast.FunctionCond(new Ast.Call(name, List.of(args), -1));
  }
}
