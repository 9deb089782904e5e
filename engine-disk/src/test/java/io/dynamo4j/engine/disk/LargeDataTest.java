package io.dynamo4j.engine.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: a JVM with a 256 MB heap stores, then queries, more than 1 GB of items. */
class LargeDataTest {

  @TempDir
  Path dir;

  @Test
  void moreDataThanTheHeap_storedAndQueriedBack_inA256MbHeap() throws Exception {
    int count = 3100; // x 350 KB = 1.06 GB
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.addAll(List.of(DiskEngine.JVM_FLAGS.split(" ")));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LargeDataChild.class.getName());
    cmd.add(dir.toString());
    cmd.add(Integer.toString(count));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    String ok = output.lines().filter(l -> l.startsWith("OK ")).findFirst().orElseThrow(() -> new AssertionError(output));
    long bytes = Long.parseLong(ok.split(" ")[2]);
    assertThat(bytes).isGreaterThan(1L << 30);
  }
}
