package io.dynamo4j.engine.tck.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CreateGlobalSecondaryIndexAction;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.DeleteGlobalSecondaryIndexAction;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.GlobalSecondaryIndexUpdate;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProjectionType;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.Tag;
import io.dynamo4j.api.UpdateGlobalSecondaryIndexAction;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.LimitExceededException;
import io.dynamo4j.error.ResourceInUseException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid control-plane requests, one per row: the exception type and DynamoDB's exact message.
 * Several rows have more than one problem, pinning which one DynamoDB reports first.
 *
 * <p>Fixtures: {@code Fixture} (provisioned 5/5, key pk S + sk N, GSI {@code byG} on g with 1/1,
 * deletion protection on) and {@code Flex} (on demand, key pk S, stream on).
 */
class ControlPlaneErrorsTest extends EngineTest {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";

  @BeforeEach
  void createFixtures() {
    engine.createTable(t -> t.tableName("Fixture")
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"))
        .provisionedThroughput(ProvisionedThroughput.of(5, 5))
        .globalSecondaryIndexes(gsi("byG", List.of(KeySchemaElement.hash("g")), Projection.all(), ProvisionedThroughput.of(1, 1)))
        .deletionProtectionEnabled(true));
    engine.createTable(t -> t.tableName("Flex")
        .keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void request_invalid_failsWithDynamoDbsErrorAndMessage(
      String name, Consumer<LocalEngine> call, Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> call.accept(engine)).isInstanceOf(type).hasMessage(message);
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();

    // ---- CreateTable: names, model violations, throughput ----
    c.add(create("name too short", t -> t.tableName("ab"), ValidationException.class,
        "TableName must be at least 3 characters long and at most 255 characters long"));
    c.add(create("name too long", t -> t.tableName("n".repeat(256)), ValidationException.class,
        "TableName must be at least 3 characters long and at most 255 characters long"));
    c.add(create("name with bad characters", t -> t.tableName("abc;"), ValidationException.class,
        "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
    c.add(create("three problems: no definitions, bad name, no key schema",
        t -> t.tableName("abc;").attributeDefinitions((List<AttributeDefinition>) null).keySchema((List<KeySchemaElement>) null),
        ValidationException.class,
        "3 validation errors detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; "
            + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
            + "Value null at 'keySchema' failed to satisfy constraint: Member must not be null"));
    c.add(create("model: empty key schema and zero throughput, before anything else",
        t -> t.keySchema(List.of()).billingMode(null).provisionedThroughput(ProvisionedThroughput.of(0, 0)).tableName("ab"),
        ValidationException.class,
        "3 validation errors detected: Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1; "
            + "Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
            + "Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(create("PROVISIONED without throughput", t -> t.billingMode(BillingMode.PROVISIONED), ValidationException.class,
        INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
    c.add(create("no billing mode, no throughput", t -> t.billingMode(null), ValidationException.class,
        INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
    c.add(create("PAY_PER_REQUEST with throughput", t -> t.provisionedThroughput(ProvisionedThroughput.of(1, 1)), ValidationException.class,
        INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"));
    c.add(create("read capacity out of bounds (checked before write)",
        t -> t.billingMode(null).provisionedThroughput(ProvisionedThroughput.of(1_000_000_000_001L, 1_000_000_000_001L)),
        ValidationException.class, "Given value 1000000000001 for ReadCapacityUnits is out of bounds"));
    c.add(create("capacity over the table quota", t -> t.billingMode(null).provisionedThroughput(ProvisionedThroughput.of(40_001, 1)),
        LimitExceededException.class, "Subscriber limit exceeded: Provisioned throughput for a table or a global secondary index cannot "
            + "exceed 40000 units. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits."));

    // ---- CreateTable: attribute definitions and the table's key ----
    c.add(create("duplicate attribute definition",
        t -> t.attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("pk")), ValidationException.class,
        INVALID + "Duplicate AttributeName in AttributeDefinitions: pk"));
    c.add(create("key schema of three elements",
        t -> t.keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("a"), KeySchemaElement.range("b"))
            .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("a"), AttributeDefinition.string("b")),
        ValidationException.class, "Key Schema too big.  Key Schema must at most consist of the hash and range key of a table"));
    c.add(create("range key without definition", t -> t.keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk")),
        ValidationException.class, "Invalid KeySchema: Some index key attribute have no definition"));
    c.add(create("hash key without definition", t -> t.keySchema(KeySchemaElement.hash("a")).attributeDefinitions(AttributeDefinition.string("b")),
        ValidationException.class, INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]"));
    c.add(create("hash and range of the same name",
        t -> t.keySchema(KeySchemaElement.hash("a"), KeySchemaElement.range("a"))
            .attributeDefinitions(AttributeDefinition.string("a"), AttributeDefinition.string("b")),
        ValidationException.class, "Both the Hash Key and the Range Key element in the KeySchema have the same name"));
    c.add(create("first element RANGE", t -> t.keySchema(KeySchemaElement.range("a"), KeySchemaElement.hash("b")).attributeDefinitions(s("a"), s("b")),
        ValidationException.class, "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"));
    c.add(create("two HASH elements", t -> t.keySchema(KeySchemaElement.hash("a"), KeySchemaElement.hash("b")).attributeDefinitions(s("a"), s("b")),
        ValidationException.class, "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"));
    c.add(create("definition no key uses, no index", t -> t.attributeDefinitions(s("pk"), s("extra")), ValidationException.class,
        INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"));
    c.add(create("definition no key uses, with an index",
        t -> t.attributeDefinitions(s("pk"), s("g"), s("extra")).globalSecondaryIndexes(gsi("gsi", List.of(KeySchemaElement.hash("g")), Projection.all(), null)),
        ValidationException.class, INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: [pk, g, extra], keys used: [pk, g]"));

    // ---- CreateTable: local indexes ----
    c.add(createSorted("empty LocalSecondaryIndexes", t -> t.localSecondaryIndexes(List.of()), ValidationException.class,
        INVALID + "List of LocalSecondaryIndexes is empty"));
    c.add(create("LSI on a table without sort key (and more than 5 of them)",
        t -> t.attributeDefinitions(s("pk"), s("l")).localSecondaryIndexes(lsis(6, "pk", "l")), ValidationException.class,
        INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"));
    c.add(createSorted("LSI without sort key", t -> t.localSecondaryIndexes(lsi("lsi", List.of(KeySchemaElement.hash("pk")), Projection.all())),
        ValidationException.class, INVALID + "Index KeySchema does not have a range key for index: lsi"));
    c.add(createSorted("LSI with another hash key",
        t -> t.localSecondaryIndexes(lsi("lsi", List.of(KeySchemaElement.hash("l"), KeySchemaElement.range("sk")), Projection.all())),
        ValidationException.class, INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: lsi. "
            + "index hash key: l, table hash key: pk"));
    c.add(createSorted("LSI with a multi-attribute key",
        t -> t.localSecondaryIndexes(lsi("lsi", List.of(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"), KeySchemaElement.range("l")),
            Projection.all())),
        ValidationException.class, INVALID + "Index KeySchema for index: lsi has more than 2 elements; a local secondary index key is the "
            + "table's HASH key and one RANGE key"));
    c.add(createSorted("LSI key attribute undefined (and bad projection)",
        t -> t.localSecondaryIndexes(lsi("lsi", List.of(KeySchemaElement.hash("pk"), KeySchemaElement.range("zz")), new Projection(null, null))),
        ValidationException.class, INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [pk, zz], "
            + "AttributeDefinitions: [pk, sk, l]"));
    c.add(createSorted("six LSIs", t -> t.localSecondaryIndexes(lsis(6, "pk", "l")), ValidationException.class,
        INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5"));

    // ---- CreateTable: global indexes, multi-attribute keys, projections ----
    c.add(create("empty GlobalSecondaryIndexes", t -> t.globalSecondaryIndexes(List.of()), ValidationException.class,
        INVALID + "List of GlobalSecondaryIndexes is empty"));
    c.add(createGsi("GSI key attributes undefined", List.of(KeySchemaElement.hash("g"), KeySchemaElement.hash("zz")), Projection.all(),
        ValidationException.class, INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [g, zz], "
            + "AttributeDefinitions: [pk, g, h1, h2, h3, h4, r1, r2, r3, r4]"));
    c.add(createGsi("GSI with five HASH elements",
        List.of(KeySchemaElement.hash("g"), KeySchemaElement.hash("h1"), KeySchemaElement.hash("h2"), KeySchemaElement.hash("h3"), KeySchemaElement.hash("h4")),
        Projection.all(), ValidationException.class, INVALID + "Index KeySchema for index: gsi has more than 4 HASH key elements; "
            + "a global secondary index key can have up to 4 HASH and up to 4 RANGE elements"));
    c.add(createGsi("GSI with five RANGE elements",
        List.of(KeySchemaElement.hash("g"), KeySchemaElement.range("r1"), KeySchemaElement.range("r2"), KeySchemaElement.range("r3"),
            KeySchemaElement.range("r4"), KeySchemaElement.range("h1")),
        Projection.all(), ValidationException.class, INVALID + "Index KeySchema for index: gsi has more than 4 RANGE key elements; "
            + "a global secondary index key can have up to 4 HASH and up to 4 RANGE elements"));
    c.add(createGsi("GSI starting with RANGE", List.of(KeySchemaElement.range("r1"), KeySchemaElement.hash("g")), Projection.all(),
        ValidationException.class, "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"));
    c.add(createGsi("GSI with HASH after RANGE", List.of(KeySchemaElement.hash("g"), KeySchemaElement.range("r1"), KeySchemaElement.hash("h1")),
        Projection.all(), ValidationException.class, INVALID + "Index KeySchema for index: gsi lists a HASH key element after a RANGE key "
            + "element; every HASH element must come before every RANGE element"));
    c.add(createGsi("GSI naming one attribute twice", List.of(KeySchemaElement.hash("g"), KeySchemaElement.hash("h1"), KeySchemaElement.range("g")),
        Projection.all(), ValidationException.class, INVALID + "Duplicate AttributeName in KeySchema of index: gsi: g"));
    c.add(createGsi("GSI hash and range of the same name", List.of(KeySchemaElement.hash("g"), KeySchemaElement.range("g")), Projection.all(),
        ValidationException.class, "Both the Hash Key and the Range Key element in the KeySchema have the same name"));
    c.add(createGsi("GSI projection without type", List.of(KeySchemaElement.hash("g")), new Projection(null, List.of("a")),
        ValidationException.class, INVALID + "Unknown ProjectionType: null"));
    c.add(createGsi("GSI ALL with NonKeyAttributes", List.of(KeySchemaElement.hash("g")), new Projection(ProjectionType.ALL, List.of("a")),
        ValidationException.class, INVALID + "ProjectionType is ALL, but NonKeyAttributes is specified"));
    c.add(createGsi("GSI KEYS_ONLY with NonKeyAttributes", List.of(KeySchemaElement.hash("g")), new Projection(ProjectionType.KEYS_ONLY, List.of("a")),
        ValidationException.class, INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified"));
    c.add(createGsi("GSI INCLUDE without NonKeyAttributes", List.of(KeySchemaElement.hash("g")), new Projection(ProjectionType.INCLUDE, null),
        ValidationException.class, "If Projection type INCLUDE is specified, some non-key attributes to include in the projection must be specified as well"));
    c.add(create("21 GSIs", t -> t.attributeDefinitions(s("pk"), s("g")).globalSecondaryIndexes(gsis(21, Projection.all())),
        ValidationException.class, INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20"));
    c.add(create("120 projected attributes in 6 GSIs", t -> t.attributeDefinitions(s("pk"), s("g")).globalSecondaryIndexes(gsis(6, include20())),
        ValidationException.class, INVALID + "The number of projected non-key attributes across all secondary indexes of a table exceeds the limit of 100: 120"));
    c.add(createSorted("an LSI and a GSI of the same name",
        t -> t.attributeDefinitions(s("pk"), n("sk"), s("l")).localSecondaryIndexes(lsi("idx", List.of(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")), Projection.all()))
            .globalSecondaryIndexes(gsi("idx", List.of(KeySchemaElement.hash("l")), Projection.keysOnly(), null)),
        ValidationException.class, INVALID + "Duplicate index name: idx"));
    c.add(create("GSI of a provisioned table without throughput",
        t -> t.billingMode(BillingMode.PROVISIONED).provisionedThroughput(ProvisionedThroughput.of(1, 1)).attributeDefinitions(s("pk"), s("g"))
            .globalSecondaryIndexes(gsi("gsi", List.of(KeySchemaElement.hash("g")), Projection.all(), null)),
        ValidationException.class, INVALID + "ProvisionedThroughput must be specified for index: gsi"));
    c.add(create("GSI of an on-demand table with throughput",
        t -> t.attributeDefinitions(s("pk"), s("g")).globalSecondaryIndexes(gsi("gsi", List.of(KeySchemaElement.hash("g")), Projection.all(),
            ProvisionedThroughput.of(1, 1))),
        ValidationException.class, INVALID + "ProvisionedThroughput should not be specified for index: gsi when BillingMode is PAY_PER_REQUEST"));

    // ---- CreateTable: stream, tags, existing table ----
    c.add(create("stream enabled without view type", t -> t.streamSpecification(new StreamSpecification(true, null)), ValidationException.class,
        "Invalid StreamViewType: Stream ViewType must not be null or empty when enabling streams."));
    c.add(create("stream disabled with view type", t -> t.streamSpecification(new StreamSpecification(false, StreamViewType.KEYS_ONLY)),
        ValidationException.class, "Invalid StreamViewType: Stream StreamEnabled was false but a StreamViewType was present."));
    c.add(create("reserved tag key", t -> t.tags(Tag.of("aws:cost", "x")), ValidationException.class,
        INVALID + "Tag keys starting with 'aws:' are reserved for system use: aws:cost"));
    c.add(create("51 tags", t -> t.tags(tags(51)), ValidationException.class, INVALID + "The number of tags on a resource cannot exceed 50"));
    c.add(create("table exists", t -> t.tableName("Flex"), ResourceInUseException.class, "Table already exists: Flex"));

    // ---- DescribeTable, ListTables, DeleteTable, DescribeLimits ----
    c.add(row("DescribeTable of a missing table", e -> e.describeTable(r -> r.tableName("Nope")), ResourceNotFoundException.class,
        "Requested resource not found: Table: Nope not found"));
    c.add(row("DescribeTable without name", e -> e.describeTable(r -> r.tableName(null)), ValidationException.class,
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"));
    c.add(row("DescribeTable by an ARN of another account", e -> e.describeTable(r -> r.tableName("arn:aws:dynamodb:us-east-1:111111111111:table/Flex")),
        ResourceNotFoundException.class, "Requested resource not found: Table: arn:aws:dynamodb:us-east-1:111111111111:table/Flex not found"));
    c.add(row("ListTables limit 0", e -> e.listTables(r -> r.limit(0)), ValidationException.class,
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(row("ListTables bad start name and limit 101", e -> e.listTables(r -> r.limit(101).exclusiveStartTableName("a")), ValidationException.class,
        "2 validation errors detected: Value 'a' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
            + "Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"));
    c.add(row("DeleteTable of a missing table", e -> e.deleteTable(r -> r.tableName("Nope")), ResourceNotFoundException.class,
        "Requested resource not found: Table: Nope not found"));
    c.add(row("DeleteTable with deletion protection", e -> e.deleteTable(r -> r.tableName("Fixture")), ValidationException.class,
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first."));

    // ---- UpdateTable ----
    c.add(update("nothing to update (checked before the table exists)", u -> u.tableName("Nope"), ValidationException.class,
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required"));
    c.add(update("only attribute definitions", u -> u.attributeDefinitions(s("x")), ValidationException.class,
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required"));
    c.add(update("missing table", u -> u.tableName("Nope").provisionedThroughput(ProvisionedThroughput.of(2, 2)), ResourceNotFoundException.class,
        "Requested resource not found: Table: Nope not found"));
    c.add(update("same throughput", u -> u.provisionedThroughput(ProvisionedThroughput.of(5, 5)), ValidationException.class,
        "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned "
            + "for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. "
            + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits."));
    c.add(update("throughput on an on-demand table", u -> u.tableName("Flex").provisionedThroughput(ProvisionedThroughput.of(5, 5)), ValidationException.class,
        INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"));
    c.add(update("to PROVISIONED without throughput", u -> u.tableName("Flex").billingMode(BillingMode.PROVISIONED), ValidationException.class,
        INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
    c.add(update("create and delete in one update",
        u -> u.attributeDefinitions(s("h")).globalSecondaryIndexUpdates(createGsiUpdate("byH", "h"), deleteGsiUpdate("byG")),
        LimitExceededException.class, "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table"));
    c.add(update("empty index update (and same throughput)",
        u -> u.provisionedThroughput(ProvisionedThroughput.of(5, 5)).globalSecondaryIndexUpdates(new GlobalSecondaryIndexUpdate(null, null, null)),
        ValidationException.class, "Update global secondary index action is null"));
    c.add(update("two actions in one index update",
        u -> u.globalSecondaryIndexUpdates(new GlobalSecondaryIndexUpdate(
            new UpdateGlobalSecondaryIndexAction("byG", ProvisionedThroughput.of(2, 2), null, null), null, new DeleteGlobalSecondaryIndexAction("byG"))),
        ValidationException.class, INVALID + "Only one of Create, Update or Delete can be specified in one GlobalSecondaryIndexUpdate"));
    c.add(update("create an index that exists", u -> u.globalSecondaryIndexUpdates(createGsiUpdate("byG", "g")), ValidationException.class,
        INVALID + "Index with name byG already exists"));
    c.add(update("create an index on an undefined attribute", u -> u.globalSecondaryIndexUpdates(createGsiUpdate("byH", "h")), ValidationException.class,
        INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [h], AttributeDefinitions: [pk, sk, g]"));
    c.add(update("redefine a key attribute's type", u -> u.attributeDefinitions(n("g"), s("h")).globalSecondaryIndexUpdates(createGsiUpdate("byH", "h")),
        ValidationException.class, INVALID + "Cannot change the type of attribute g which is already defined for this table"));
    c.add(update("update an unknown index",
        u -> u.globalSecondaryIndexUpdates(new GlobalSecondaryIndexUpdate(new UpdateGlobalSecondaryIndexAction("zzz", ProvisionedThroughput.of(2, 2), null, null), null, null)),
        ValidationException.class, "Invalid global secondary index name"));
    c.add(update("delete an unknown index", u -> u.globalSecondaryIndexUpdates(deleteGsiUpdate("zzz")), ResourceNotFoundException.class,
        "Requested resource not found"));
    c.add(update("same index throughput",
        u -> u.globalSecondaryIndexUpdates(new GlobalSecondaryIndexUpdate(new UpdateGlobalSecondaryIndexAction("byG", ProvisionedThroughput.of(1, 1), null, null), null, null)),
        ValidationException.class, "The provisioned throughput for the index byG will not change. The requested value equals the current value. "
            + "Current ReadCapacityUnits provisioned for the index: 1. Requested ReadCapacityUnits: 1. Current WriteCapacityUnits provisioned for the index: 1. "
            + "Requested WriteCapacityUnits: 1. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits."));
    c.add(update("enable an enabled stream", u -> u.tableName("Flex").streamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY)),
        ValidationException.class, "Table already has an enabled stream"));
    c.add(update("disable a missing stream", u -> u.streamSpecification(new StreamSpecification(false, null)), ValidationException.class,
        "Table has no stream to disable"));

    // ---- TagResource, UntagResource, ListTagsOfResource ----
    c.add(row("tag a resource that is not an ARN", e -> e.tagResource(r -> r.resourceArn("I_do_not_exist").tags(Tag.of("a", "b"))), ValidationException.class,
        "Invalid TableArn: Invalid ResourceArn provided as input I_do_not_exist: ARNs must start with 'arn:'"));
    c.add(row("tag a malformed ARN", e -> e.tagResource(r -> r.resourceArn("arn:not/a/good/format").tags(Tag.of("a", "b"))), ValidationException.class,
        "Invalid TableArn: Invalid ResourceArn provided as input arn:not/a/good/format"));
    c.add(row("tag a missing table", e -> e.tagResource(r -> r.resourceArn(ARN + "Flexx").tags(Tag.of("a", "b"))), ResourceNotFoundException.class,
        "Requested resource not found: ResourcArn: " + ARN + "Flexx not found"));
    c.add(row("tag with no tags (and a missing table)", e -> e.tagResource(r -> r.resourceArn(ARN + "Nope").tags(List.of())), ValidationException.class,
        INVALID + "Tags must contain at least one tag"));
    c.add(row("tag with a reserved key", e -> e.tagResource(r -> r.resourceArn(ARN + "Flex").tags(Tag.of("AWS:x", "b"))), ValidationException.class,
        INVALID + "Tag keys starting with 'aws:' are reserved for system use: AWS:x"));
    c.add(row("tag value with bad characters", e -> e.tagResource(r -> r.resourceArn(ARN + "Flex").tags(Tag.of("ok", "#!%"))), ValidationException.class,
        INVALID + "Tag value '#!%' contains characters other than letters, numbers, white space and + - = . _ : / @"));
    c.add(row("tag key too long (model)", e -> e.tagResource(r -> r.resourceArn(ARN + "Flex").tags(Tag.of("k".repeat(129), "v"))), ValidationException.class,
        "1 validation error detected: Value '" + "k".repeat(129) + "' at 'tags.1.member.key' failed to satisfy constraint: "
            + "Member must have length less than or equal to 128"));
    c.add(row("untag with no keys", e -> e.untagResource(r -> r.resourceArn(ARN + "Flex").tagKeys(List.of())), ValidationException.class,
        INVALID + "TagKeys must contain at least one tag key"));
    c.add(row("list tags of a missing table", e -> e.listTagsOfResource(r -> r.resourceArn(ARN + "Nope")), ResourceNotFoundException.class,
        "Requested resource not found: ResourcArn: " + ARN + "Nope not found"));
    return c.stream();
  }

  // ---- request builders: each row starts from a valid request and breaks it ----

  private static Arguments row(String name, Consumer<LocalEngine> call, Class<? extends DynamoException> type, String message) {
    return Arguments.of(name, call, type, message);
  }

  /** A valid on-demand table {@code Tbl} with key pk S, changed by {@code change}. */
  private static Arguments create(String name, UnaryOperator<CreateTableRequest.Builder> change, Class<? extends DynamoException> type, String message) {
    return row("CreateTable: " + name, e -> e.createTable(change.apply(CreateTableRequest.builder().tableName("Tbl")
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(s("pk")).billingMode(BillingMode.PAY_PER_REQUEST)).build()), type, message);
  }

  /** A valid on-demand table {@code Tbl} with key pk S + sk N and an attribute l S for LSIs, changed by {@code change}. */
  private static Arguments createSorted(String name, UnaryOperator<CreateTableRequest.Builder> change, Class<? extends DynamoException> type, String message) {
    return create(name, t -> change.apply(t.keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk")).attributeDefinitions(s("pk"), n("sk"), s("l"))),
        type, message);
  }

  /** A table with one GSI {@code gsi} of key {@code key} over defined attributes g, h1..h4, r1..r4. */
  private static Arguments createGsi(String name, List<KeySchemaElement> key, Projection projection, Class<? extends DynamoException> type, String message) {
    return create(name, t -> t.attributeDefinitions(s("pk"), s("g"), s("h1"), s("h2"), s("h3"), s("h4"), n("r1"), s("r2"), s("r3"), s("r4"))
        .globalSecondaryIndexes(gsi("gsi", key, projection, null)), type, message);
  }

  /** An UpdateTable of {@code Fixture}, changed by {@code change}. */
  private static Arguments update(String name, Consumer<io.dynamo4j.api.UpdateTableRequest.Builder> change, Class<? extends DynamoException> type, String message) {
    return row("UpdateTable: " + name, e -> e.updateTable(u -> change.accept(u.tableName("Fixture"))), type, message);
  }

  static GlobalSecondaryIndex gsi(String name, List<KeySchemaElement> key, Projection projection, ProvisionedThroughput throughput) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(key).projection(projection).provisionedThroughput(throughput).build();
  }

  static LocalSecondaryIndex lsi(String name, List<KeySchemaElement> key, Projection projection) {
    return LocalSecondaryIndex.builder().indexName(name).keySchema(key).projection(projection).build();
  }

  private static List<LocalSecondaryIndex> lsis(int count, String hash, String range) {
    List<LocalSecondaryIndex> l = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      l.add(lsi("lsi" + i, List.of(KeySchemaElement.hash(hash), KeySchemaElement.range(range)), Projection.all()));
    }
    return l;
  }

  private static List<GlobalSecondaryIndex> gsis(int count, Projection projection) {
    List<GlobalSecondaryIndex> g = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      g.add(gsi("gsi" + i, List.of(KeySchemaElement.hash("g")), projection, null));
    }
    return g;
  }

  private static Projection include20() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      names.add("a" + i);
    }
    return Projection.include(names.toArray(new String[0]));
  }

  static List<Tag> tags(int count) {
    List<Tag> t = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      t.add(Tag.of("k" + i, "v" + i));
    }
    return t;
  }

  static GlobalSecondaryIndexUpdate createGsiUpdate(String index, String hash) {
    return new GlobalSecondaryIndexUpdate(null, new CreateGlobalSecondaryIndexAction(index, List.of(KeySchemaElement.hash(hash)), Projection.all(),
        ProvisionedThroughput.of(1, 1), null, null), null);
  }

  static GlobalSecondaryIndexUpdate deleteGsiUpdate(String index) {
    return new GlobalSecondaryIndexUpdate(null, null, new DeleteGlobalSecondaryIndexAction(index));
  }

  private static AttributeDefinition s(String name) {
    return AttributeDefinition.string(name);
  }

  private static AttributeDefinition n(String name) {
    return AttributeDefinition.number(name);
  }
}
