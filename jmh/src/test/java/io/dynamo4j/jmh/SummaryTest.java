package io.dynamo4j.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading JMH's JSON and the ratios the summary prints. */
class SummaryTest {

  /** One JMH result as {@code -rf json} writes it (percentiles in the result's unit). */
  static String run(String benchmark, String mode, int threads, String target, String shape, double score,
      double error, String unit, double p50, double p99) {
    return String.format(Locale.ROOT, """
        {"jmhVersion": "1.37", "benchmark": "io.dynamo4j.jmh.%s", "mode": "%s", "threads": %d, "forks": 0,
         "params": {"items": "20000", "shape": "%s", "target": "%s"},
         "primaryMetric": {"score": %s, "scoreError": %s, "scoreConfidence": [0, 0],
           "scorePercentiles": {"0.0": 0.1, "50.0": %s, "90.0": 1, "99.0": %s, "99.9": %s, "100.0": 9e9},
           "scoreUnit": "%s", "rawData": [[1, 2]]},
         "secondaryMetrics": {}}""", benchmark, mode, threads, shape, target, score, error, p50, p99, p99 * 2, unit);
  }

  static String json(String... runs) {
    return "[" + String.join(",\n", runs) + "]";
  }

  @Test
  void read_jmhJson_keepsWorkloadTargetModeAndPercentiles() throws IOException {
    List<Summary.Result> results = Summary.read(json(
        run("GetItemBenchmark.getItem", "sample", 1, "DYNAMO4J_MEMORY", "ONE_KB", 4.5, 0.5, "us/op", 2.5, 10),
        run("ScanBenchmark.throughput", "thrpt", 2, "DYNAMODB_LOCAL", "TINY", 3.5, 0.2, "ops/s", 0, 0),
        "{\"benchmark\": \"io.dynamo4j.jmh.DynamoJsonBenchmark.write\", \"mode\": \"avgt\", \"threads\": 1,"
            + " \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"ns/op\"}}"));

    assertThat(results).hasSize(2);
    Summary.Result get = results.get(0);
    assertThat(get.workload()).isEqualTo("GetItem");
    assertThat(get.target()).isEqualTo("DYNAMO4J_MEMORY");
    assertThat(get.shape()).isEqualTo("ONE_KB");
    assertThat(get.items()).isEqualTo(20_000);
    assertThat(get.latency()).isTrue();
    assertThat(get.percentileMicros("50.0")).isEqualTo(2.5);
    assertThat(get.percentileMicros("99.9")).isEqualTo(20);
    assertThat(results.get(1).workload()).isEqualTo("Scan");
    assertThat(results.get(1).threads()).isEqualTo(2);
    assertThat(results.get(1).opsPerSecond()).isEqualTo(3.5);
  }

  @Test
  void markdown_latencyAndThroughput_dividesByTheMatchingDynamoDbLocalTarget() throws IOException {
    List<Summary.Result> results = new ArrayList<>(Summary.read(json(
        run("GetItemBenchmark.getItem", "sample", 1, "DYNAMO4J_MEMORY", "ONE_KB", 4, 0.5, "us/op", 2, 10),
        run("GetItemBenchmark.getItem", "sample", 1, "DYNAMODB_LOCAL", "ONE_KB", 0.4, 0.1, "ms/op", 0.3, 3),
        run("GetItemBenchmark.getItem", "sample", 1, "DYNAMO4J_SERVER", "ONE_KB", 90, 5, "us/op", 80, 400),
        run("GetItemBenchmark.getItem", "sample", 1, "DYNAMODB_LOCAL_SERVER", "ONE_KB", 700, 50, "us/op", 600, 4000),
        run("GetItemBenchmark.throughput", "thrpt", 2, "DYNAMO4J_MEMORY", "ONE_KB", 400_000, 4_000, "ops/s", 0, 0),
        run("GetItemBenchmark.throughput", "thrpt", 2, "DYNAMODB_LOCAL", "ONE_KB", 4_000, 40, "ops/s", 0, 0))));

    String md = new Summary(results, new Properties()).markdown("t");

    // memory: 300 µs / 2 µs at p50, 3,000 / 10 at p99; server: 600 / 80 and 4,000 / 400
    assertThat(md).contains("| GetItem | ONE_KB | 20,000 | DYNAMO4J_MEMORY | 2.00 | 10.0 | 20.0 | 4.00 ± 0.50 | 150× | 300× |");
    assertThat(md).contains("| GetItem | ONE_KB | 20,000 | DYNAMO4J_SERVER | 80.0 | 400 | 800 | 90.0 ± 5.00 | 7.5× | 10× |");
    assertThat(md).contains("| GetItem | ONE_KB | 20,000 | DYNAMODB_LOCAL | 300 | 3,000 | 6,000 | 400 ± 100 |  |  |");
    assertThat(md).contains("| GetItem | ONE_KB | 20,000 | DYNAMO4J_MEMORY | 400,000 ± 4,000 | 100× |");
    assertThat(md).contains("| GetItem | ONE_KB | DYNAMO4J_MEMORY | 150× | 100× | met |");
    assertThat(md).contains("| GetItem | ONE_KB | DYNAMO4J_SERVER | 7.5× | 5.0× | met |");
  }

