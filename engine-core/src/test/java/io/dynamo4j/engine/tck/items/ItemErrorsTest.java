package io.dynamo4j.engine.tck.items;

import static io.dynamo4j.model.AttributeValue.b;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeAction;
import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.AttributeValueUpdate;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.DeleteItemRequest;
import io.dynamo4j.api.ExpectedAttributeValue;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid PutItem, GetItem, UpdateItem and DeleteItem requests, one per row: the exception type and
 * DynamoDB's exact message. Rows marked "several problems" pin which one DynamoDB reports first:
 * model constraints, then expression/legacy mixing, attribute names and nesting, ReturnValues, item
 * size and the expressions (all before the table is looked up), then the table, the key, the index
 * keys, and last what only the stored item decides.
 *
 * <p>Fixtures: {@code Errs} (pk S + sk N; GSI {@code byG} on g S, KEYS_ONLY; GSI {@code byB} on
 * b B + n N; LSI {@code byN} on n), holding the item pk=stored, sk=1, num=5, txt="t";
 * {@code Flat} (pk S); {@code Bin} (pk B + sk S). Every failed request leaves the tables unchanged.
 */
class ItemErrorsTest extends EngineTest {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String NOT_VALID = "One or more parameter values are not valid. ";
  private static final Item STORED = Item.of("pk", s("stored"), "sk", n(1), "num", n(5), "txt", s("t"));

