package io.dynamo4j.engine.tck.query;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.Condition;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid Query requests, one per row: the exception type and DynamoDB's exact message. Rows with
 * several problems pin which one DynamoDB reports first: the table, the index, the expressions,
 * key attributes read below their top level, ConsistentRead on a global index, the key condition,
 * the ExclusiveStartKey, filters on keys and on unprojected attributes, Select, projections of
 * unprojected attributes, Select ALL_ATTRIBUTES on a global index.
 *
 * <p>Fixtures: {@code Errs} (pk S + sk N; GSI {@code byG} (g S, gs N; KEYS_ONLY), GSI {@code byGAll}
 * (g; ALL), LSI {@code byL} (pk, l S; INCLUDE x)) and {@code ErrsHash} (pk S).
 */
class QueryErrorsTest extends EngineTest {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String EMPTY_PK = "One or more parameter values are not valid. The AttributeValue for a key attribute "
      + "cannot contain an empty string value. Key: pk";

  @BeforeEach
  void createFixtures() {
    engine.createTable(t -> t.tableName("Errs").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.number("gs"), AttributeDefinition.string("l"))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"), KeySchemaElement.range("gs"))
                .projection(Projection.keysOnly()).build(),
            GlobalSecondaryIndex.builder().indexName("byGAll").keySchema(KeySchemaElement.hash("g")).projection(Projection.all()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.include("x")).build()));
    createSimpleTable("ErrsHash", false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void query_invalid_failsWithDynamoDbsErrorAndMessage(String name, UnaryOperator<QueryRequest.Builder> request,
      Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> engine.query(b -> request.apply(b.tableName("Errs")))).isInstanceOf(type).hasMessage(message);
  }

  /** A valid query of partition "a" of {@code Errs}, for rows to spoil. */
  private static QueryRequest.Builder base(QueryRequest.Builder b) {
    return b.keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("a")));
  }

  /** A valid query of partition "G" of {@code byG}. */
  private static QueryRequest.Builder onG(QueryRequest.Builder b) {
    return b.indexName("byG").keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G")));
  }

  private static Map<String, AttributeValue> values(Object... kv) {
    Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (AttributeValue) kv[i + 1]);
    }
    return m;
  }

  private static Arguments row(String name, UnaryOperator<QueryRequest.Builder> request, String message) {
    return Arguments.of(name, request, ValidationException.class, message);
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();

    // ---- table, model constraints, index ----
    c.add(Arguments.of("missing table", (UnaryOperator<QueryRequest.Builder>) b -> base(b).tableName("Nope"),
        ResourceNotFoundException.class, "Requested resource not found"));
    c.add(Arguments.of("missing table and unknown index and bad Select",
        (UnaryOperator<QueryRequest.Builder>) b -> base(b).tableName("Nope").indexName("whatever").select(Select.SPECIFIC_ATTRIBUTES),
        ResourceNotFoundException.class, "Requested resource not found"));
    c.add(row("Limit 0", b -> base(b).limit(0),
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(row("unknown index", b -> base(b).indexName("whatever"), "The table does not have the specified index: whatever"));
    c.add(row("unknown index before an expression syntax error",
        b -> b.indexName("whatever").keyConditionExpression("pk = = :p").expressionAttributeValues(Map.of(":p", s("a"))),
        "The table does not have the specified index: whatever"));
    c.add(row("unknown index before mixed parameters", b -> base(b).indexName("whatever").attributesToGet("x"),
        "The table does not have the specified index: whatever"));

    // ---- expressions ----
    c.add(row("no key condition", b -> b, "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."));
    c.add(row("expression and legacy parameters", b -> base(b).attributesToGet("x"),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
            + "{AttributesToGet} Expression parameters: {KeyConditionExpression}"));
    c.add(row("key condition syntax error before ConsistentRead on a global index",
        b -> onG(b).keyConditionExpression("g = = :g").consistentRead(true),
        "Invalid KeyConditionExpression: Syntax error; token: \"=\", near: \"= = :g\""));

    // ---- key attributes below their top level ----
    c.add(row("filter path below the table's sort key", b -> base(b).filterExpression("attribute_exists(sk.a)"),
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk"));
    c.add(row("projection path below an index key of another index", b -> base(b).projectionExpression("g[0], x"),
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g"));
    c.add(row("table key reported before an index key mentioned first",
        b -> base(b).filterExpression("attribute_exists(l.a) AND attribute_exists(gs.b) AND attribute_exists(sk.c)"),
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk"));
    c.add(row("local index key reported before global index key",
        b -> base(b).filterExpression("attribute_exists(gs.b) AND attribute_exists(l.a)"),
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: l"));
    c.add(row("path below a key before ConsistentRead on a global index and a missed key element",
        b -> b.indexName("byG").consistentRead(true).keyConditionExpression("gs = :s").filterExpression("attribute_exists(pk.a)")
            .expressionAttributeValues(Map.of(":s", n(1))),
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"));

    // ---- ConsistentRead ----
    c.add(row("ConsistentRead on a global index", b -> onG(b).consistentRead(true),
        "Consistent reads are not supported on global secondary indexes"));
    c.add(row("ConsistentRead on a global index before a missed key element and Select",
        b -> b.indexName("byG").consistentRead(true).select(Select.SPECIFIC_ATTRIBUTES).keyConditionExpression("gs = :s")
            .expressionAttributeValues(Map.of(":s", n(1))),
        "Consistent reads are not supported on global secondary indexes"));

    // ---- key condition against the schema ----
    c.add(row("sort key only", b -> b.keyConditionExpression("sk = :s").expressionAttributeValues(Map.of(":s", n(1))),
        "Query condition missed key schema element: pk"));
    c.add(row("table key on a global index", b -> base(b).indexName("byG"), "Query condition missed key schema element: g"));
    c.add(row("sort key of the wrong type", b -> b.keyConditionExpression("pk = :p AND sk > :s")
        .expressionAttributeValues(values(":p", s("a"), ":s", s("1"))),
        INVALID + "Condition parameter type does not match schema type"));
    c.add(row("sort key condition on a table without one", b -> b.tableName("ErrsHash").keyConditionExpression("pk = :p AND sk > :s")
        .expressionAttributeValues(values(":p", s("a"), ":s", n(1))), "Query key condition not supported"));
    c.add(row("empty partition key value", b -> b.keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s(""))),
        EMPTY_PK));
    c.add(row("empty global index key value", b -> onG(b).expressionAttributeValues(Map.of(":g", s(""))),
        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
            + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byG, IndexKey: g"));
    c.add(row("sort key value over 1024 bytes", b -> b.indexName("byL").keyConditionExpression("pk = :p AND l < :l")
        .expressionAttributeValues(values(":p", s("a"), ":l", s("x".repeat(1025)))),
        INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
    c.add(row("legacy NULL on the sort key", b -> b.keyConditions(Map.of(
            "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("a")).build(),
            "sk", Condition.builder().comparisonOperator(ComparisonOperator.NULL).build())),
        "Only scalar types can be used as Range Key values"));
    c.add(row("missed key element before an invalid ExclusiveStartKey",
        b -> b.keyConditionExpression("sk = :s").expressionAttributeValues(Map.of(":s", n(1))).exclusiveStartKey(Item.of("zz", s("a"))),
        "Query condition missed key schema element: pk"));

    // ---- ExclusiveStartKey ----
    c.add(row("ExclusiveStartKey of the wrong size", b -> base(b).exclusiveStartKey(Item.of("pk", s("a"))),
        "Exclusive Start Key must have same size as table's key schema"));
    c.add(row("ExclusiveStartKey of a global index without its index key", b -> onG(b).exclusiveStartKey(Item.of("pk", s("a"), "sk", n(1))),
        "Exclusive Start Key must have same size as table's key schema"));
    c.add(row("ExclusiveStartKey naming another attribute", b -> base(b).exclusiveStartKey(Item.of("pk", s("a"), "zz", n(1))),
        "The provided starting key is invalid"));
    c.add(row("ExclusiveStartKey with a table key of the wrong type", b -> base(b).exclusiveStartKey(Item.of("pk", s("a"), "sk", s("1"))),
        "The provided starting key is invalid: The provided key element does not match the schema"));
    c.add(row("ExclusiveStartKey with an index key of the wrong type",
        b -> onG(b).exclusiveStartKey(Item.of("pk", s("a"), "sk", n(1), "g", s("G"), "gs", s("1"))),
        "The provided key element does not match the schema"));
    c.add(row("ExclusiveStartKey with an empty partition key",
        b -> base(b).exclusiveStartKey(Item.of("pk", s(""), "sk", n(1))),
        "The query can return at most one row and cannot be restarted. The provided starting key is invalid: " + EMPTY_PK));
    c.add(row("ExclusiveStartKey in another partition", b -> base(b).exclusiveStartKey(Item.of("pk", s("b"), "sk", n(1))),
        "The provided starting key is outside query boundaries based on provided conditions"));
    c.add(row("ExclusiveStartKey outside the sort key condition", b -> b.keyConditionExpression("pk = :p AND sk > :s")
            .expressionAttributeValues(values(":p", s("a"), ":s", n(5))).exclusiveStartKey(Item.of("pk", s("b"), "sk", n(1))),
        "The provided starting key does not match the range key predicate"));
    c.add(row("ExclusiveStartKey in another partition within the sort key condition", b -> b.keyConditionExpression("pk = :p AND sk > :s")
            .expressionAttributeValues(values(":p", s("a"), ":s", n(5))).exclusiveStartKey(Item.of("pk", s("b"), "sk", n(7))),
        "The query can return at most one row and cannot be restarted"));
    c.add(row("ExclusiveStartKey of another index partition",
        b -> onG(b).exclusiveStartKey(Item.of("pk", s("a"), "sk", n(1), "g", s("H"), "gs", n(1))),
        "The provided starting key is outside query boundaries based on provided conditions"));
    c.add(row("invalid ExclusiveStartKey before a filter on a key and Select",
        b -> base(b).filterExpression("sk > :s").expressionAttributeValues(values(":p", s("a"), ":s", n(1)))
            .select(Select.COUNT).projectionExpression("x").exclusiveStartKey(Item.of("zz", s("a"))),
        "Exclusive Start Key must have same size as table's key schema"));

    // ---- filters ----
    c.add(row("filter on the sort key", b -> base(b).filterExpression("sk > :s").expressionAttributeValues(values(":p", s("a"), ":s", n(1))),
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk"));
    c.add(row("QueryFilter on the sort key", b -> b.keyConditions(Map.of(
            "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("a")).build()))
        .queryFilter(Map.of("sk", Condition.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(n(1)).build())),
        "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk"));
    c.add(row("filter on the index sort key before unprojected filter attributes and Select",
        b -> onG(b).filterExpression("y = :g AND gs > :s").expressionAttributeValues(values(":g", s("G"), ":s", n(1)))
            .select(Select.SPECIFIC_ATTRIBUTES),
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: gs"));
    c.add(row("filter on attributes a global index does not project", b -> onG(b).filterExpression("y = :g AND x = :g"),
        INVALID + "Secondary index byG does not project one or more filter attributes: [x, y]"));
    c.add(row("filter on an attribute a local index does not project, even with ALL_ATTRIBUTES",
        b -> base(b).indexName("byL").filterExpression("attribute_exists(y)").select(Select.ALL_ATTRIBUTES),
        INVALID + "Secondary index byL does not project one or more filter attributes: [y]"));
    c.add(row("unprojected filter attributes before Select ALL_ATTRIBUTES on a global index",
        b -> onG(b).filterExpression("attribute_exists(y)").select(Select.ALL_ATTRIBUTES),
        INVALID + "Secondary index byG does not project one or more filter attributes: [y]"));

    // ---- Select and projections ----
    c.add(row("SPECIFIC_ATTRIBUTES without a projection", b -> base(b).select(Select.SPECIFIC_ATTRIBUTES),
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"));
    c.add(row("ALL_ATTRIBUTES with ProjectionExpression", b -> base(b).select(Select.ALL_ATTRIBUTES).projectionExpression("x"),
        "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES"));
    c.add(row("COUNT with AttributesToGet", b -> b.keyConditions(Map.of(
            "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("a")).build()))
        .select(Select.COUNT).attributesToGet("x"),
        "Cannot specify the AttributesToGet when choosing to get only the Count"));
    c.add(row("ALL_PROJECTED_ATTRIBUTES with ProjectionExpression on an index", b -> base(b).indexName("byL")
        .select(Select.ALL_PROJECTED_ATTRIBUTES).projectionExpression("x"),
        "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES"));
    c.add(row("ALL_PROJECTED_ATTRIBUTES on the table", b -> base(b).select(Select.ALL_PROJECTED_ATTRIBUTES),
        "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"));
    c.add(row("projection of attributes a global index does not project", b -> onG(b).projectionExpression("y, x.a, pk"),
        INVALID + "Global secondary index byG does not project [x, y]"));
    c.add(row("COUNT with a projection before unprojected projection attributes", b -> onG(b).select(Select.COUNT).projectionExpression("y"),
        "Cannot specify the ProjectionExpression when choosing to get only the Count"));
    c.add(row("ALL_ATTRIBUTES on a keys-only global index", b -> onG(b).select(Select.ALL_ATTRIBUTES),
        INVALID + "Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL"));
    return c.stream();
  }
}
