package io.dynamo4j.junit;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @DynamoTest(engine = "disk")}: the test runs on engine-disk, in its own folder. */
@DynamoTest(engine = "disk", tables = Order.class)
class DiskEngineFactoryTest {

  /** The files this JVM has open whose names end with {@code suffix}. */
  static List<Path> openFiles(String suffix) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          Path target = Files.readSymbolicLink(fd);
          if (target.toString().endsWith(suffix)) {
            out.add(target);
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return out;
  }

  @Test
  void diskEngine_mappedTableAndClient_writeToChronicleAndMvStoreFiles(MappedTable<Order> orders, DynamoClient client,
      TestClock clock) throws IOException {
    orders.put(Order.of("d-1", "c", "12.5"));
    clock.advance(Duration.ofSeconds(1));
    Item got = client.getItem(g -> g.tableName("Orders").key(Item.of("id", s("d-1")))).item();
    assertThat(got.get("total")).isEqualTo(n("12.5"));
    if (Files.isDirectory(Path.of("/proc/self/fd"))) {
      // Open files of the journal (Chronicle Queue's .cq4) prove the engine is engine-disk.
      assertThat(openFiles(".cq4")).isNotEmpty();
    }
  }
}