  @BeforeEach
  void createFixtures() {
    engine.createTable(t -> t.tableName("Errs").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.number("n"), AttributeDefinition.binary("b"))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g")).projection(Projection.keysOnly()).build(),
            GlobalSecondaryIndex.builder().indexName("byB").keySchema(KeySchemaElement.hash("b"), KeySchemaElement.range("n"))
                .projection(Projection.all()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byN")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("n")).projection(Projection.all()).build()));
    engine.createTable(t -> t.tableName("Flat").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
    engine.createTable(t -> t.tableName("Bin").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.binary("pk"), AttributeDefinition.string("sk")));
    engine.putItem(p -> p.tableName("Errs").item(STORED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void request_invalid_failsWithDynamoDbsErrorAndMessage(
      String name, Consumer<LocalEngine> call, Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> call.accept(engine)).isExactlyInstanceOf(type).hasMessage(message);
    assertThat(engine.getItem(g -> g.tableName("Errs").key(Item.of("pk", s("stored"), "sk", n(1)))).item())
        .as("a failed request changes nothing").isEqualTo(STORED);
    assertThat(engine.describeTable(d -> d.tableName("Errs")).table().itemCount()).isEqualTo(1);
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    String longName = "n".repeat(65536);

    // ---- PutItem: before the table is looked up ----
    c.add(put("no table name", p -> p.tableName(null), ValidationException.class,
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"));
    c.add(put("no item", p -> p.item((Map<String, AttributeValue>) null), ValidationException.class,
        "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null"));
    c.add(put("ReturnValues ALL_NEW", p -> p.returnValues(ReturnValue.ALL_NEW), ValidationException.class,
        "ReturnValues can only be ALL_OLD or NONE"));
    c.add(put("several problems: ReturnValues UPDATED_OLD on a missing table", p -> p.tableName("Nope").returnValues(ReturnValue.UPDATED_OLD),
        ValidationException.class, "ReturnValues can only be ALL_OLD or NONE"));
    c.add(put("item of 400 KB and one byte", p -> p.tableName("Flat").item(Item.of("pk", s("a"), "x", s("x".repeat(409597)))),
        ValidationException.class, "Item size has exceeded the maximum allowed size"));
    c.add(put("several problems: item too large, table missing, key missing", p -> p.tableName("Nope").item(Item.of("x", s("x".repeat(409600)))),
        ValidationException.class, "Item size has exceeded the maximum allowed size"));
    c.add(put("empty attribute name", p -> p.item(withAttribute("", s("x"))), ValidationException.class, "Empty attribute name"));
    c.add(put("empty map key", p -> p.item(withAttribute("m", m(Map.of("", s("x"))))), ValidationException.class, "Empty attribute name"));
    c.add(put("attribute name of 65536 bytes", p -> p.item(withAttribute(longName, s("x"))), ValidationException.class,
        "Attribute name is too large, must be less than 65536 bytes"));
    c.add(put("32 nested levels", p -> p.item(withAttribute("deep", nested(32, s("leaf")))), ValidationException.class,
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"));
    c.add(put("several problems: empty attribute name and ReturnValues ALL_NEW", p -> p.item(withAttribute("", s("x"))).returnValues(ReturnValue.ALL_NEW),
        ValidationException.class, "Empty attribute name"));
    c.add(put("several problems: mixed parameters, empty attribute name, ReturnValues ALL_NEW",
        p -> p.item(withAttribute("", s("x"))).returnValues(ReturnValue.ALL_NEW).conditionExpression("attribute_exists(pk)")
            .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build())),
        ValidationException.class, "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"));
    c.add(put("several problems: empty ConditionExpression on a missing table", p -> p.tableName("Nope").conditionExpression(""),
        ValidationException.class, "Invalid ConditionExpression: The expression can not be empty;"));
    c.add(put("table missing", p -> p.tableName("Nope"), ResourceNotFoundException.class, "Requested resource not found"));

    // ---- PutItem: the key and the index keys ----
    c.add(put("missing sort key", p -> p.item(Item.of("pk", s("a"))), ValidationException.class, INVALID + "Missing the key sk in the item"));
    c.add(put("several problems: both keys missing", p -> p.item(Item.of("x", s("a"))), ValidationException.class,
        INVALID + "Missing the key pk in the item"));
    c.add(put("partition key of the wrong type", p -> p.item(Item.of("pk", n(1), "sk", n(1))), ValidationException.class,
        INVALID + "Type mismatch for key pk expected: S actual: N"));
    c.add(put("several problems: both keys of the wrong type", p -> p.item(Item.of("pk", n(1), "sk", s("1"))), ValidationException.class,
        INVALID + "Type mismatch for key pk expected: S actual: N"));
    c.add(put("empty partition key", p -> p.item(Item.of("pk", s(""), "sk", n(1))), ValidationException.class,
        NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));
    c.add(put("several problems: empty partition key, sort key missing", p -> p.item(Item.of("pk", s(""))), ValidationException.class,
        NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));
    c.add(put("empty binary partition key", p -> p.tableName("Bin").item(Item.of("pk", b(new byte[0]), "sk", s("a"))), ValidationException.class,
        NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk"));
    c.add(put("several problems: partition key of the wrong type, empty sort key",
        p -> p.tableName("Bin").item(Item.of("pk", s("a"), "sk", s(""))), ValidationException.class,
        NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty string value. Key: sk"));
    c.add(put("partition key of 2049 bytes", p -> p.item(Item.of("pk", s("x".repeat(2049)), "sk", n(1))), ValidationException.class,
        INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    c.add(put("partition key of 683 three-byte characters (2049 bytes)", p -> p.item(Item.of("pk", s("\u20ac".repeat(683)), "sk", n(1))),
        ValidationException.class, INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    c.add(put("sort key of 1025 bytes", p -> p.tableName("Bin").item(Item.of("pk", b(new byte[] {1}), "sk", s("x".repeat(1025)))),
        ValidationException.class, INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
    c.add(put("index key of the wrong type", p -> p.item(withAttribute("g", n(5))), ValidationException.class,
        INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: byG"));
    c.add(put("several problems: two index keys of the wrong type (first index by name)",
        p -> p.item(withAttribute("g", n(5)).with("b", s("x"))), ValidationException.class,
        INVALID + "Type mismatch for Index Key b Expected: B Actual: S IndexName: byB"));
    c.add(put("several problems: empty index key and an index key of the wrong type",
        p -> p.item(withAttribute("g", s("")).with("n", s("x"))), ValidationException.class,
        INVALID + "Type mismatch for Index Key n Expected: N Actual: S IndexName: byB"));
    c.add(put("empty index key", p -> p.item(withAttribute("g", s(""))), ValidationException.class,
        NOT_VALID + "A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain "
            + "an empty string value. IndexName: byG, IndexKey: g"));
    c.add(put("index partition key of 2049 bytes", p -> p.item(withAttribute("g", s("x".repeat(2049)))), ValidationException.class,
        INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    c.add(put("several problems: table key and index key of the wrong type", p -> p.item(Item.of("pk", s("a"), "sk", s("1"), "g", n(1))),
        ValidationException.class, INVALID + "Type mismatch for key sk expected: N actual: S"));
    c.add(put("condition fails", p -> p.item(STORED).conditionExpression("attribute_not_exists(pk)"), ConditionalCheckFailedException.class,
        "The conditional request failed"));

    // ---- GetItem ----
    c.add(get("no key", g -> g.key((Map<String, AttributeValue>) null), ValidationException.class,
        "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null"));
    c.add(get("key of the wrong type", g -> g.key(Item.of("pk", s("a"), "sk", s("1"))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(get("key without its sort key", g -> g.key(Item.of("pk", s("a"))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(get("key with an attribute too many", g -> g.key(Item.of("pk", s("a"), "sk", n(1), "x", s("a"))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(get("several problems: empty partition key and sort key of the wrong type", g -> g.key(Item.of("pk", s(""), "sk", s("1"))),
        ValidationException.class, NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));
    c.add(get("key of 2049 bytes", g -> g.key(Item.of("pk", s("x".repeat(2049)), "sk", n(1))), ValidationException.class,
        INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    c.add(get("ProjectionExpression and AttributesToGet", g -> g.projectionExpression("a").attributesToGet("a"), ValidationException.class,
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"));
    c.add(get("an attribute twice in AttributesToGet", g -> g.attributesToGet("a", "a"), ValidationException.class,
        "Cannot have two attributes with the same name"));
    c.add(get("ExpressionAttributeNames without a projection", g -> g.expressionAttributeNames(Map.of("#a", "a")), ValidationException.class,
        "ExpressionAttributeNames can only be specified when using expressions"));
    c.add(get("several problems: bad projection on a missing table with a bad key", g -> g.tableName("Nope").key(Item.of("x", s("a")))
        .projectionExpression("a,"), ValidationException.class, "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\""));
    c.add(get("table missing", g -> g.tableName("Nope"), ResourceNotFoundException.class, "Requested resource not found"));

    // ---- UpdateItem ----
    c.add(update("update of the partition key", u -> u.updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("x"))),
        ValidationException.class, INVALID + "Cannot update attribute pk. This attribute is part of the key"));
    c.add(update("several problems: update of the sort key and an index key of the wrong type",
        u -> u.updateExpression("SET g = :n, sk = :n").expressionAttributeValues(Map.of(":n", n(1))),
        ValidationException.class, INVALID + "Cannot update attribute sk. This attribute is part of the key"));
    c.add(update("index key set to a number", u -> u.updateExpression("SET g = :n").expressionAttributeValues(Map.of(":n", n(1))),
        ValidationException.class, INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: byG"));
    c.add(update("index key set by arithmetic", u -> u.updateExpression("SET g = num + :n").expressionAttributeValues(Map.of(":n", n(1))),
        ValidationException.class, INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: byG"));
    c.add(update("index key set by list_append", u -> u.updateExpression("SET g = list_append(:l, :l)").expressionAttributeValues(Map.of(":l", l(s("x")))),
        ValidationException.class, INVALID + "Type mismatch for Index Key g Expected: S Actual: L IndexName: byG"));
    c.add(update("ADD of a string set to an index key", u -> u.updateExpression("ADD g :v").expressionAttributeValues(Map.of(":v", ss("x"))),
        ValidationException.class, INVALID + "Type mismatch for Index Key g Expected: S Actual: SS IndexName: byG"));
    c.add(update("index key set by if_not_exists to a number", u -> u.updateExpression("SET g = if_not_exists(nothing, :n)")
        .expressionAttributeValues(Map.of(":n", n(1))), ValidationException.class,
        "The update expression attempted to update the secondary index key to unsupported type"));
    c.add(update("value with an empty map key", u -> u.updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", m(Map.of("", s("x"))))),
        ValidationException.class, "ExpressionAttributeValues contains invalid value: Empty attribute name for key :v"));
    c.add(update("result nested 32 levels (the innermost map empty)", u -> u.updateExpression("SET a = :v")
        .expressionAttributeValues(Map.of(":v", nested(31, m(Map.of())))), ValidationException.class, "Nesting Levels have exceeded supported limits"));
    c.add(update("index key set by AttributeUpdates", u -> u.attributeUpdates(Map.of("n", new AttributeValueUpdate(s("x"), AttributeAction.PUT))),
        ValidationException.class, INVALID + "Type mismatch for Index Key n Expected: N Actual: S IndexName: byB"));
    c.add(update("write inside an index key", u -> u.updateExpression("SET g.x = :v").expressionAttributeValues(Map.of(":v", s("x"))),
        ValidationException.class, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: g"));
    c.add(update("several problems: write inside an index key and an index key of the wrong type",
        u -> u.updateExpression("SET b[0] = :v, g = :n").expressionAttributeValues(Map.of(":v", s("x"), ":n", n(1))),
        ValidationException.class, INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: byG"));
    c.add(update("index key set from an attribute of the wrong type", u -> u.updateExpression("SET g = num"),
        ValidationException.class, "The update expression attempted to update the secondary index key to unsupported type"));
    c.add(update("index key set to an empty string", u -> u.updateExpression("SET g = :e").expressionAttributeValues(Map.of(":e", s(""))),
        ValidationException.class, NOT_VALID + "The update expression attempted to update a secondary index key to a value that is not supported. "
            + "The AttributeValue for a key attribute cannot contain an empty string value."));
    c.add(update("index key made longer than 2048 bytes", u -> u.updateExpression("SET g = :v").expressionAttributeValues(Map.of(":v", s("x".repeat(2049)))),
        ValidationException.class, "The update expression attempted to update the secondary index key beyond allowed size limits"));
    c.add(update("result larger than 400 KB", u -> u.updateExpression("SET big = :v").expressionAttributeValues(Map.of(":v", s("x".repeat(409600)))),
        ValidationException.class, "Item size to update has exceeded the maximum allowed size"));
    c.add(update("key of the wrong type", u -> u.key(Item.of("pk", n(1), "sk", n(1))).updateExpression("SET a = :v")
        .expressionAttributeValues(Map.of(":v", s("x"))), ValidationException.class, "The provided key element does not match the schema"));
    c.add(update("UpdateExpression and AttributeUpdates", u -> u.updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", s("x")))
        .attributeUpdates(Map.of("a", new AttributeValueUpdate(s("x"), AttributeAction.PUT))), ValidationException.class,
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}"));
    c.add(update("several problems: bad key, missing table, empty UpdateExpression", u -> u.tableName("Nope").key(Item.of("x", s("a")))
        .updateExpression(""), ValidationException.class, "Invalid UpdateExpression: The expression can not be empty;"));
    c.add(update("several problems: condition fails and the update would not apply",
        u -> u.updateExpression("SET txt.a = :v").conditionExpression("num = :v").expressionAttributeValues(Map.of(":v", n(7))),
        ConditionalCheckFailedException.class, "The conditional request failed"));
    c.add(update("document path through a string", u -> u.updateExpression("SET txt.a = :v").expressionAttributeValues(Map.of(":v", n(7))),
        ValidationException.class, "The document path provided in the update expression is invalid for update"));
    c.add(update("table missing", u -> u.tableName("Nope"), ResourceNotFoundException.class, "Requested resource not found"));

    // ---- DeleteItem ----
    c.add(delete("ReturnValues ALL_NEW", d -> d.returnValues(ReturnValue.ALL_NEW), ValidationException.class,
        "ReturnValues can only be ALL_OLD or NONE"));
    c.add(delete("several problems: ReturnValues UPDATED_NEW with a key of the wrong type",
        d -> d.returnValues(ReturnValue.UPDATED_NEW).key(Item.of("pk", n(1))), ValidationException.class, "ReturnValues can only be ALL_OLD or NONE"));
    c.add(delete("key without its sort key", d -> d.key(Item.of("pk", s("stored"))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(delete("ExpressionAttributeValues without a condition", d -> d.expressionAttributeValues(Map.of(":v", n(1))), ValidationException.class,
        "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null"));
    c.add(delete("condition fails", d -> d.conditionExpression("num > :v").expressionAttributeValues(Map.of(":v", n(5))),
        ConditionalCheckFailedException.class, "The conditional request failed"));
    c.add(delete("table missing", d -> d.tableName("Nope"), ResourceNotFoundException.class, "Requested resource not found"));
    return c.stream();
  }

  private static Item withAttribute(String name, AttributeValue value) {
    return Item.of("pk", s("new"), "sk", n(2)).with(name, value);
  }

  /** {@code levels} maps nested in each other around {@code innermost}. */
  private static AttributeValue nested(int levels, AttributeValue innermost) {
    AttributeValue v = innermost;
    for (int i = 0; i < levels; i++) {
      v = m(Map.of("n", v));
    }
    return v;
  }

  private static Arguments put(String name, Consumer<PutItemRequest.Builder> change, Class<? extends DynamoException> type, String message) {
    return Arguments.of("PutItem: " + name, (Consumer<LocalEngine>) e -> e.putItem(p -> {
      p.tableName("Errs").item(Item.of("pk", s("new"), "sk", n(2)));
      change.accept(p);
    }), type, message);
  }

  private static Arguments get(String name, Consumer<GetItemRequest.Builder> change, Class<? extends DynamoException> type, String message) {
    return Arguments.of("GetItem: " + name, (Consumer<LocalEngine>) e -> e.getItem(g -> {
      g.tableName("Errs").key(Item.of("pk", s("stored"), "sk", n(1)));
      change.accept(g);
    }), type, message);
  }

  private static Arguments update(String name, Consumer<UpdateItemRequest.Builder> change, Class<? extends DynamoException> type, String message) {
    return Arguments.of("UpdateItem: " + name, (Consumer<LocalEngine>) e -> e.updateItem(u -> {
      u.tableName("Errs").key(Item.of("pk", s("stored"), "sk", n(1)));
      change.accept(u);
    }), type, message);
  }

  private static Arguments delete(String name, Consumer<DeleteItemRequest.Builder> change, Class<? extends DynamoException> type, String message) {
    return Arguments.of("DeleteItem: " + name, (Consumer<LocalEngine>) e -> e.deleteItem(d -> {
      d.tableName("Errs").key(Item.of("pk", s("stored"), "sk", n(1)));
      change.accept(d);
    }), type, message);
  }
}
