package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Utf8;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every expression of one DynamoDB request, compiled: the entry point of this package.
 *
 * <pre>{@code
 * ExpressionSet expressions = ExpressionSet.compile(ExpressionInputs.of(request)); // may throw
 * Condition condition = expressions.condition();  // null when the request has none
 * if (condition != null && !condition.test(oldItem)) { ...ConditionalCheckFailedException... }
 * Item newItem = expressions.update().apply(oldItem != null ? oldItem : keyItem);
 * }</pre>
 *
 * <p>{@link #compile} checks everything expression-related in a request and reports the first
 * problem as DynamoDB does, in DynamoDB's order:
 *
 * <ol>
 *   <li>expression and legacy parameters mixed ("Can not use both expression and non-expression
 *       parameters in the same request: ...");
 *   <li>ExpressionAttributeNames or ExpressionAttributeValues without an expression that could use
 *       them, then either map empty, then their keys (syntax, length), names (empty, too long) and
 *       total sizes (2 MB);
 *   <li>each expression, in the order DynamoDB reads them (UpdateExpression before
 *       ConditionExpression; FilterExpression, ProjectionExpression, KeyConditionExpression for a
 *       Query): empty, longer than 4 KB, syntax, redundant parentheses, reserved words and
 *       functions, clauses, placeholders and semantic rules, substituted size, operator count;
 *   <li>placeholders unused by every expression of the request, names before values;
 *   <li>a Query without key condition; then the legacy parameters, translated to the same compiled
 *       forms.
 * </ol>
 *
 * <p>What needs the table is left to the caller, on the returned objects: the key schema of a
 * Query ({@link KeyCondition#analyze}), key attributes a Query filter may not use
 * ({@link Condition#checkNoKeyAttributes}) or an update may not write
 * ({@link Update#checkKeyAttributes}). DynamoDB Local looks the table up before compiling, so a
 * request to a missing table reports ResourceNotFoundException first.
 *
 * <p>Parsed expressions are cached by their text (bounded, JVM-wide); placeholders are resolved
 * for each request. Instances are immutable and thread-safe.
 */
public final class ExpressionSet {

  /** DynamoDB's limit on the length of one expression. */
  static final int MAX_EXPRESSION_LENGTH = 4096;
  /** DynamoDB's limit on a placeholder, {@code #} or {@code :} included. */
  static final int MAX_PLACEHOLDER_LENGTH = 255;
  /** DynamoDB's limit on an attribute name, in UTF-8 bytes. */
  static final int MAX_NAME_BYTES = 65535;
  /** DynamoDB's limit on each placeholder map, and on both together (2 MB). */
  static final long MAX_MAP_SIZE = 2L * 1024 * 1024;

  private static final String NAMES = "ExpressionAttributeNames";
  private static final String VALUES = "ExpressionAttributeValues";

  private final Condition condition;
  private final Update update;
  private final Projection projection;
  private final Condition filter;
  private final KeyCondition keyCondition;

  private ExpressionSet(Condition condition, Update update, Projection projection, Condition filter,
      KeyCondition keyCondition) {
    this.condition = condition;
    this.update = update;
    this.projection = projection;
    this.filter = filter;
    this.keyCondition = keyCondition;
  }

  /**
   * Compiles a request's expressions.
   *
   * @throws ValidationException with DynamoDB's message for the first problem found
   */
  public static ExpressionSet compile(ExpressionInputs inputs) {
    return new Compilation(inputs, true).run();
  }

  /**
   * Only the first check of {@link #compile}: that the request does not mix expression and legacy
   * parameters. For operations where DynamoDB reports other problems (PutItem's ReturnValues and
   * item size) after this one but before the expressions themselves; {@link #compile} repeats it.
   *
   * @throws ValidationException with DynamoDB's message when both kinds are present
   */
  public static void checkMixing(ExpressionInputs inputs) {
    new Compilation(inputs, true).checkMixing();
  }

  /** As {@link #compile}, parsing every expression afresh: for benchmarks and tests. */
  public static ExpressionSet compileUncached(ExpressionInputs inputs) {
    return new Compilation(inputs, false).run();
  }

  /** ConditionExpression or Expected; null when the request has neither. */
  public Condition condition() {
    return condition;
  }

  /** UpdateExpression or AttributeUpdates; null when the request has neither. */
  public Update update() {
    return update;
  }

  /** ProjectionExpression or AttributesToGet; null when the request has neither (all attributes). */
  public Projection projection() {
    return projection;
  }

  /** FilterExpression, QueryFilter or ScanFilter; null when the request has none. */
  public Condition filter() {
    return filter;
  }

  /** KeyConditionExpression or KeyConditions (Query only); null otherwise. */
  public KeyCondition keyCondition() {
    return keyCondition;
  }

  // ---------------------------------------------------------------- compilation

  /** One request's compilation. Single-use, not thread-safe. */
  private static final class Compilation {
    private final ExpressionInputs in;
    private final Operation op;
    private final boolean cached;
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    private Condition condition;
    private Update update;
    private Projection projection;
    private Condition filter;
    private KeyCondition keyCondition;

    Compilation(ExpressionInputs in, boolean cached) {
      this.in = in;
      this.op = in.operation();
      this.cached = cached;
      this.names = in.expressionAttributeNames();
      boolean takesValues = op != Operation.GET && op != Operation.BATCH_GET;
      this.values = takesValues ? in.expressionAttributeValues() : null;
    }

    ExpressionSet run() {
      checkMixing();
      checkMapsUsable();
      checkMaps();
      compileExpressions();
      checkUnused();
      if (op == Operation.QUERY && in.keyConditionExpression() == null && in.keyConditions() == null) {
        throw Errors.noKeyCondition();
      }
      compileLegacy();
      return new ExpressionSet(condition, update, projection, filter, keyCondition);
    }

    // -------------------------------------------------------------- request-level checks

    private void checkMixing() {
      List<String> legacy = new ArrayList<>(4);
      List<String> expressions = new ArrayList<>(3);
      switch (op) {
        case PUT, DELETE, CONDITION_CHECK -> {
          add(legacy, "Expected", in.expected());
          add(legacy, "ConditionalOperator", in.conditionalOperator());
          add(expressions, "ConditionExpression", in.conditionExpression());
        }
        case UPDATE -> {
          add(legacy, "AttributeUpdates", in.attributeUpdates());
          add(legacy, "Expected", in.expected());
          add(legacy, "ConditionalOperator", in.conditionalOperator());
          add(expressions, "UpdateExpression", in.updateExpression());
          add(expressions, "ConditionExpression", in.conditionExpression());
        }
        case GET, BATCH_GET -> {
          add(legacy, "AttributesToGet", in.attributesToGet());
          add(expressions, "ProjectionExpression", in.projectionExpression());
        }
        case QUERY -> {
          add(legacy, "AttributesToGet", in.attributesToGet());
          add(legacy, "QueryFilter", in.queryFilter());
          add(legacy, "ConditionalOperator", in.conditionalOperator());
          // KeyConditions goes with the other expressions unless KeyConditionExpression is given too
          if (in.keyConditionExpression() != null) {
            add(legacy, "KeyConditions", in.keyConditions());
          }
          add(expressions, "ProjectionExpression", in.projectionExpression());
          add(expressions, "FilterExpression", in.filterExpression());
          add(expressions, "KeyConditionExpression", in.keyConditionExpression());
        }
        case SCAN -> {
          add(legacy, "AttributesToGet", in.attributesToGet());
          add(legacy, "ScanFilter", in.scanFilter());
          add(legacy, "ConditionalOperator", in.conditionalOperator());
          add(expressions, "ProjectionExpression", in.projectionExpression());
          add(expressions, "FilterExpression", in.filterExpression());
        }
      }
      if (!legacy.isEmpty() && !expressions.isEmpty()) {
        throw Errors.mixedParameters(legacy, expressions);
      }
    }

    private static void add(List<String> list, String parameter, Object value) {
      if (value != null) {
        list.add(parameter);
      }
    }

    private void checkMapsUsable() {
      boolean anyExpression = in.conditionExpression() != null || in.updateExpression() != null
          || in.projectionExpression() != null || in.filterExpression() != null || in.keyConditionExpression() != null;
      if (names != null && !anyExpression) {
        throw Errors.namesWithoutExpression();
      }
      if (values == null) {
        return;
      }
      String missing = switch (op) {
        case PUT, DELETE, CONDITION_CHECK -> in.conditionExpression() == null ? "ConditionExpression is null" : null;
        case UPDATE -> in.updateExpression() == null && in.conditionExpression() == null
            ? "UpdateExpression and ConditionExpression are null" : null;
        case QUERY -> in.filterExpression() == null && in.keyConditionExpression() == null
            ? "FilterExpression and KeyConditionExpression are null" : null;
        case SCAN -> in.filterExpression() == null ? "FilterExpression is null" : null;
        default -> null;
      };
      if (missing != null) {
        throw Errors.valuesWithoutExpression(missing);
      }
    }

    private void checkMaps() {
      if (names != null) {
        if (names.isEmpty()) {
          throw Errors.emptyMap(NAMES);
        }
        for (String key : names.keySet()) {
          checkKey(NAMES, key, '#');
        }
      }
      if (values != null) {
        if (values.isEmpty()) {
          throw Errors.emptyMap(VALUES);
        }
        for (String key : values.keySet()) {
          checkKey(VALUES, key, ':');
        }
      }
      long namesSize = 0;
      if (names != null) {
        for (Map.Entry<String, String> entry : names.entrySet()) {
          String name = entry.getValue();
          if (name.isEmpty()) {
            throw Errors.emptyAttributeName(entry.getKey());
          }
          int bytes = Utf8.length(name);
          if (bytes > MAX_NAME_BYTES) {
            throw Errors.attributeNameTooLong(entry.getKey());
          }
          namesSize += entry.getKey().length() + bytes;
        }
      }
      long valuesSize = 0;
      if (values != null) {
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
          checkNamesInside(entry.getKey(), entry.getValue());
          valuesSize += entry.getKey().length() + entry.getValue().sizeInBytes();
        }
      }
      if (namesSize > MAX_MAP_SIZE) {
        throw Errors.mapTooLarge(NAMES);
      }
      if (valuesSize > MAX_MAP_SIZE) {
        throw Errors.mapTooLarge(VALUES);
      }
      if (namesSize + valuesSize > MAX_MAP_SIZE) {
        throw Errors.mapsTooLarge();
      }
    }

    /** The map keys inside a value placeholder's value: as attribute names, not empty and under 64 KB. */
    private static void checkNamesInside(String key, AttributeValue value) {
      if (value instanceof AttributeValue.M m) {
        io.dynamo4j.model.Item map = m.value();
        for (int i = 0; i < map.size(); i++) {
          String name = map.nameAt(i);
          if (name.isEmpty()) {
            throw Errors.emptyNameInValue(key);
          }
          if (name.length() > MAX_NAME_BYTES / 3 && Utf8.length(name) > MAX_NAME_BYTES) {
            throw Errors.nameInValueTooLong(key);
          }
          checkNamesInside(key, map.valueAt(i));
        }
      } else if (value instanceof AttributeValue.L l) {
        for (AttributeValue element : l.value()) {
          checkNamesInside(key, element);
        }
      }
    }

    private static void checkKey(String parameter, String key, char sigil) {
      if (key.length() > MAX_PLACEHOLDER_LENGTH) {
        throw Errors.keyTooLong(parameter, key.length());
      }
      boolean valid = key.length() > 1 && key.charAt(0) == sigil;
      for (int i = 1; i < key.length() && valid; i++) {
        char c = key.charAt(i);
        valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      }
      if (!valid) {
        throw Errors.invalidKey(parameter, key);
      }
    }

    private void checkUnused() {
      // every placeholder used is defined (an undefined one has already failed), so equal sizes
      // mean nothing is unused
      if (names != null && usedNames.size() < names.size()) {
        Set<String> unused = new HashSet<>(names.keySet());
        unused.removeAll(usedNames);
        if (!unused.isEmpty()) {
          throw Errors.unused(NAMES, String.join(", ", unused));
        }
      }
      if (values != null && usedValues.size() < values.size()) {
        Set<String> unused = new HashSet<>(values.keySet());
        unused.removeAll(usedValues);
        if (!unused.isEmpty()) {
          throw Errors.unused(VALUES, String.join(", ", unused));
        }
      }
    }

    // -------------------------------------------------------------- expressions

    private void compileExpressions() {
      switch (op) {
        case PUT, DELETE, CONDITION_CHECK -> compileCondition();
        case UPDATE -> {
          if (in.updateExpression() != null) {
            update = compileUpdate(in.updateExpression());
          }
          compileCondition();
        }
        case GET, BATCH_GET -> compileProjection();
        case QUERY -> {
          compileFilter();
          compileProjection();
          if (in.keyConditionExpression() != null) {
            keyCondition = KeyCondition.ofExpression(
                conditionTree(ExpressionKind.KEY_CONDITION, in.keyConditionExpression()));
          }
        }
        case SCAN -> {
          compileFilter();
          compileProjection();
        }
      }
    }

    private void compileCondition() {
      if (in.conditionExpression() != null) {
        condition = new Condition(conditionTree(ExpressionKind.CONDITION, in.conditionExpression()),
            "Filter Expression");
      }
    }

    private void compileFilter() {
      if (in.filterExpression() != null) {
        filter = new Condition(conditionTree(ExpressionKind.FILTER, in.filterExpression()), "Filter Expression");
      }
    }

    private void compileProjection() {
      if (in.projectionExpression() != null) {
        String text = in.projectionExpression();
        projection = guarded(ExpressionKind.PROJECTION, text, () -> {
          ParseCache.Parsed parsed = parse(ExpressionKind.PROJECTION, text);
          Resolver resolver = resolver(ExpressionKind.PROJECTION, text);
          Projection compiled = resolver.projection((Ast.ProjectionExpr) parsed.ast());
          resolver.checkSubstitutedSize();
          return compiled;
        });
      }
    }

    private Resolved.Cond conditionTree(ExpressionKind kind, String text) {
      return guarded(kind, text, () -> {
        ParseCache.Parsed parsed = parse(kind, text);
        Resolver resolver = resolver(kind, text);
        Resolved.Cond cond = resolver.condition((Ast.Cond) parsed.ast());
        resolver.checkSubstitutedSize();
        Operators.check(kind, parsed.operators());
        return cond;
      });
    }

    private Update compileUpdate(String text) {
      return guarded(ExpressionKind.UPDATE, text, () -> {
        ParseCache.Parsed parsed = parse(ExpressionKind.UPDATE, text);
        Resolver resolver = resolver(ExpressionKind.UPDATE, text);
        Resolver.ResolvedUpdate resolved = resolver.update((Ast.UpdateExpr) parsed.ast());
        resolver.checkSubstitutedSize();
        Operators.check(ExpressionKind.UPDATE, parsed.operators());
        return new Update(resolved.actions(), resolved.paths(), true);
      });
    }

    /**
     * Checks the length, then compiles one expression: here, or on a large stack when the text
     * nests deeply (see {@link ParseCache#SHALLOW}).
     */
    private <T> T guarded(ExpressionKind kind, String text, java.util.function.Supplier<T> compile) {
      if (text.isEmpty()) {
        throw Errors.empty(kind);
      }
      if (text.length() > MAX_EXPRESSION_LENGTH) {
        throw Errors.tooLong(kind, text.length());
      }
      return ParseCache.isDeep(text) ? DeepStack.call(compile) : compile.get();
    }

    private ParseCache.Parsed parse(ExpressionKind kind, String text) {
      return cached ? ParseCache.get(kind, text) : ParseCache.parse(kind, text);
    }

    private Resolver resolver(ExpressionKind kind, String text) {
      return new Resolver(kind, text.length(), names, values, usedNames, usedValues);
    }

    // -------------------------------------------------------------- legacy parameters

    private void compileLegacy() {
      switch (op) {
        case PUT, DELETE -> {
          condition = legacyExpected();
          Legacy.checkConditionalOperator(in.conditionalOperator(), in.expected());
        }
        case UPDATE -> {
          if (in.attributeUpdates() != null) {
            Ast.UpdateExpr actions = Legacy.attributeUpdates(in.attributeUpdates());
            Resolver.ResolvedUpdate resolved = legacyResolver(ExpressionKind.UPDATE).legacyUpdate(actions);
            update = new Update(resolved.actions(), resolved.paths(), false);
          }
          if (in.expected() != null) {
            condition = legacyExpected();
          }
          Legacy.checkConditionalOperator(in.conditionalOperator(), in.expected());
        }
        case GET, BATCH_GET -> legacyProjection();
        case QUERY -> {
          legacyFilter(in.queryFilter(), "QueryFilter");
          legacyProjection();
          if (in.keyConditions() != null && in.keyConditionExpression() == null) {
            for (io.dynamo4j.api.Condition c : in.keyConditions().values()) {
              Legacy.validate(c.comparisonOperator(),
                  c.attributeValueList() == null ? List.of() : c.attributeValueList());
            }
            keyCondition = KeyCondition.ofLegacy(in.keyConditions());
          }
        }
        case SCAN -> {
          legacyFilter(in.scanFilter(), "ScanFilter");
          legacyProjection();
        }
        default -> { }
      }
    }

    private Condition legacyExpected() {
      if (in.expected() == null) {
        return condition;
      }
      Ast.Cond cond = Legacy.expected(in.expected(), in.conditionalOperator());
      Resolved.Cond resolved = cond == null ? new Resolved.Always()
          : legacyResolver(ExpressionKind.CONDITION).condition(cond);
      return new Condition(resolved, "Expected");
    }

    private void legacyFilter(Map<String, io.dynamo4j.api.Condition> conditions, String parameter) {
      if (conditions != null) {
        Ast.Cond cond = Legacy.filter(conditions, in.conditionalOperator());
        Resolved.Cond resolved = cond == null ? new Resolved.Always()
            : legacyResolver(ExpressionKind.FILTER).condition(cond);
        filter = new Condition(resolved, parameter);
      }
      Legacy.checkConditionalOperator(in.conditionalOperator(), conditions);
    }

    private void legacyProjection() {
      if (in.attributesToGet() != null && in.projectionExpression() == null) {
        Ast.ProjectionExpr paths = Legacy.attributesToGet(in.attributesToGet(), op == Operation.BATCH_GET);
        projection = legacyResolver(ExpressionKind.PROJECTION).projection(paths);
      }
    }

    private static Resolver legacyResolver(ExpressionKind kind) {
      return new Resolver(kind, 0, null, null, new HashSet<>(), new HashSet<>());
    }
  }
}
