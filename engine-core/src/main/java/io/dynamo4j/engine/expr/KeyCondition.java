package io.dynamo4j.engine.expr;

import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.engine.expr.Ast.Comparator;
import io.dynamo4j.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Query's key condition (KeyConditionExpression or the legacy KeyConditions), compiled and ready
 * to be checked against the key schema of the table or index queried. {@link #analyze} applies
 * DynamoDB's rules and says what to read:
 *
 * <ul>
 *   <li>every partition key attribute by {@code =};
 *   <li>optionally the sort key attributes: a prefix of them by {@code =}, the last one given by
 *       one of {@code = < <= > >= BETWEEN begins_with} (multi-attribute keys of global secondary
 *       indexes, November 2025, allow up to four of each; a sort attribute may not be skipped);
 *   <li>no other operator ({@code <>}, IN, OR, NOT, other functions), no nested operation such as
 *       size(), no path into a key attribute, one condition per key attribute, and values of the
 *       key's type.
 * </ul>
 *
 * <p>Messages are DynamoDB's; where DynamoDB Local omits the element's name in "Query condition
 * missed key schema element", this class follows the real service and names it. The messages for
 * skipping a sort attribute of a multi-attribute key, or using a range on one that is not the
 * last, are DynamoDB's messages for the single-attribute case.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyCondition {

  /**
   * One condition on one attribute.
   *
   * @param operator null for equality
   * @param nested whether the condition's path goes below the attribute (an error, reported once
   *     the key schema says which)
   * @param legacy the legacy operator, null for KeyConditionExpression
   */
  private record Term(String attribute, boolean nested, KeyQuery.Operator operator, AttributeValue value,
      AttributeValue upper, ComparisonOperator legacy) {}

  private final Resolved.Cond expression;
  private final Map<String, io.dynamo4j.api.Condition> legacy;

  private KeyCondition(Resolved.Cond expression, Map<String, io.dynamo4j.api.Condition> legacy) {
    this.expression = expression;
    this.legacy = legacy;
  }

  static KeyCondition ofExpression(Resolved.Cond cond) {
    return new KeyCondition(cond, null);
  }

  static KeyCondition ofLegacy(Map<String, io.dynamo4j.api.Condition> keyConditions) {
    return new KeyCondition(null, keyConditions);
  }

  /**
   * Checks this key condition against {@code schema} and returns what it selects.
   *
   * @throws io.dynamo4j.error.ValidationException with DynamoDB's message when the condition does
   *     not fit the key schema
   */
  public KeyQuery analyze(KeySchema schema) {
    int max = Math.max(2, schema.partition().size() + schema.sort().size());
    List<Term> terms = expression != null ? expressionTerms() : legacyTerms(max);
    for (Term term : terms) {
      if (term.nested()) {
        if (schema.isKeyAttribute(term.attribute())) {
          throw Errors.keyNotScalar(term.attribute());
        }
        throw Errors.keyConditionOnNested();
      }
    }
    Map<String, Term> byName = new HashMap<>();
    for (Term term : terms) {
      if (byName.put(term.attribute(), term) != null) {
        throw Errors.keyConditionTwicePerKey();
      }
    }
    if (terms.size() > max) {
      throw Errors.keyConditionCount();
    }
    List<AttributeValue> partitionValues = new ArrayList<>(schema.partition().size());
    for (KeySchema.Attribute attribute : schema.partition()) {
      Term term = byName.get(attribute.name());
      if (term == null) {
        throw Errors.missedKeyElement(attribute.name());
      }
      if (term.legacy() == ComparisonOperator.NULL || term.legacy() == ComparisonOperator.NOT_NULL) {
        throw new io.dynamo4j.error.ValidationException("Only scalar types can be used as Hash Key values");
      }
      if (term.operator() != null || (term.legacy() != null && term.legacy() != ComparisonOperator.EQ)) {
        throw Errors.keyConditionNotSupported();
      }
      checkType(attribute, term);
      partitionValues.add(term.value());
    }
    Set<String> partitionNames = new HashSet<>();
    for (KeySchema.Attribute attribute : schema.partition()) {
      partitionNames.add(attribute.name());
    }
    List<Term> rest = new ArrayList<>();
    for (Term term : terms) {
      if (!partitionNames.contains(term.attribute())) {
        rest.add(term);
      }
    }
    List<AttributeValue> equalities = new ArrayList<>();
    KeyQuery.Range range = null;
    if (!rest.isEmpty()) {
      if (schema.sort().isEmpty()) {
        throw Errors.keyConditionNotSupported();
      }
      Set<String> sortNames = new HashSet<>();
      for (KeySchema.Attribute attribute : schema.sort()) {
        sortNames.add(attribute.name());
      }
      for (Term term : rest) {
        if (!sortNames.contains(term.attribute())) {
          throw Errors.missedKeyElement(firstUncovered(schema, byName));
        }
      }
      for (Term term : rest) {
        if (term.legacy() == ComparisonOperator.NULL || term.legacy() == ComparisonOperator.NOT_NULL) {
          throw Errors.rangeKeyNotScalar();
        }
        if (term.legacy() != null && term.operator() == null && term.legacy() != ComparisonOperator.EQ) {
          throw Errors.notIndexable();
        }
      }
      int given = 0;
      for (int i = 0; i < schema.sort().size(); i++) {
        if (byName.containsKey(schema.sort().get(i).name())) {
          if (given < i) {
            throw Errors.missedKeyElement(schema.sort().get(given).name());
          }
          given++;
        }
      }
      for (int i = 0; i < given; i++) {
        KeySchema.Attribute attribute = schema.sort().get(i);
        Term term = byName.get(attribute.name());
        checkType(attribute, term);
        if (term.operator() == null) {
          equalities.add(term.value());
        } else if (i == given - 1) {
          range = new KeyQuery.Range(attribute.name(), term.operator(), term.value(), term.upper());
        } else {
          throw Errors.keyConditionNotSupported();
        }
      }
    }
    return new KeyQuery(schema, partitionValues, equalities, range);
  }

  private static String firstUncovered(KeySchema schema, Map<String, Term> byName) {
    for (KeySchema.Attribute attribute : schema.sort()) {
      if (!byName.containsKey(attribute.name())) {
        return attribute.name();
      }
    }
    return schema.sort().get(0).name();
  }

  private static void checkType(KeySchema.Attribute attribute, Term term) {
    ScalarAttributeType type = attribute.type();
    if (type == null) {
      return;
    }
    String wanted = type.name();
    if (!term.value().type().descriptor().equals(wanted)
        || (term.upper() != null && !term.upper().type().descriptor().equals(wanted))) {
      throw Errors.keyTypeMismatch();
    }
  }

  // ---------------------------------------------------------------- KeyConditionExpression

  private List<Term> expressionTerms() {
    List<Resolved.Cond> conds = new ArrayList<>();
    flatten(expression, conds);
    List<Term> terms = new ArrayList<>(conds.size());
    for (Resolved.Cond cond : conds) {
      terms.add(term(cond));
    }
    return terms;
  }

  private static void flatten(Resolved.Cond cond, List<Resolved.Cond> out) {
    if (cond instanceof Resolved.And and) {
      flatten(and.left(), out);
      flatten(and.right(), out);
    } else if (cond instanceof Resolved.Or) {
      throw Errors.keyConditionOperator("OR");
    } else if (cond instanceof Resolved.Not) {
      throw Errors.keyConditionOperator("NOT");
    } else if (cond instanceof Resolved.In) {
      throw Errors.keyConditionOperator("IN");
    } else if (cond instanceof Resolved.Compare c && c.op() == Comparator.NE) {
      throw Errors.keyConditionOperator("<>");
    } else if (cond instanceof Resolved.Contains) {
      throw Errors.keyConditionOperator("contains");
    } else if (cond instanceof Resolved.Exists e) {
      throw Errors.keyConditionOperator(e.exists() ? "attribute_exists" : "attribute_not_exists");
    } else if (cond instanceof Resolved.TypeIs) {
      throw Errors.keyConditionOperator("attribute_type");
    } else {
      out.add(cond);
    }
  }

  private static Term term(Resolved.Cond cond) {
    if (cond instanceof Resolved.Compare c) {
      Resolved.Operand left = c.left();
      Resolved.Operand right = c.right();
      noNesting(left, right);
      boolean leftPath = left instanceof Resolved.PathOperand;
      boolean rightPath = right instanceof Resolved.PathOperand;
      if (leftPath && rightPath) {
        throw Errors.keyConditionInvalid("Multiple attribute names used in one condition");
      }
      if (!leftPath && !rightPath) {
        throw Errors.keyConditionInvalid("No key attribute specified");
      }
      DocPath path = ((Resolved.PathOperand) (leftPath ? left : right)).path();
      AttributeValue value = ((Resolved.Value) (leftPath ? right : left)).value();
      Comparator op = leftPath ? c.op() : c.op().flip();
      KeyQuery.Operator operator = switch (op) {
        case EQ -> null;
        case LT -> KeyQuery.Operator.LT;
        case LE -> KeyQuery.Operator.LE;
        case GT -> KeyQuery.Operator.GT;
        default -> KeyQuery.Operator.GE;
      };
      return new Term(path.top(), path.size() > 1, operator, value, null, null);
    }
    if (cond instanceof Resolved.Between b) {
      noNesting(b.subject(), b.low(), b.high());
      if (!(b.subject() instanceof Resolved.PathOperand subject)) {
        throw Errors.keyConditionInvalid("BETWEEN operator must have the key attribute as its first operand");
      }
      if (b.low() instanceof Resolved.PathOperand || b.high() instanceof Resolved.PathOperand) {
        throw Errors.keyConditionInvalid("Multiple attribute names used in one condition");
      }
      return new Term(subject.path().top(), subject.path().size() > 1, KeyQuery.Operator.BETWEEN,
          ((Resolved.Value) b.low()).value(), ((Resolved.Value) b.high()).value(), null);
    }
    Resolved.BeginsWith b = (Resolved.BeginsWith) cond;
    noNesting(b.subject(), b.prefix());
    if (!(b.subject() instanceof Resolved.PathOperand subject)) {
      throw Errors.keyConditionInvalid("begins_with operator must have the key attribute as its first operand");
    }
    if (b.prefix() instanceof Resolved.PathOperand) {
      throw Errors.keyConditionInvalid("Multiple attribute names used in one condition");
    }
    return new Term(subject.path().top(), subject.path().size() > 1, KeyQuery.Operator.BEGINS_WITH,
        ((Resolved.Value) b.prefix()).value(), null, null);
  }

  private static void noNesting(Resolved.Operand... operands) {
    for (Resolved.Operand operand : operands) {
      if (!(operand instanceof Resolved.PathOperand) && !(operand instanceof Resolved.Value)) {
        throw Errors.keyConditionNested();
      }
    }
  }

  // ---------------------------------------------------------------- KeyConditions

  private List<Term> legacyTerms(int max) {
    if (legacy.isEmpty() || legacy.size() > max) {
      throw Errors.keyConditionCount();
    }
    List<Term> terms = new ArrayList<>(legacy.size());
    for (Map.Entry<String, io.dynamo4j.api.Condition> entry : legacy.entrySet()) {
      io.dynamo4j.api.Condition c = entry.getValue();
      List<AttributeValue> args = c.attributeValueList() == null ? List.of() : c.attributeValueList();
      ComparisonOperator op = c.comparisonOperator();
      AttributeValue first = args.isEmpty() ? null : args.get(0);
      KeyQuery.Operator operator = switch (op) {
        case LT -> KeyQuery.Operator.LT;
        case LE -> KeyQuery.Operator.LE;
        case GT -> KeyQuery.Operator.GT;
        case GE -> KeyQuery.Operator.GE;
        case BETWEEN -> KeyQuery.Operator.BETWEEN;
        case BEGINS_WITH -> KeyQuery.Operator.BEGINS_WITH;
        default -> null;
      };
      AttributeValue value = first == null ? AttributeValue.nul() : first;
      AttributeValue upper = op == ComparisonOperator.BETWEEN ? args.get(1) : null;
      terms.add(new Term(entry.getKey(), false, operator, value, upper, op));
    }
    return terms;
  }
}
