package io.dynamo4j.engine.tck.scan;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parallel scan: for every TotalSegments from 1 to 16 the segments are disjoint, together return
 * every item exactly once, and segment i holds exactly the items whose partition hash lies in the
 * i-th slice of the unsigned 64-bit hash space; an ExclusiveStartKey must come from its segment.
 *
 * <p>Fixture {@code Par}: key pk (S) + sk (N), 150 partitions of 1 to 3 items; GSI {@code byG}
 * (g S, KEYS_ONLY) on a third of them.
 */
class ParallelScanTest extends EngineTest {

  private final List<Item> items = new ArrayList<>();

  @BeforeEach
  void createFixture() {
    engine.createTable(t -> t.tableName("Par").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.keysOnly()).build()));
    for (int p = 0; p < 150; p++) {
      for (int sk = 0; sk <= p % 3; sk++) {
        Item.Builder b = Item.builder().put("pk", s("part-" + p)).put("sk", n(sk));
        if (p % 3 == 0) {
          b.put("g", s("g" + (p % 7)));
        }
        Item item = b.build();
        items.add(item);
        engine.putItem(r -> r.tableName("Par").item(item));
      }
    }
  }

  /** Every item of segment {@code segment} of {@code total}, read in pages of {@code limit}. */
  private List<Item> segment(String index, int segment, int total, int limit) {
    List<Item> out = new ArrayList<>();
    Item start = null;
    do {
      Item from = start;
      ScanResponse page = engine.scan(r -> r.tableName("Par").indexName(index).segment(segment).totalSegments(total)
          .limit(limit).exclusiveStartKey(from));
      out.addAll(page.items());
      start = page.lastEvaluatedKey();
    } while (start != null);
    return out;
  }

  private static long hash(KeySchema schema, Item item) {
    return KeyCodec.getHash(schema.storageKey(item, null));
  }

  @ParameterizedTest(name = "TotalSegments {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void scan_everySegmentOfN_areDisjointCoverTheTableAndFollowTheHashSlices(int total) {
    KeySchema schema = engine.operations().context().catalog().get("Par").definition().primaryKey();
    Set<Item> seen = new HashSet<>();
    BigInteger space = BigInteger.ONE.shiftLeft(64);
    for (int i = 0; i < total; i++) {
      List<Item> segment = segment(null, i, total, 1 + i % 5);
      BigInteger low = space.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(total));
      BigInteger high = space.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(total));
      for (Item item : segment) {
        assertThat(seen.add(item)).as("segment %d of %d returned %s again", i, total, item).isTrue();
        BigInteger h = new BigInteger(Long.toUnsignedString(hash(schema, item)));
        assertThat(h.compareTo(low) >= 0 && h.compareTo(high) < 0).as("hash of %s in slice %d of %d", item, i, total).isTrue();
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(items);
  }

  @ParameterizedTest(name = "TotalSegments {0}")
  @ValueSource(ints = {1, 2, 5, 16})
  void scanGsi_everySegmentOfN_returnEveryIndexEntryOnce(int total) {
    List<Item> all = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      all.addAll(segment("byG", i, total, 3));
    }
    List<Item> expected = new ArrayList<>();
    for (Item item : items) {
      if (item.containsKey("g")) {
        expected.add(item);
      }
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void scan_exclusiveStartKeyFromAnotherSegment_isRejected() {
    ScanResponse one = engine.scan(r -> r.tableName("Par").segment(1).totalSegments(2).limit(1));
    assertThat(one.lastEvaluatedKey()).isNotNull();
    assertThatThrownBy(() -> engine.scan(r -> r.tableName("Par").segment(0).totalSegments(2)
        .exclusiveStartKey(one.lastEvaluatedKey())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with "
            + "correct Segment. TotalSegments: 2 Segment: 0");
    assertThat(engine.scan(r -> r.tableName("Par").segment(1).totalSegments(2).exclusiveStartKey(one.lastEvaluatedKey()))
        .items()).doesNotContain(one.items().get(0));
  }

  @Test
  void scan_singleSegment_isTheWholeTableInHashOrder() {
    assertThat(engine.scan(r -> r.tableName("Par").segment(0).totalSegments(1)).items())
        .isEqualTo(engine.scan(r -> r.tableName("Par")).items());
  }
}
