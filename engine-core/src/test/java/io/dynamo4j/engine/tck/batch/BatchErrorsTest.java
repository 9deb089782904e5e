package io.dynamo4j.engine.tck.batch;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.DeleteRequest;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid BatchGetItem and BatchWriteItem requests, one per row: the exception type and DynamoDB's
 * exact message; rows marked "several problems" pin which one DynamoDB reports first (request-wide
 * checks, then each table in request order: table, keys, duplicates). A failed batch writes nothing.
 *
 * <p>Fixtures: {@code Flat} (pk S, GSI {@code byG} on g S) holding pk=stored, and {@code Pairs}
 * (pk S + sk N).
 */
class BatchErrorsTest extends EngineTest {

  private static final String INVALID = "One or more parameter values were invalid: ";

  @BeforeEach
  void createFixtures() {
    engine.createTable(t -> t.tableName("Flat").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("g"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.all()).build()));
    createSimpleTable("Pairs", true);
    engine.putItem(p -> p.tableName("Flat").item(Item.of("pk", s("stored"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void request_invalid_failsWithDynamoDbsErrorAndMessage(
      String name, Consumer<LocalEngine> call, Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> call.accept(engine)).isExactlyInstanceOf(type).hasMessage(message);
    assertThat(engine.describeTable(d -> d.tableName("Flat")).table().itemCount()).as("nothing written").isEqualTo(1);
    assertThat(engine.describeTable(d -> d.tableName("Pairs")).table().itemCount()).as("nothing written").isZero();
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    Item flat = Item.of("pk", s("a"));
    Item pair = Item.of("pk", s("a"), "sk", n(1));

    // ---- BatchGetItem ----
    c.add(get("no RequestItems", null, ValidationException.class,
        "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null"));
    c.add(get("empty RequestItems", Map.of(), ValidationException.class,
        "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"));
    c.add(get("empty list of keys", Map.of("Flat", KeysAndAttributes.builder().keys(List.of()).build()), ValidationException.class,
        "1 validation error detected: Value '[]' at 'requestItems.Flat.member.keys' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1"));
    c.add(get("no keys", Map.of("Flat", KeysAndAttributes.builder().build()), ValidationException.class,
        "1 validation error detected: Value null at 'requestItems.Flat.member.keys' failed to satisfy constraint: Member must not be null"));
    c.add(get("101 keys over two tables", tables("Flat", keysOf(flatKeys(51)), "Pairs", keysOf(pairKeys(50))), ValidationException.class,
        "Too many items requested for the BatchGetItem call"));
    c.add(get("several problems: 101 keys of one table, with duplicates, on a missing table", Map.of("Nope", keysOf(repeat(flat, 101))),
        ValidationException.class, "Too many items requested for the BatchGetItem call"));
    c.add(get("a key twice", Map.of("Flat", keysOf(List.of(flat, Item.of("pk", s("b")), flat))), ValidationException.class,
        "Provided list of item keys contains duplicates"));
    c.add(get("a number key twice, written differently", Map.of("Pairs", keysOf(List.of(pair, Item.of("pk", s("a"), "sk", n("1.0"))))),
        ValidationException.class, "Provided list of item keys contains duplicates"));
    c.add(get("several problems: missing table first, then duplicates in another", tables("Nope", keysOf(List.of(flat)),
        "Flat", keysOf(List.of(flat, flat))), ValidationException.class, "Provided list of item keys contains duplicates"));
    c.add(get("ProjectionExpression and AttributesToGet", Map.of("Flat", KeysAndAttributes.builder().keys(List.of(flat))
        .projectionExpression("a").attributesToGet(List.of("a")).build()), ValidationException.class,
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"));
    c.add(get("an attribute twice in AttributesToGet", Map.of("Flat", KeysAndAttributes.builder().keys(List.of(flat))
        .attributesToGet(List.of("a", "a")).build()), ValidationException.class, INVALID + "Duplicate value in attribute name: a"));
    c.add(get("table missing", Map.of("Nope", keysOf(List.of(flat))), ResourceNotFoundException.class, "Requested resource not found"));
    c.add(get("several problems: missing table, then a bad key in the next", tables("Nope", keysOf(List.of(flat)),
        "Flat", keysOf(List.of(Item.of("pk", n(1))))), ResourceNotFoundException.class, "Requested resource not found"));
    c.add(get("key of the wrong type", Map.of("Flat", keysOf(List.of(Item.of("pk", n(1))))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(get("empty key value", Map.of("Flat", keysOf(List.of(Item.of("pk", s(""))))), ValidationException.class,
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));

    // ---- BatchWriteItem ----
    c.add(write("no RequestItems", null, ValidationException.class,
        "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null"));
    c.add(write("26 requests in one table", Map.of("Flat", puts(26)), ValidationException.class,
        "Too many items requested for the BatchWriteItem call"));
    c.add(write("13 + 13 requests over two tables", tables("Flat", puts(13), "Pairs", pairPuts(13)), ValidationException.class,
        "Too many items requested for the BatchWriteItem call"));
    c.add(write("empty list of requests", Map.of("Flat", List.of()), ValidationException.class,
        "The batch write request list for a table cannot be null or empty: Flat"));
    c.add(write("a request with neither put nor delete", Map.of("Flat", List.of(new WriteRequest(null, null))), ValidationException.class,
        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"));
    c.add(write("a request with both put and delete", Map.of("Flat", List.of(new WriteRequest(new PutRequest(flat), new DeleteRequest(flat)))),
        ValidationException.class, "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"));
    c.add(write("several problems: a put without item and a delete without key", Map.of("Flat", List.of(new WriteRequest(new PutRequest(null), null),
        new WriteRequest(null, new DeleteRequest(null)))), ValidationException.class,
        "2 validation errors detected: Value null at 'requestItems.Flat.member.1.member.putRequest.item' failed to satisfy constraint: "
            + "Member must not be null; Value null at 'requestItems.Flat.member.2.member.deleteRequest.key' failed to satisfy constraint: "
            + "Member must not be null"));
    c.add(write("item of 400 KB and one byte", Map.of("Flat", List.of(put(flat.with("x", s("x".repeat(409598)))))), ValidationException.class,
        "Item size has exceeded the maximum allowed size"));
    c.add(write("several problems: item too large on a missing table", Map.of("Nope", List.of(put(flat.with("x", s("x".repeat(409598)))))),
        ValidationException.class, "Item size has exceeded the maximum allowed size"));
    c.add(write("empty attribute name", Map.of("Flat", List.of(put(flat.with("", s("x"))))), ValidationException.class, "Empty attribute name"));
    c.add(write("table missing", Map.of("Nope", List.of(put(flat))), ResourceNotFoundException.class, "Requested resource not found"));
    c.add(write("several problems: missing table with a put and a delete of one item", Map.of("Nope", List.of(put(flat), delete(flat))),
        ResourceNotFoundException.class, "Requested resource not found"));
    c.add(write("a put and a delete of one item", Map.of("Flat", List.of(put(flat.with("v", s("x"))), delete(flat))), ValidationException.class,
        "Provided list of item keys contains duplicates"));
    c.add(write("two deletes of one item", Map.of("Pairs", List.of(delete(pair), delete(Item.of("sk", n(1), "pk", s("a"))))),
        ValidationException.class, "Provided list of item keys contains duplicates"));
    c.add(write("put without its key", Map.of("Flat", List.of(put(Item.of("x", s("a"))))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(write("put with a key of the wrong type", Map.of("Pairs", List.of(put(Item.of("pk", s("a"), "sk", s("1"))))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(write("put with an empty key", Map.of("Flat", List.of(put(Item.of("pk", s(""))))), ValidationException.class,
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));
    c.add(write("put with an index key of the wrong type", Map.of("Flat", List.of(put(flat.with("g", n(1))))), ValidationException.class,
        INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: byG"));
    c.add(write("put with a partition key of 2049 bytes", Map.of("Flat", List.of(put(Item.of("pk", s("x".repeat(2049)))))), ValidationException.class,
        INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    c.add(write("delete with an attribute too many", Map.of("Flat", List.of(delete(flat.with("x", s("x"))))), ValidationException.class,
        "The provided key element does not match the schema"));
    c.add(write("several problems: valid first table, bad key in the second", tables("Flat", List.of(put(flat)),
        "Pairs", List.of(delete(Item.of("pk", s("a"))))), ValidationException.class, "The provided key element does not match the schema"));
    return c.stream();
  }

  private static <V> Map<String, V> tables(String first, V firstValue, String second, V secondValue) {
    Map<String, V> map = new LinkedHashMap<>();
    map.put(first, firstValue);
    map.put(second, secondValue);
    return map;
  }

  private static KeysAndAttributes keysOf(List<Item> keys) {
    return KeysAndAttributes.builder().keys(keys).build();
  }

  private static List<Item> repeat(Item item, int times) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      items.add(item);
    }
    return items;
  }

  private static List<Item> flatKeys(int count) {
    List<Item> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(Item.of("pk", s("k" + i)));
    }
    return keys;
  }

  private static List<Item> pairKeys(int count) {
    List<Item> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(Item.of("pk", s("k"), "sk", n(i)));
    }
    return keys;
  }

  private static List<WriteRequest> puts(int count) {
    return flatKeys(count).stream().map(BatchErrorsTest::put).toList();
  }

  private static List<WriteRequest> pairPuts(int count) {
    return pairKeys(count).stream().map(BatchErrorsTest::put).toList();
  }

  private static WriteRequest put(Item item) {
    return new WriteRequest(new PutRequest(item), null);
  }

  private static WriteRequest delete(Item key) {
    return new WriteRequest(null, new DeleteRequest(key));
  }

  private static Arguments get(String name, Map<String, KeysAndAttributes> requestItems, Class<? extends DynamoException> type, String message) {
    return Arguments.of("BatchGetItem: " + name, (Consumer<LocalEngine>) e -> e.batchGetItem(b -> b.requestItems(requestItems)), type, message);
  }

  private static Arguments write(String name, Map<String, List<WriteRequest>> requestItems, Class<? extends DynamoException> type, String message) {
    return Arguments.of("BatchWriteItem: " + name, (Consumer<LocalEngine>) e -> e.batchWriteItem(b -> b.requestItems(requestItems)), type, message);
  }
}
