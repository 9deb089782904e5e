package io.dynamo4j.engine.disk;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * The child JVM of {@link LargeDataTest} (run with a small heap): stores {@code args[1]} items of
 * about 350 KB in {@code args[0]}, then queries every one back and checks it, then reopens and
 * checks again. Prints {@code OK items bytes} and exits 0, or fails.
 */
public final class LargeDataChild {

  static final int ITEM_BYTES = 350 * 1024;
  static final int PER_PARTITION = 100;

  private LargeDataChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    DiskOptions options = DiskOptions.builder().cacheBytes(8L << 20).checkpointBytes(24L << 20).storeCacheMegabytes(8).build();
    long bytes = 0;
    try (LocalEngine engine = DiskEngine.open(dir, options, EngineConfig.defaults())) {
      engine.createTable(t -> t.tableName("Large")
          .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
          .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"))
          .billingMode(BillingMode.PAY_PER_REQUEST));
      byte[] payload = new byte[ITEM_BYTES];
      for (int i = 0; i < count; i++) {
        new Random(i).nextBytes(payload);
        Item item = Item.of("pk", s("p" + (i / PER_PARTITION)), "sk", n(i % PER_PARTITION), "data", AttributeValue.b(payload));
        bytes += item.sizeInBytes();
        engine.putItem(p -> p.tableName("Large").item(item));
      }
      check(engine, count);
    }
    try (LocalEngine engine = DiskEngine.open(dir, options, EngineConfig.defaults())) {
      check(engine, count);
      long itemCount = engine.describeTable(d -> d.tableName("Large")).table().itemCount();
      if (itemCount != count) {
        throw new AssertionError("ItemCount " + itemCount + " after reopening, expected " + count);
      }
    }
    System.out.println("OK " + count + " " + bytes);
  }

  private static void check(LocalEngine engine, int count) {
    byte[] expected = new byte[ITEM_BYTES];
    int seen = 0;
    for (int p = 0; p * PER_PARTITION < count; p++) {
      String pk = "p" + p;
      Map<String, AttributeValue> start = null;
      int next = 0;
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse page = engine.query(q -> q.tableName("Large").keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s(pk))).exclusiveStartKey(from == null ? null : Item.copyOf(from)));
        for (Item item : page.items()) {
          int sk = item.getN("sk").intValue();
          if (sk != next) {
            throw new AssertionError(pk + ": sort key " + sk + ", expected " + next);
          }
          int i = p * PER_PARTITION + sk;
          new Random(i).nextBytes(expected);
          byte[] data = ((AttributeValue.B) item.get("data")).value().toByteArray();
          if (!java.util.Arrays.equals(data, expected)) {
            throw new AssertionError("item " + i + " came back different");
          }
          next++;
          seen++;
        }
        start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
      } while (start != null);
    }
    if (seen != count) {
      throw new AssertionError("queries returned " + seen + " items, expected " + count);
    }
  }
}
