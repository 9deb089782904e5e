package io.dynamo4j.engine.disk;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProjectionType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.Put;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The writes of the crash tests: puts, updates, deletes and transactions on a table with a global
 * index and a stream, each described by one line of text that {@link #apply} replays on a model.
 *
 * <p>An operation line: {@code put k v}, {@code update k v}, {@code delete k}, {@code txn k1 v k2 v ...}.
 * Every value is unique (a counter), so every put, update and transaction changes its items.
 */
final class CrashWorkload {

  static final String TABLE = "Crash";
  static final int KEYS = 40;

  private CrashWorkload() {}

  static void createTable(LocalEngine engine) {
    engine.createTable(t -> t.tableName(TABLE)
        .keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("g"))
        .globalSecondaryIndexes(List.of(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(List.of(KeySchemaElement.hash("g")))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()))
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES))
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }

  /** A random operation line using values from {@code counter} on. */
  static String next(Random random, long[] counter) {
    int kind = random.nextInt(10);
    if (kind < 4) {
      return "put k" + random.nextInt(KEYS) + " " + counter[0]++;
    } else if (kind < 6) {
      return "update k" + random.nextInt(KEYS) + " " + counter[0]++;
    } else if (kind < 8) {
      return "delete k" + random.nextInt(KEYS);
    }
    StringBuilder sb = new StringBuilder("txn");
    List<Integer> keys = new ArrayList<>();
    int size = 2 + random.nextInt(3);
    while (keys.size() < size) {
      int k = random.nextInt(KEYS);
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    for (int k : keys) {
      sb.append(" k").append(k).append(' ').append(counter[0]++);
    }
    return sb.toString();
  }

  /** The item a put of {@code value} stores under {@code key}. */
  static Item item(String key, long value) {
    return Item.of("pk", s(key), "v", n(value), "g", s("g" + (value % 7)));
  }

  /** Runs {@code op} on {@code engine}. */
  static void execute(LocalEngine engine, String op) {
    String[] w = op.split(" ");
    switch (w[0]) {
      case "put" -> engine.putItem(p -> p.tableName(TABLE).item(item(w[1], Long.parseLong(w[2]))));
      case "update" -> engine.updateItem(u -> u.tableName(TABLE).key(Item.of("pk", s(w[1])))
          .updateExpression("SET v = :v, g = :g")
          .expressionAttributeValues(Map.of(":v", n(Long.parseLong(w[2])), ":g", s("g" + (Long.parseLong(w[2]) % 7)))));
      case "delete" -> engine.deleteItem(d -> d.tableName(TABLE).key(Item.of("pk", s(w[1]))));
      case "txn" -> {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 1; i < w.length; i += 2) {
          Item item = item(w[i], Long.parseLong(w[i + 1]));
          items.add(TransactWriteItem.builder().put(Put.builder().tableName(TABLE).item(item).build()).build());
        }
        engine.transactWriteItems(t -> t.transactItems(items));
      }
      default -> throw new IllegalArgumentException(op);
    }
  }

  /**
   * Applies {@code op} to {@code model} (key to item); appends to {@code changes} each change it
   * makes as {@code key=value} ({@code key=-} for a delete), the stream records it must produce.
   */
  static void apply(Map<String, Item> model, String op, List<String> changes) {
    String[] w = op.split(" ");
    switch (w[0]) {
      case "put" -> {
        model.put(w[1], item(w[1], Long.parseLong(w[2])));
        changes.add(w[1] + "=" + w[2]);
      }
      case "update" -> {
        model.put(w[1], item(w[1], Long.parseLong(w[2])));
        changes.add(w[1] + "=" + w[2]);
      }
      case "delete" -> {
        if (model.remove(w[1]) != null) {
          changes.add(w[1] + "=-");
        }
      }
      case "txn" -> {
        for (int i = 1; i < w.length; i += 2) {
          model.put(w[i], item(w[i], Long.parseLong(w[i + 1])));
          changes.add(w[i] + "=" + w[i + 1]);
        }
      }
      default -> throw new IllegalArgumentException(op);
    }
  }

  static Map<String, Item> copy(Map<String, Item> model) {
    return new LinkedHashMap<>(model);
  }

  static AttributeValue key(String k) {
    return s(k);
  }
}
