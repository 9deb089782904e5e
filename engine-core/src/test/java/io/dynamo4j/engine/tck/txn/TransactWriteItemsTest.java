package io.dynamo4j.engine.tck.txn;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TransactWriteItems: Put, Update, Delete and ConditionCheck over several tables, all or nothing;
 * cancellation reasons in action order; indexes maintained; commit listeners told once per change
 * with one transaction id.
 *
 * <p>Fixtures: {@code Accounts} (pk S), {@code Ledger} (pk S, sk N, GSI {@code byKind} on kind).
 */
class TransactWriteItemsTest extends EngineTest {

  @BeforeEach
  void createTables() {
    createSimpleTable("Accounts", false);
    engine.createTable(t -> t.tableName("Ledger").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("kind"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byKind").keySchema(KeySchemaElement.hash("kind"))
            .projection(Projection.all()).build()));
  }

  private static Item account(String id, long balance) {
    return Item.of("pk", s(id), "balance", n(balance));
  }

  private Item get(String table, Item key) {
    return engine.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
  }

  private static TransactWriteItem put(String table, Item item) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  private static TransactWriteItem putIf(String table, Item item, String condition) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(condition)).build();
  }

  private static TransactWriteItem check(String table, Item key, String condition) {
    return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key).conditionExpression(condition)).build();
  }

  private void write(TransactWriteItem... items) {
    engine.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
  }

  private List<String> codes(TransactionCanceledException e) {
    List<String> codes = new ArrayList<>();
    for (CancellationReason r : e.cancellationReasons()) {
      codes.add(r.code());
    }
    return codes;
  }

  @Test
  void transactWriteItems_everyKindAcrossTables_allApplied() {
    engine.putItem(p -> p.tableName("Accounts").item(account("a", 10)));
    engine.putItem(p -> p.tableName("Accounts").item(account("gone", 1)));
    Item entry = Item.of("pk", s("a"), "sk", n(1), "kind", s("debit"), "amount", n(3));
    write(
        TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(Item.of("pk", s("a")))
            .updateExpression("SET balance = balance - :v").conditionExpression("balance >= :v")
            .expressionAttributeValues(Map.of(":v", n(3)))).build(),
        put("Ledger", entry),
        TransactWriteItem.builder().delete(d -> d.tableName("Accounts").key(Item.of("pk", s("gone")))).build(),
        check("Accounts", Item.of("pk", s("absent")), "attribute_not_exists(pk)"));

    assertThat(get("Accounts", Item.of("pk", s("a")))).isEqualTo(account("a", 7));
    assertThat(get("Ledger", Item.of("pk", s("a"), "sk", n(1)))).isEqualTo(entry);
    assertThat(get("Accounts", Item.of("pk", s("gone")))).isNull();
    assertThat(get("Accounts", Item.of("pk", s("absent")))).as("a ConditionCheck writes nothing").isNull();
    assertThat(engine.query(q -> q.tableName("Ledger").indexName("byKind").keyConditionExpression("kind = :k")
        .expressionAttributeValues(Map.of(":k", s("debit")))).items()).containsExactly(entry);
  }

  @Test
  void transactWriteItems_conditionsFail_cancellationReasonsInActionOrder_nothingApplied() {
    engine.putItem(p -> p.tableName("Accounts").item(account("a", 10)));
    TransactionCanceledException e = catchThrowableOfType(() -> write(
        put("Accounts", account("new", 1)),
        TransactWriteItem.builder().put(p -> p.tableName("Accounts").item(account("a", 0)).conditionExpression("balance > :v")
            .expressionAttributeValues(Map.of(":v", n(100)))).build(),
        check("Accounts", Item.of("pk", s("missing")), "attribute_exists(pk)"),
        putIf("Ledger", Item.of("pk", s("x"), "sk", n(1)), "attribute_not_exists(pk)")), TransactionCanceledException.class);

    assertThat(codes(e)).containsExactly("None", "ConditionalCheckFailed", "ConditionalCheckFailed", "None");
    assertThat(e.getMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons "
        + "[None, ConditionalCheckFailed, ConditionalCheckFailed, None]");
    assertThat(e.cancellationReasons().get(0).message()).isNull();
    assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
    assertThat(e.cancellationReasons().get(1).item()).as("no item unless ALL_OLD").isNull();
    assertThat(get("Accounts", Item.of("pk", s("new")))).isNull();
    assertThat(get("Accounts", Item.of("pk", s("a")))).isEqualTo(account("a", 10));
    assertThat(get("Ledger", Item.of("pk", s("x"), "sk", n(1)))).isNull();
  }

  @Test
  void transactWriteItems_returnValuesOnConditionCheckFailureAllOld_reasonCarriesTheItem() {
    engine.putItem(p -> p.tableName("Accounts").item(account("a", 10)));
    TransactionCanceledException e = catchThrowableOfType(() -> write(
        TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(Item.of("pk", s("a")))
            .updateExpression("SET balance = :z").conditionExpression("balance = :z")
            .expressionAttributeValues(Map.of(":z", n(0)))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName("Accounts").key(Item.of("pk", s("nobody")))
            .conditionExpression("attribute_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build()),
        TransactionCanceledException.class);

    assertThat(e.cancellationReasons().get(0).item()).isEqualTo(account("a", 10));
    assertThat(e.cancellationReasons().get(1).code()).isEqualTo("ConditionalCheckFailed");
    assertThat(e.cancellationReasons().get(1).item()).as("no item to return").isNull();
  }

  @Test
  void transactWriteItems_updateThatCannotApply_isAValidationErrorReason() {
    engine.putItem(p -> p.tableName("Accounts").item(Item.of("pk", s("a"), "balance", s("not a number"))));
    TransactionCanceledException e = catchThrowableOfType(() -> write(
        put("Accounts", account("b", 1)),
        TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(Item.of("pk", s("a")))
            .updateExpression("SET balance = balance + :v").expressionAttributeValues(Map.of(":v", n(1)))).build()),
        TransactionCanceledException.class);

    assertThat(codes(e)).containsExactly("None", "ValidationError");
    assertThat(e.cancellationReasons().get(1).message()).isEqualTo("An operand in the update expression has an incorrect data type");
    assertThat(get("Accounts", Item.of("pk", s("b")))).isNull();
  }

  @Test
  void transactWriteItems_keyTypeMismatch_firstValidationErrorOnly_conditionsNotEvaluated() {
    TransactionCanceledException e = catchThrowableOfType(() -> write(
        put("Accounts", Item.of("pk", n(7))),
        put("Accounts", Item.of("pk", n(8))),
        putIf("Accounts", account("c", 1), "attribute_exists(pk)")), TransactionCanceledException.class);

    assertThat(codes(e)).containsExactly("ValidationError", "None", "None");
    assertThat(e.cancellationReasons().get(0).message()).isEqualTo("One or more parameter values were invalid: Type mismatch for key");
    assertThat(e.getMessage()).isEqualTo(
        "Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError, None, None]");
  }

  @Test
  void transactWriteItems_deleteOfAbsentAndPutOfSameItem_succeedWithoutChanges() {
    engine.putItem(p -> p.tableName("Accounts").item(account("same", 5)));
    List<String> heard = new ArrayList<>();
    engine.operations().context().addCommitListener((table, key, oldItem, newItem, cause, txn) -> heard.add(String.valueOf(newItem)));
    write(put("Accounts", account("same", 5)),
        TransactWriteItem.builder().delete(d -> d.tableName("Accounts").key(Item.of("pk", s("nobody")))).build());
    assertThat(heard).as("nothing changed, nothing reported").isEmpty();
    assertThat(get("Accounts", Item.of("pk", s("same")))).isEqualTo(account("same", 5));
  }

  @Test
  void transactWriteItems_commitListeners_hearEachChangeOnce_withOneTransactionId() {
    engine.putItem(p -> p.tableName("Accounts").item(account("a", 10)));
    List<String> ids = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    engine.operations().context().addCommitListener((table, key, oldItem, newItem, cause, txn) -> {
      ids.add(txn);
      changes.add(table.definition().name() + ":" + oldItem + "->" + newItem);
    });
    write(put("Accounts", account("b", 1)),
        TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(Item.of("pk", s("a")))
            .updateExpression("SET balance = :v").expressionAttributeValues(Map.of(":v", n(9)))).build(),
        check("Accounts", Item.of("pk", s("zzz")), "attribute_not_exists(pk)"),
        put("Ledger", Item.of("pk", s("a"), "sk", n(1))));
    write(put("Accounts", account("c", 1)));
    engine.putItem(p -> p.tableName("Accounts").item(account("d", 1)));

    assertThat(changes).containsExactlyInAnyOrder(
        "Accounts:null->" + account("b", 1),
        "Accounts:" + account("a", 10) + "->" + account("a", 9),
        "Ledger:null->" + Item.of("pk", s("a"), "sk", n(1)),
        "Accounts:null->" + account("c", 1),
        "Accounts:null->" + account("d", 1));
    assertThat(ids.subList(0, 3)).doesNotContainNull().containsOnly(ids.get(0));
    assertThat(ids.get(3)).isNotNull().isNotEqualTo(ids.get(0));
    assertThat(ids.get(4)).as("a single-item write has no transaction id").isNull();
  }

  @Test
  void transactWriteItems_oneHundredActions_allApplied() {
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add(put("Accounts", account("n" + i, i)));
    }
    engine.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
    for (int i = 0; i < 100; i++) {
      assertThat(get("Accounts", Item.of("pk", s("n" + i)))).isEqualTo(account("n" + i, i));
    }
  }

  @Test
  void transactWriteItems_tableNameAsArn_isAccepted() {
    String arn = engine.describeTable(d -> d.tableName("Accounts")).table().tableArn();
    write(put(arn, account("byArn", 1)));
    assertThat(get("Accounts", Item.of("pk", s("byArn")))).isEqualTo(account("byArn", 1));
  }

  @Test
  void transactWriteItems_updateOfAbsentItem_createsItFromTheKey() {
    write(TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(Item.of("pk", s("fresh")))
        .updateExpression("ADD balance :v").expressionAttributeValues(Map.of(":v", n(5)))).build());
    assertThat(get("Accounts", Item.of("pk", s("fresh")))).isEqualTo(account("fresh", 5));
    write(TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(Item.of("pk", s("none")))
        .updateExpression("REMOVE balance")).build());
    assertThat(get("Accounts", Item.of("pk", s("none")))).as("REMOVE creates nothing").isNull();
  }
}
