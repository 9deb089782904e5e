package io.dynamo4j.engine.tck.scan;

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
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;
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
 * Invalid Scan requests, one per row: the exception type and DynamoDB's exact message. Rows with
 * several problems pin which one DynamoDB reports first: the table, the index, ConsistentRead on a
 * global index, the expressions, the ExclusiveStartKey, Select, Segment and TotalSegments, an
 * ExclusiveStartKey of another segment, key attributes read below their top level, unprojected
 * filter and projection attributes.
 *
 * <p>Fixture {@code ScanErrs}: pk S + sk N; GSI {@code byG} (g S; KEYS_ONLY), LSI {@code byL} (pk,
 * l S; INCLUDE x); one item in partition "a".
 */
class ScanErrorsTest extends EngineTest {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String NOT_SCALAR = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ";

  @BeforeEach
  void createFixture() {
    engine.createTable(t -> t.tableName("ScanErrs").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.string("l"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.keysOnly()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.include("x")).build()));
    engine.putItem(p -> p.tableName("ScanErrs").item(Item.of("pk", s("a"), "sk", n(1), "g", s("G"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scan_invalid_failsWithDynamoDbsErrorAndMessage(String name, UnaryOperator<ScanRequest.Builder> request,
      Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> engine.scan(b -> request.apply(b.tableName("ScanErrs")))).isInstanceOf(type).hasMessage(message);
  }

  private static Arguments row(String name, UnaryOperator<ScanRequest.Builder> request, String message) {
    return Arguments.of(name, request, ValidationException.class, message);
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    Item startA = Item.of("pk", s("a"), "sk", n(1));

    // ---- table, model, index, ConsistentRead ----
    c.add(Arguments.of("missing table", (UnaryOperator<ScanRequest.Builder>) b -> b.tableName("Nope"),
        ResourceNotFoundException.class, "Requested resource not found"));
    c.add(Arguments.of("missing table before unknown index and bad expression",
        (UnaryOperator<ScanRequest.Builder>) b -> b.tableName("Nope").indexName("whatever").filterExpression("a = = b"),
        ResourceNotFoundException.class, "Requested resource not found"));
    c.add(row("Limit 0", b -> b.limit(0),
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(row("TotalSegments 0", b -> b.segment(0).totalSegments(0),
        "1 validation error detected: Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(row("TotalSegments over a million", b -> b.segment(0).totalSegments(1_000_001),
        "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000"));
    c.add(row("negative Segment", b -> b.segment(-1).totalSegments(2),
        "1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0"));
    c.add(row("unknown index", b -> b.indexName("whatever"), "The table does not have the specified index: whatever"));
    c.add(row("unknown index before ConsistentRead and a syntax error",
        b -> b.indexName("whatever").consistentRead(true).filterExpression("a = = b"),
        "The table does not have the specified index: whatever"));
    c.add(row("ConsistentRead on a global index", b -> b.indexName("byG").consistentRead(true),
        "Consistent reads are not supported on global secondary indexes"));
    c.add(row("ConsistentRead on a global index before mixed parameters",
        b -> b.indexName("byG").consistentRead(true).attributesToGet("x").filterExpression("x = :x")
            .expressionAttributeValues(Map.of(":x", s("1"))),
        "Consistent reads are not supported on global secondary indexes"));

    // ---- expressions ----
    c.add(row("filter syntax error before an invalid ExclusiveStartKey",
        b -> b.filterExpression("a = = b").exclusiveStartKey(Item.of("zz", s("1"))),
        "Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = b\""));
    c.add(row("filter syntax error before a Segment without TotalSegments", b -> b.filterExpression("a = = b").segment(1),
        "Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = b\""));
    c.add(row("ScanFilter with FilterExpression", b -> b.filterExpression("x = :x").expressionAttributeValues(Map.of(":x", s("1")))
            .scanFilter(Map.of("x", Condition.builder().comparisonOperator(ComparisonOperator.NULL).build())),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
            + "{ScanFilter} Expression parameters: {FilterExpression}"));

    // ---- ExclusiveStartKey ----
    c.add(row("ExclusiveStartKey of the wrong size", b -> b.exclusiveStartKey(Item.of("pk", s("a"))),
        "Exclusive Start Key must have same size as table's key schema"));
    c.add(row("ExclusiveStartKey naming another attribute", b -> b.exclusiveStartKey(Item.of("pk", s("a"), "zz", n(1))),
        "The provided starting key is invalid"));
    c.add(row("ExclusiveStartKey with a key of the wrong type", b -> b.exclusiveStartKey(Item.of("pk", n(1), "sk", n(1))),
        "The provided starting key is invalid: The provided key element does not match the schema"));
    c.add(row("ExclusiveStartKey with an empty sort key", b -> b.indexName("byL").exclusiveStartKey(Item.of("pk", s("a"), "sk", n(1),
            "l", s(""))),
        "The provided starting key is invalid: One or more parameter values are not valid. A value specified for a secondary "
            + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. "
            + "IndexName: byL, IndexKey: l"));
    c.add(row("ExclusiveStartKey of a global index with an index key of the wrong type",
        b -> b.indexName("byG").exclusiveStartKey(Item.of("pk", s("a"), "sk", n(1), "g", n(1))),
        "The provided key element does not match the schema"));
    c.add(row("ExclusiveStartKey of a local index without the index key", b -> b.indexName("byL").exclusiveStartKey(startA),
        "Exclusive Start Key must have same size as table's key schema"));
    c.add(row("invalid ExclusiveStartKey before Select and segments",
        b -> b.exclusiveStartKey(Item.of("zz", s("1"))).select(Select.SPECIFIC_ATTRIBUTES).segment(3),
        "Exclusive Start Key must have same size as table's key schema"));
    c.add(row("ConsistentRead on a global index before an invalid ExclusiveStartKey",
        b -> b.indexName("byG").consistentRead(true).exclusiveStartKey(Item.of("zz", s("1"))),
        "Consistent reads are not supported on global secondary indexes"));

    // ---- Select ----
    c.add(row("SPECIFIC_ATTRIBUTES without a projection", b -> b.select(Select.SPECIFIC_ATTRIBUTES),
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"));
    c.add(row("COUNT with ProjectionExpression", b -> b.select(Select.COUNT).projectionExpression("x"),
        "Cannot specify the ProjectionExpression when choosing to get only the Count"));
    c.add(row("ALL_ATTRIBUTES with AttributesToGet", b -> b.select(Select.ALL_ATTRIBUTES).attributesToGet("x"),
        "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES"));
    c.add(row("ALL_PROJECTED_ATTRIBUTES on the table", b -> b.select(Select.ALL_PROJECTED_ATTRIBUTES),
        "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"));
    c.add(row("ALL_ATTRIBUTES on a keys-only global index", b -> b.indexName("byG").select(Select.ALL_ATTRIBUTES),
        INVALID + "Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL"));
    c.add(row("Select before a Segment without TotalSegments", b -> b.select(Select.SPECIFIC_ATTRIBUTES).segment(1),
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"));
    c.add(row("ALL_ATTRIBUTES on a global index before a Segment without TotalSegments",
        b -> b.indexName("byG").select(Select.ALL_ATTRIBUTES).segment(1),
        INVALID + "Select type ALL_ATTRIBUTES is not supported for global secondary index byG because its projection type is not ALL"));
    c.add(row("Select before a path below a key", b -> b.select(Select.COUNT).projectionExpression("x").filterExpression("attribute_exists(pk.a)"),
        "Cannot specify the ProjectionExpression when choosing to get only the Count"));

    // ---- segments ----
    c.add(row("Segment without TotalSegments", b -> b.segment(0),
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"));
    c.add(row("TotalSegments without Segment", b -> b.totalSegments(4),
        "The Segment parameter is required but was not present in the request when parameter TotalSegments is present"));
    c.add(row("Segment equal to TotalSegments", b -> b.segment(4).totalSegments(4),
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4"));
    c.add(row("Segment above TotalSegments before a path below a key", b -> b.segment(9).totalSegments(5).filterExpression("attribute_exists(pk.a)"),
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 9 is not less than TotalSegments: 5"));
    c.add(row("ExclusiveStartKey of another of a million segments", b -> b.segment(999_999).totalSegments(1_000_000).exclusiveStartKey(startA),
        "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. "
            + "TotalSegments: 1000000 Segment: 999999"));

    // ---- key paths and projections ----
    c.add(row("filter path below the partition key", b -> b.filterExpression("attribute_exists(pk.b)"), NOT_SCALAR + "Key: pk"));
    c.add(row("projection path below a global index key", b -> b.projectionExpression("x, g[1]"), NOT_SCALAR + "IndexKey: g"));
    c.add(row("table key before index key, filter and projection together",
        b -> b.projectionExpression("g.a").filterExpression("attribute_exists(sk[2])"), NOT_SCALAR + "Key: sk"));
    c.add(row("path below a key before unprojected filter attributes",
        b -> b.indexName("byG").filterExpression("attribute_exists(y) AND attribute_exists(pk.a)"), NOT_SCALAR + "Key: pk"));
    c.add(row("filter on attributes a global index does not project", b -> b.indexName("byG").filterExpression("y = :v AND b = :v")
            .expressionAttributeValues(Map.of(":v", s("1"))),
        INVALID + "Secondary index byG does not project one or more filter attributes: [b, y]"));
    c.add(row("filter on an attribute a local index does not project", b -> b.indexName("byL").filterExpression("attribute_exists(y)"),
        INVALID + "Secondary index byL does not project one or more filter attributes: [y]"));
    c.add(row("unprojected filter attributes before unprojected projection attributes",
        b -> b.indexName("byG").filterExpression("attribute_exists(y)").projectionExpression("z"),
        INVALID + "Secondary index byG does not project one or more filter attributes: [y]"));
    c.add(row("projection of attributes a global index does not project", b -> b.indexName("byG").projectionExpression("z, y, g"),
        INVALID + "Global secondary index byG does not project [y, z]"));
    return c.stream();
  }
}
