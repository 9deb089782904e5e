package io.dynamo4j.engine.tck.txn;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.TransactionCanceledException;
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
 * Invalid TransactWriteItems and TransactGetItems requests, one per row: the exception type and the
 * exact message (DynamoDB Local's texts, which public tests of the real service agree with), and
 * for cancellations the reason codes in action order. Rows marked "order" pin which of several
 * problems is reported: for writes, every action's own checks (and the 4 MB payload) first, then
 * each action's table, key and duplicates, then the first ValidationError; for reads, each action
 * in turn: table, projection, key, duplicates. A failed transaction writes nothing.
 *
 * <p>Fixtures: {@code Flat} (pk S) holding pk=stored, {@code Pairs} (pk S + sk N, LSI {@code byL}
 * on l N).
 */
class TransactErrorsTest extends EngineTest {

  @BeforeEach
  void createFixtures() {
    createSimpleTable("Flat", false);
    engine.createTable(t -> t.tableName("Pairs").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.number("l"))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.all()).build()));
    engine.putItem(p -> p.tableName("Flat").item(Item.of("pk", s("stored"), "v", s("text"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void transaction_invalid_failsWithDynamoDbsErrorAndMessage(
      String name, Consumer<LocalEngine> call, Class<? extends DynamoException> type, String message, List<String> codes) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> call.accept(engine));
    assertThat(thrown).isExactlyInstanceOf(type);
    if (message.endsWith("...")) {
      assertThat(thrown.getMessage()).startsWith(message.substring(0, message.length() - 3));
    } else {
      assertThat(thrown).hasMessage(message);
    }
    if (codes != null) {
      List<String> actual = new ArrayList<>();
      for (CancellationReason r : ((TransactionCanceledException) thrown).cancellationReasons()) {
        actual.add(r.code());
      }
      assertThat(actual).containsExactlyElementsOf(codes);
    }
    assertThat(engine.describeTable(d -> d.tableName("Flat")).table().itemCount()).as("nothing written").isEqualTo(1);
    assertThat(engine.describeTable(d -> d.tableName("Pairs")).table().itemCount()).as("nothing written").isZero();
  }

  private static final String INVALID = "One or more parameter values were invalid: ";

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    Item a = Item.of("pk", s("a"));

    // ---- TransactWriteItems: the model ----
    c.add(write("no actions", List.of(), ValidationException.class, "1 validation error detected: Value '[]' at 'transactItems' "
        + "failed to satisfy constraint: Member must have length greater than or equal to 1"));
    c.add(write("101 actions", puts(101), ValidationException.class, "1 validation error detected: Value '[..."));
    c.add(write("ConditionCheck without ConditionExpression", List.of(TransactWriteItem.builder()
        .conditionCheck(x -> x.tableName("Flat").key(a)).build()), ValidationException.class,
        "1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' "
            + "failed to satisfy constraint: Member must not be null"));
    c.add(write("Update without UpdateExpression", List.of(TransactWriteItem.builder()
        .update(x -> x.tableName("Flat").key(a)).build()), ValidationException.class,
        "1 validation error detected: Value null at 'transactItems.1.member.update.updateExpression' "
            + "failed to satisfy constraint: Member must not be null"));
    c.add(writeRequest("ClientRequestToken of 37 characters", TransactWriteItemsRequest.builder()
        .transactItems(put("Flat", a)).clientRequestToken("t".repeat(37)).build(), ValidationException.class,
        "1 validation error detected: Value '" + "t".repeat(37) + "' at 'clientRequestToken' failed to satisfy constraint: "
            + "Member must have length less than or equal to 36"));

    // ---- TransactWriteItems: each action alone ----
    c.add(write("an action of no kind", List.of(TransactWriteItem.builder().build()), ValidationException.class,
        "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request"));
    c.add(write("an action of two kinds", List.of(TransactWriteItem.builder().put(x -> x.tableName("Flat").item(a))
        .delete(x -> x.tableName("Flat").key(a)).build()), ValidationException.class,
        "TransactItems can only contain one of Check, Put, Update or Delete"));
    c.add(write("condition syntax error", List.of(TransactWriteItem.builder().put(x -> x.tableName("Flat").item(a)
        .conditionExpression("hello!")).build()), ValidationException.class,
        "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"hello!\""));
    c.add(write("unused value", List.of(TransactWriteItem.builder().update(x -> x.tableName("Flat").key(Item.of("pk", s("stored")))
        .updateExpression("SET v = :v").conditionExpression("v = :v")
        .expressionAttributeValues(Map.of(":v", s("a"), ":one", n(1)))).build()), ValidationException.class,
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:one}"));
    c.add(write("undefined name", List.of(TransactWriteItem.builder().put(x -> x.tableName("Flat").item(a)
        .conditionExpression("attribute_exists(#a)")).build()), ValidationException.class,
        "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a"));
    c.add(write("item over 400 KB", List.of(put("Flat", a.with("x", s("x".repeat(410_000))))), ValidationException.class,
        "Item size has exceeded the maximum allowed size"));
    c.add(write("empty attribute name", List.of(put("Flat", a.with("", s("x")))), ValidationException.class, "Empty attribute name"));
    c.add(write("payload over 4 MB: 42 Puts of 100,007 or 100,008 bytes", bigPuts(45), ValidationException.class,
        "Transaction payload size cannot exceed 4MB. Payload Size: 4200326"));
    c.add(write("payload over 4 MB: Updates count key, expressions and values", bigUpdates(11), ValidationException.class,
        "Transaction payload size cannot exceed 4MB. Payload Size: 4290165"));

    // ---- TransactWriteItems: tables, keys, duplicates ----
    c.add(write("no such table", List.of(put("Nope", a)), ResourceNotFoundException.class, "Requested resource not found"));
    c.add(write("Put item without the key", List.of(put("Flat", Item.of("x", s("a")))), ValidationException.class,
        "One of the required keys was not given a value"));
    c.add(write("Delete key without the key attribute", List.of(TransactWriteItem.builder().delete(x -> x.tableName("Flat")
        .key(Item.of("x", s("a")))).build()), ValidationException.class, "One of the required keys was not given a value"));
    c.add(write("Delete key with an extra attribute", List.of(TransactWriteItem.builder().delete(x -> x.tableName("Flat")
        .key(Item.of("pk", s("a"), "x", s("b")))).build()), ValidationException.class, "The number of conditions on the keys is invalid"));
    c.add(write("empty key value", List.of(TransactWriteItem.builder().delete(x -> x.tableName("Flat")
        .key(Item.of("pk", s("")))).build()), ValidationException.class,
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));
    c.add(write("two Puts of one item", List.of(put("Flat", a), put("Flat", a.with("v", n(1)))), ValidationException.class,
        "Transaction request cannot include multiple operations on one item"));
    c.add(write("a Put and a ConditionCheck of one item", List.of(put("Flat", a), TransactWriteItem.builder()
        .conditionCheck(x -> x.tableName("Flat").key(a).conditionExpression("attribute_not_exists(pk)")).build()),
        ValidationException.class, "Transaction request cannot include multiple operations on one item"));

    // ---- TransactWriteItems: which problem first ----
    c.add(write("order: a syntax error in action 2 before the missing table of action 1", List.of(put("Nope", a),
        TransactWriteItem.builder().put(x -> x.tableName("Flat").item(a).conditionExpression("hello!")).build()),
        ValidationException.class, "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"hello!\""));
    c.add(write("order: the payload before a later action's syntax error", withLast(bigPuts(45),
        TransactWriteItem.builder().put(x -> x.tableName("Flat").item(a).conditionExpression("hello!")).build()),
        ValidationException.class, "Transaction payload size cannot exceed 4MB. Payload Size: 4200326"));
    c.add(write("order: a missing table in action 2 before the key type of action 1", List.of(put("Flat", Item.of("pk", n(1))),
        put("Nope", a)), ResourceNotFoundException.class, "Requested resource not found"));
    c.add(write("order: a missing key in action 1 before the missing table of action 2", List.of(put("Flat", Item.of("x", s("a"))),
        put("Nope", a)), ValidationException.class, "One of the required keys was not given a value"));
    c.add(write("order: a duplicate in actions 1-2 before the missing key of action 3", List.of(put("Flat", a), put("Flat", a),
        put("Flat", Item.of("x", s("a")))), ValidationException.class,
        "Transaction request cannot include multiple operations on one item"));
    c.add(write("order: a duplicate before a key type mismatch", List.of(put("Flat", Item.of("pk", n(1))), put("Flat", a),
        put("Flat", a)), ValidationException.class, "Transaction request cannot include multiple operations on one item"));

    // ---- TransactWriteItems: ValidationError cancellations, the first only ----
    c.add(cancel("key type mismatch", List.of(put("Flat", a), put("Flat", Item.of("pk", n(1)))),
        INVALID + "Type mismatch for key", List.of("None", "ValidationError")));
    c.add(cancel("index key type mismatch", List.of(put("Pairs", Item.of("pk", s("a"), "sk", n(1), "l", s("not a number")))),
        INVALID + "Type mismatch for Index Key", List.of("ValidationError")));
    c.add(cancel("update of a key attribute", List.of(TransactWriteItem.builder().update(x -> x.tableName("Flat")
        .key(a).updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("b")))).build()),
        INVALID + "Cannot update attribute pk. This attribute is part of the key", List.of("ValidationError")));
    c.add(cancel("partition key over 2048 bytes", List.of(put("Flat", Item.of("pk", s("k".repeat(2049))))),
        "Hash primary key values must be under 2048 bytes, and range primary key values must be under 1024 bytes",
        List.of("ValidationError")));

    // ---- TransactGetItems ----
    c.add(get("no reads", List.of(), ValidationException.class, "1 validation error detected: Value '[]' at 'transactItems' "
        + "failed to satisfy constraint: Member must have length greater than or equal to 1"));
    c.add(get("101 reads", gets(101), ValidationException.class, "1 validation error detected: Value '[..."));
    c.add(get("two reads of one item", List.of(read("Flat", a), read("Flat", a)), ValidationException.class,
        "Transaction request cannot include multiple operations on one item"));
    c.add(get("no such table", List.of(read("Nope", a)), ResourceNotFoundException.class, "Requested resource not found"));
    c.add(get("unused name", List.of(TransactGetItem.builder().get(x -> x.tableName("Flat").key(a).projectionExpression("#a")
        .expressionAttributeNames(Map.of("#a", "x", "#b", "y"))).build()), ValidationException.class,
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}"));
    c.add(get("empty key value", List.of(read("Flat", Item.of("pk", s("")))), ValidationException.class,
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));
    c.add(getCancel("key type mismatch", List.of(read("Flat", a), read("Flat", Item.of("pk", n(1)))),
        INVALID + "Type mismatch for key", List.of("None", "ValidationError")));
    c.add(get("partition key over 2048 bytes", List.of(read("Flat", Item.of("pk", s("k".repeat(2049))))), ValidationException.class,
        "Hash primary key values must be under 2048 bytes, and range primary key values must be under 1024 bytes"));
    c.add(getCancel("key without the key attribute", List.of(read("Flat", Item.of("x", s("1")))),
        "One of the required keys was not given a value", List.of("ValidationError")));
    c.add(getCancel("key with an extra attribute", List.of(read("Flat", Item.of("pk", s("a"), "y", s("1")))),
        "The number of conditions on the keys is invalid", List.of("ValidationError")));
    c.add(get("order: the projection of action 1 before the missing table of action 2", List.of(
        TransactGetItem.builder().get(x -> x.tableName("Flat").key(a).projectionExpression("#a")).build(), read("Nope", a)),
        ValidationException.class,
        "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #a"));
    c.add(get("order: the missing table of action 1 before its projection", List.of(
        TransactGetItem.builder().get(x -> x.tableName("Nope").key(a).projectionExpression("#a")).build()),
        ResourceNotFoundException.class, "Requested resource not found"));
    c.add(getCancel("order: a key type mismatch in action 1 before the projection of action 2", List.of(
        read("Flat", Item.of("pk", n(1))), TransactGetItem.builder().get(x -> x.tableName("Flat").key(a).projectionExpression("#a")).build()),
        INVALID + "Type mismatch for key", List.of("ValidationError", "None")));
    c.add(get("order: a duplicate in actions 1-2 before the projection of action 3", List.of(read("Flat", a), read("Flat", a),
        TransactGetItem.builder().get(x -> x.tableName("Flat").key(Item.of("pk", s("b"))).projectionExpression("#a")).build()),
        ValidationException.class, "Transaction request cannot include multiple operations on one item"));
    return c.stream();
  }

  // ---------------------------------------------------------------- rows

  private static Arguments write(String name, List<TransactWriteItem> items, Class<? extends DynamoException> type, String message) {
    return writeRequest(name, TransactWriteItemsRequest.builder().transactItems(items).build(), type, message);
  }

  private static Arguments writeRequest(String name, TransactWriteItemsRequest request, Class<? extends DynamoException> type,
      String message) {
    return Arguments.of("TransactWriteItems: " + name, (Consumer<LocalEngine>) e -> e.transactWriteItems(request), type, message, null);
  }

  private static Arguments cancel(String name, List<TransactWriteItem> items, String reason, List<String> codes) {
    TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(items).build();
    return Arguments.of("TransactWriteItems: " + name, (Consumer<LocalEngine>) e -> {
      try {
        e.transactWriteItems(request);
      } catch (TransactionCanceledException x) {
        assertThat(x.cancellationReasons().get(codes.indexOf("ValidationError")).message()).isEqualTo(reason);
        throw x;
      }
    }, TransactionCanceledException.class, "Transaction cancelled, please refer cancellation reasons for specific reasons "
        + codes.toString(), codes);
  }

  private static Arguments get(String name, List<TransactGetItem> items, Class<? extends DynamoException> type, String message) {
    TransactGetItemsRequest request = TransactGetItemsRequest.builder().transactItems(items).build();
    return Arguments.of("TransactGetItems: " + name, (Consumer<LocalEngine>) e -> e.transactGetItems(request), type, message, null);
  }

  private static Arguments getCancel(String name, List<TransactGetItem> items, String reason, List<String> codes) {
    TransactGetItemsRequest request = TransactGetItemsRequest.builder().transactItems(items).build();
    return Arguments.of("TransactGetItems: " + name, (Consumer<LocalEngine>) e -> {
      try {
        e.transactGetItems(request);
      } catch (TransactionCanceledException x) {
        assertThat(x.cancellationReasons().get(codes.indexOf("ValidationError")).message()).isEqualTo(reason);
        throw x;
      }
    }, TransactionCanceledException.class, "Transaction cancelled, please refer cancellation reasons for specific reasons "
        + codes.toString(), codes);
  }

  private static TransactWriteItem put(String table, Item item) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  private static TransactGetItem read(String table, Item key) {
    return TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build();
  }

  private static List<TransactWriteItem> puts(int count) {
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(put("Flat", Item.of("pk", s("n" + i))));
    }
    return items;
  }

  private static List<TransactGetItem> gets(int count) {
    List<TransactGetItem> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(read("Flat", Item.of("pk", s("n" + i))));
    }
    return items;
  }

  /** Puts of items "big0".."big<n-1>" with a 100,000-byte attribute: 100,007 bytes below 10, 100,008 from 10. */
  private static List<TransactWriteItem> bigPuts(int count) {
    List<TransactWriteItem> items = new ArrayList<>();
    AttributeValue big = s("x".repeat(100_000));
    for (int i = 0; i < count; i++) {
      items.add(put("Flat", Item.of("pk", s("big" + i), "x", big)));
    }
    return items;
  }

  /** Updates "SET x = :v" of keys "u00".. with a 390,000-byte value: 5 + 10 + 390,000 bytes of payload each. */
  private static List<TransactWriteItem> bigUpdates(int count) {
    List<TransactWriteItem> items = new ArrayList<>();
    AttributeValue big = s("x".repeat(390_000));
    for (int i = 0; i < count; i++) {
      Item key = Item.of("pk", s(String.format("u%02d", i)));
      items.add(TransactWriteItem.builder().update(u -> u.tableName("Flat").key(key).updateExpression("SET x = :v")
          .expressionAttributeValues(Map.of(":v", big))).build());
    }
    return items;
  }

  private static List<TransactWriteItem> withLast(List<TransactWriteItem> items, TransactWriteItem last) {
    List<TransactWriteItem> all = new ArrayList<>(items);
    all.add(last);
    return all;
  }
}
