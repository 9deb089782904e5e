package io.dynamo4j.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.server.DynamoServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of the start-up measurement that do not start a process. */
class ServerStartupTest {

  @Test
  void vmRssKb_procStatus_readsTheVmRssLine() {
    assertThat(ServerStartup.vmRssKb(List.of("Name:\tjava", "VmPeak:\t 999 kB", "VmRSS:\t  123456 kB", "Threads:\t9")))
        .isEqualTo(123_456);
    assertThat(ServerStartup.vmRssKb(List.of("Name:\tkthreadd"))).isEqualTo(-1);
  }

  @Test
  void residentKb_thisProcess_isPositive() {
    assertThat(ServerStartup.residentKb(ProcessHandle.current().pid())).isPositive();
  }

  @Test
  void listTables_dynamo4jServer_isAnsweredAndNothingListeningIsNot() {
    try (LocalEngine engine = MemoryEngine.create(); DynamoServer server = DynamoServer.start(engine)) {
      assertThat(ServerStartup.listTables(server.port())).isTrue();
    }
    assertThat(ServerStartup.listTables(DynamoDbLocal.freePort())).isFalse();
  }

  @Test
  void median_oddAndEvenCounts_isTheMiddle() {
    assertThat(ServerStartup.median(new double[] {5, 1, 3})).isEqualTo(3);
    assertThat(ServerStartup.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
