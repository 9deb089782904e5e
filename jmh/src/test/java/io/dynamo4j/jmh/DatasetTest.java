package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.model.Item;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark data: key layout, sizes, determinism. */
class DatasetTest {

  @ParameterizedTest
  @CsvSource({
      "0, user#0000000, 0",
      "9, user#0000000, 9",
      "10, user#0000001, 0",
      "123, user#0000012, 3",
      "99999, user#0009999, 9",
      "999999, user#0099999, 9",
  })
  void key_index_isPartitionOfTenAndSortKeyRemainder(int index, String pk, int sk) {
    assertThat(Dataset.key(index)).isEqualTo(Item.of(Dataset.PK, s(pk), Dataset.SK, n(sk)));
  }

  @Test
  void key_firstHundredThousand_areDistinct() {
    Set<Item> keys = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      keys.add(Dataset.key(i));
    }
    assertThat(keys).hasSize(100_000);
  }

  @Property(tries = 200)
  void item_oneKb_isExactlyOneThousandBytesWithItsKey(@ForAll @IntRange(min = 0, max = 9_999_999) int index,
      @ForAll @IntRange(min = 0, max = 1 << 20) int version) {
    Item item = ItemShape.ONE_KB.item(index, version);
    assertThat(item.sizeInBytes()).isEqualTo(ItemShape.ONE_KB_BYTES);
    assertThat(Item.of(Dataset.PK, item.get(Dataset.PK), Dataset.SK, item.get(Dataset.SK))).isEqualTo(Dataset.key(index));
  }

  @Property(tries = 50)
  void item_sameIndexAndVersion_isTheSameItem(@ForAll ItemShape shape, @ForAll @IntRange(min = 0, max = 1_000_000) int index) {
    assertThat(shape.item(index, 2)).isEqualTo(shape.item(index, 2)).isNotEqualTo(shape.item(index, 3));
  }

  @Test
  void item_tiny_isUnderThirtyBytes() {
    assertThat(ItemShape.TINY.item(99_999, 1).sizeInBytes()).isLessThan(30);
  }

  @ParameterizedTest
  @CsvSource({"0, g000", "7, g007", "12, g012", "999, g999", "1000, g000", "2012, g012", "99999, g999"})
  void group_index_isIndexModuloAThousandZeroPadded(int index, String group) {
    assertThat(Dataset.group(index)).isEqualTo(s(group));
    assertThat(ItemShape.TINY.item(index, 0).get(Dataset.GROUP)).isEqualTo(s(group));
    assertThat(ItemShape.ONE_KB.item(index, 0).get(Dataset.GROUP)).isEqualTo(s(group));
  }
}
