package io.dynamo4j.engine.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionMapTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void newMap_onePartitionCoversEveryHash() {
    PartitionMap map = new PartitionMap(T0);
    Partition only = map.current().get(0);
    assertThat(map.current()).hasSize(1);
    assertThat(map.of(0L)).isSameAs(only);
    assertThat(map.of(-1L)).isSameAs(only);
    assertThat(map.of(Long.MIN_VALUE)).isSameAs(only);
  }

  @Test
  void split_halvesTheRange_keepsLineage_andTellsListeners() {
    PartitionMap map = new PartitionMap(T0);
    Partition root = map.current().get(0);
    List<String> heard = new ArrayList<>();
    map.addListener((parent, left, right) -> heard.add(parent.id() + "->" + left.id() + "," + right.id()));

    assertThat(map.split(root, T0.plusSeconds(1))).isTrue();
    Partition left = map.current().get(0);
    Partition right = map.current().get(1);
    assertThat(left.startHash()).isZero();
    assertThat(left.endHash()).isEqualTo(Long.MAX_VALUE);
    assertThat(right.startHash()).isEqualTo(Long.MIN_VALUE); // 2^63, unsigned
    assertThat(right.endHash()).isEqualTo(-1L);
    assertThat(left.parentId()).isEqualTo(root.id()).isEqualTo(right.parentId());
    assertThat(heard).containsExactly(root.id() + "->" + left.id() + "," + right.id());
    assertThat(map.history()).containsExactly(root, left, right);
    assertThat(map.split(root, T0)).as("a replaced partition does not split again").isFalse();
  }

  @Test
  void manySplits_stillCoverEveryHashExactlyOnce() {
    PartitionMap map = new PartitionMap(T0);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      List<Partition> current = map.current();
      map.split(current.get(random.nextInt(current.size())), T0);
    }
    List<Partition> current = map.current();
    assertThat(current).hasSize(201);
    assertThat(current.get(0).startHash()).isZero();
    assertThat(current.get(current.size() - 1).endHash()).isEqualTo(-1L);
    for (int i = 1; i < current.size(); i++) {
      assertThat(current.get(i).startHash()).isEqualTo(current.get(i - 1).endHash() + 1);
    }
    for (int i = 0; i < 10_000; i++) {
      long hash = random.nextLong();
      assertThat(map.of(hash).contains(hash)).isTrue();
    }
  }

  @Test
  void addBytes_pastTheSplitSize_namesThePartitionOnce_untilItIsSplit() {
    PartitionMap map = new PartitionMap(T0);
    Partition only = map.current().get(0);
    assertThat(map.addBytes(5, 900, 1000)).isNull();
    assertThat(map.addBytes(6, 200, 1000)).isSameAs(only);
    assertThat(map.addBytes(7, 10, 1000)).as("a split is already due").isNull();
    assertThat(map.bytes(only)).isEqualTo(1110);
    assertThat(map.split(only, T0, (start, end) -> start == 0 ? 700 : 410)).isTrue();
    assertThat(map.current()).extracting(map::bytes).containsExactly(700L, 410L);
    assertThat(map.bytes(only)).as("no longer current").isEqualTo(-1);
  }

  @Test
  void split_withASizerFindingOneHalfEmpty_isRefused_andLookedAtAgainAfterGrowth() {
    PartitionMap map = new PartitionMap(T0);
    Partition only = map.current().get(0);
    assertThat(map.addBytes(1, 2000, 1000)).isSameAs(only);
    assertThat(map.split(only, T0, (start, end) -> start == 0 ? 2000 : 0)).isFalse();
    assertThat(map.current()).containsExactly(only);
    assertThat(map.addBytes(1, 400, 1000)).as("not yet a quarter more").isNull();
    assertThat(map.addBytes(1, 200, 1000)).isSameAs(only);
  }

  @Test
  void ensureAtLeast_splitsTheWidestUntilThereAreEnough() {
    PartitionMap map = new PartitionMap(T0);
    map.ensureAtLeast(10, T0, (start, end) -> 0);
    List<Partition> current = map.current();
    assertThat(current).hasSize(10);
    for (int i = 1; i < current.size(); i++) {
      assertThat(current.get(i).startHash()).isEqualTo(current.get(i - 1).endHash() + 1);
    }
    map.ensureAtLeast(3, T0, (start, end) -> 0);
    assertThat(map.current()).as("never fewer").hasSize(10);
  }
}
