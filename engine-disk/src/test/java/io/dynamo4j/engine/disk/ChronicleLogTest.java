package io.dynamo4j.engine.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleLogTest {

  @TempDir
  Path dir;

  @Test
  void replay_afterWrites_returnsEveryDocumentInOrder_largeOnesWhole() {
    byte[] big = new byte[ChronicleLog.PART_BYTES * 2 + 17];
    big[big.length - 1] = 7;
    try (ChronicleLog log = new ChronicleLog(dir, false, ChronicleLog.defaultRollCycle(), null)) {
      log.write(new byte[] {1, 2, 3});
      log.write(big);
      log.write(new byte[] {4});
    }
    List<byte[]> docs = new ArrayList<>();
    List<Long> indexes = new ArrayList<>();
    try (ChronicleLog log = new ChronicleLog(dir, false, ChronicleLog.defaultRollCycle(), null)) {
      log.replay((i, d) -> {
        indexes.add(i);
        docs.add(d);
      });
    }
    assertThat(docs).hasSize(3);
    assertThat(docs.get(0)).containsExactly(1, 2, 3);
    assertThat(docs.get(1)).isEqualTo(big);
    assertThat(docs.get(2)).containsExactly(4);
    assertThat(indexes).isSorted();
  }
}
