package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every target, through its adapter: what the benchmarks do, checked by reading back. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DatabaseTest {

  static Stream<Arguments> targetsAndShapes() {
    List<Arguments> all = new ArrayList<>();
    for (Target target : Target.values()) {
      for (ItemShape shape : ItemShape.values()) {
        all.add(Arguments.of(target, shape));
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("targetsAndShapes")
  void getItem_afterLoad_returnsEachLoadedItem(Target target, ItemShape shape) {
    try (Database db = target.open()) {
      db.createTable(Dataset.TABLE);
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        items.add(db.item(shape.item(i, 0)));
      }
      db.load(Dataset.TABLE, items);

      for (int i = 0; i < 60; i++) {
        Object found = db.getItem(Dataset.TABLE, db.key(Dataset.key(i)));
        assertThat(db.neutral(found)).as("item %d", i).isEqualTo(shape.item(i, 0));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void putItem_existingKey_replacesTheItem(Target target) {
    try (Database db = target.open()) {
      db.createTable(Dataset.TABLE);
      db.putItem(Dataset.TABLE, db.item(ItemShape.ONE_KB.item(7, 0)));
      db.putItem(Dataset.TABLE, db.item(ItemShape.ONE_KB.item(7, 3)));

      Item found = db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(7))));
      assertThat(found).isEqualTo(ItemShape.ONE_KB.item(7, 3)).isNotEqualTo(ItemShape.ONE_KB.item(7, 0));
    }
  }

  @ParameterizedTest
  @MethodSource("targetsAndShapes")
  void updateQueryScan_behaveAlikeOnEveryTarget(Target target, ItemShape shape) {
    try (Database db = target.open()) {
      db.createTable(Dataset.TABLE);
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < 2_500; i++) {
        items.add(db.item(shape.item(i, 0)));
      }
      db.load(Dataset.TABLE, items);

      db.updateSet(Dataset.TABLE, db.key(Dataset.key(42)), "v", db.value(n(7)));
      assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(42)))).get("v")).isEqualTo(n(7));

      assertThat(db.query(Dataset.TABLE, db.value(s(Dataset.partitionKey(123))))).isEqualTo(Dataset.ITEMS_PER_PARTITION);
      assertThat(db.query(Dataset.TABLE, db.value(s("nobody")))).isZero();
      // ONE_KB items span several 1 MB pages: the scan must page.
      assertThat(db.scan(Dataset.TABLE, 2_000)).isEqualTo(2_000);
      assertThat(db.scan(Dataset.TABLE, 10_000)).isEqualTo(2_500);
    }
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void getItem_missingKey_findsNothing(Target target) {
    try (Database db = target.open()) {
      db.createTable(Dataset.TABLE);
      db.putItem(Dataset.TABLE, db.item(ItemShape.TINY.item(10, 0)));

      assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(11))))).isNull();
      assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Item.of(Dataset.PK, s("nobody"), Dataset.SK, n(0)))))).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void loadedTable_setUp_loadsAndChecksEveryItemThenTearsDown(Target target) {
    LoadedTable table = new LoadedTable();
    table.target = target;
    table.shape = ItemShape.ONE_KB;
    table.items = 1_234;
    table.setUp();
    try {
      Database db = table.database();
      assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(1_233))))).isEqualTo(ItemShape.ONE_KB.item(1_233, 0));
      assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(1_234))))).isNull();
    } finally {
      table.tearDown();
    }
  }

  @ParameterizedTest
  @MethodSource("targetsAndShapes")
  void transactions_writeFourAndReadFour_onEveryTarget(Target target, ItemShape shape) {
    try (Database db = target.open()) {
      db.createTable(Dataset.TABLE);
      Object[] items = new Object[4];
      Object[] keys = new Object[4];
      for (int i = 0; i < 4; i++) {
        items[i] = db.item(shape.item(10 * i, 5));
        keys[i] = db.key(Dataset.key(10 * i));
      }
      db.transactPut(Dataset.TABLE, items);
      assertThat(db.transactGet(Dataset.TABLE, keys)).isEqualTo(4);
      for (int i = 0; i < 4; i++) {
        assertThat(db.neutral(db.getItem(Dataset.TABLE, keys[i]))).isEqualTo(shape.item(10 * i, 5));
      }
      assertThat(db.transactGet(Dataset.TABLE, new Object[] {db.key(Dataset.key(1)), keys[0]})).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("targetsAndShapes")
  void conditionalBatchAndIndex_behaveAlikeOnEveryTarget(Target target, ItemShape shape) {
    try (Database db = target.open()) {
      db.createTable(Dataset.TABLE);
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < 1_100; i++) {
        items.add(db.item(shape.item(i, 0)));
      }
      db.load(Dataset.TABLE, items);

      // attribute_not_exists(pk) fails on an item that exists and leaves it alone ...
      assertThat(db.putIfAbsent(Dataset.TABLE, db.item(shape.item(17, 9)))).isFalse();
      assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(17))))).isEqualTo(shape.item(17, 0));
      // ... and writes one that does not.
      assertThat(db.putIfAbsent(Dataset.TABLE, db.item(shape.item(2_000, 0)))).isTrue();
      assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(2_000))))).isEqualTo(shape.item(2_000, 0));

      Object[] batch = new Object[BatchWriteItemBenchmark.ITEMS];
      for (int i = 0; i < batch.length; i++) {
        batch[i] = db.item(shape.item(40 * i, 4));
      }
      db.batchPut(Dataset.TABLE, batch);
      for (int i = 0; i < batch.length; i++) {
        assertThat(db.neutral(db.getItem(Dataset.TABLE, db.key(Dataset.key(40 * i))))).isEqualTo(shape.item(40 * i, 4));
      }

      // Group 12 holds items 12 and 1012 of the first 1,100; group 0 holds 0, 1000 and 2000.
      assertThat(db.queryIndex(Dataset.TABLE, db.value(Dataset.groupValue(12)), 10)).isEqualTo(2);
      assertThat(db.queryIndex(Dataset.TABLE, db.value(Dataset.groupValue(0)), 10)).isEqualTo(3);
      assertThat(db.queryIndex(Dataset.TABLE, db.value(Dataset.groupValue(0)), 2)).isEqualTo(2);
      assertThat(db.queryIndex(Dataset.TABLE, db.value(s("nobody")), 10)).isZero();
    }
  }
}
