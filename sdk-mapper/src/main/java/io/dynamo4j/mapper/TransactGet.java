package io.dynamo4j.mapper;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.Get;
import io.dynamo4j.api.ItemResponse;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A read transaction across mapped tables (DynamoDB's {@code TransactGetItems}): one consistent
 * snapshot of up to 100 items.
 *
 * <pre>{@code
 * List<Object> got = TransactGet.with(client).get(orders, orderKey).get(customers, customerKey).execute();
 * Order o = (Order) got.get(0);
 * }</pre>
 *
 * <p>Not thread-safe; one per transaction.
 */
public final class TransactGet {

  private final DynamoClient client;
  private final List<TransactGetItem> items = new ArrayList<>();
  private final List<MappedTable<?>> tables = new ArrayList<>();
  private final List<TransactionFailedException.Action> actions = new ArrayList<>();

  private TransactGet(DynamoClient client) {
    this.client = client;
  }

  /** A read transaction sent through {@code client}. */
  public static TransactGet with(DynamoClient client) {
    return new TransactGet(Objects.requireNonNull(client, "client"));
  }

  /** Reads the item with {@code key} of {@code table}. */
  public TransactGet get(MappedTable<?> table, Key key) {
    items.add(TransactGetItem.builder().get(Get.builder().tableName(table.tableName()).key(key.toItem()).build()).build());
    tables.add(table);
    actions.add(new TransactionFailedException.Action(table, key, key, null, null));
    return this;
  }

  /**
   * Sends the transaction: the items in the order requested, each of its table's type, null where
   * there is no item.
   *
   * @throws TransactionFailedException if DynamoDB cancelled it
   */
  public List<Object> execute() {
    List<ItemResponse> responses;
    try {
      responses = client.transactGetItems(TransactGetItemsRequest.builder().transactItems(items).build()).responses();
    } catch (TransactionCanceledException e) {
      throw TransactWrite.failure(e, actions);
    }
    List<Object> out = new ArrayList<>(tables.size());
    for (int i = 0; i < tables.size(); i++) {
      Item item = responses == null || i >= responses.size() || responses.get(i) == null ? null : responses.get(i).item();
      out.add(item == null ? null : tables.get(i).schema().fromItem(item));
    }
    return out;
  }
}