  @Test
  void markdown_targetMissed_saysMissed() throws IOException {
    List<Summary.Result> results = Summary.read(json(
        run("ScanBenchmark.scan", "sample", 1, "DYNAMO4J_MEMORY", "TINY", 40, 1, "ms/op", 40, 50),
        run("ScanBenchmark.scan", "sample", 1, "DYNAMODB_LOCAL", "TINY", 1, 0.1, "s/op", 1, 2)));

    assertThat(new Summary(results, new Properties()).markdown("t"))
        .contains("| Scan | TINY | DYNAMO4J_MEMORY | 25× | 50× | **missed** |");
  }

  @Test
  void markdown_mapper_comparesWithTheEnhancedClientOfTheSameKindOfClass() throws IOException {
    List<Summary.Result> results = Summary.read(json(
        run("MapperBenchmark.objectToItem", "avgt", 1, "DYNAMO4J_GENERATED", "ONE_KB", 300, 10, "ns/op", 0, 0),
        run("MapperBenchmark.objectToItem", "avgt", 1, "ENHANCED_BEAN", "ONE_KB", 1_500, 30, "ns/op", 0, 0)));

    assertThat(new Summary(results, new Properties()).markdown("t"))
        .contains("| objectToItem | ONE_KB | DYNAMO4J_GENERATED | 0.30 ± 0.01 | 5.0× |");
  }

  @Test
  void markdown_footprint_showsHeapAndStartUpBesideDynamoDbLocal() {
    Properties figures = new Properties();
    figures.setProperty("heap.items", "1000000");
    figures.setProperty("heap.shape", "ONE_KB");
    figures.setProperty("heap.itemBytes", "1000.0");
    figures.setProperty("heap.arrayBytesPerItem", "1729");
    figures.setProperty("heap.engineBytesPerItem", "1809");
    figures.setProperty("startup.runs", "3");
    figures.setProperty("startup.dynamo4j.ms", "400");
    figures.setProperty("startup.dynamo4j.rssMb", "80");
    figures.setProperty("startup.dynamodb-local.ms", "4000");
    figures.setProperty("startup.dynamodb-local.rssMb", "300");

    String md = new Summary(List.of(), figures).markdown("t");

    assertThat(md).contains("1,000,000 ONE_KB items").contains("**1809 heap bytes per item**");
    assertThat(md).contains("| dynamo4j | 400 | 80 | 10× |").contains("| dynamodb-local | 4,000 | 300 |  |");
  }

  @ParameterizedTest
  @CsvSource({"150, 150×", "7.5, 7.5×", "10, 10×", "1234.5, '1,235×'", "0.25, 0.3×"})
  void times_ratio_isRoundedToWhatTheNoiseAllows(double ratio, String text) {
    assertThat(Summary.times(ratio)).isEqualTo(text);
  }
}
