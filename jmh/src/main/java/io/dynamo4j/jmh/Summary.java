package io.dynamo4j.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The Markdown summary of a benchmark run ({@code scripts/bench.sh}): JMH's JSON results (one or
 * more files of {@code -rf json}) and the footprint figures ({@link HeapPerItem}, {@link
 * ServerStartup}) turned into tables of p50, p99, p99.9, mean with its error and throughput, each
 * beside its ratio to the matching DynamoDB Local target ({@link Target#baseline()}).
 *
 * <pre>
 * java -cp jmh/target/benchmarks.jar io.dynamo4j.jmh.Summary [--title T] [--out FILE]
 *     [--footprint FILE.properties]... results.json...
 * </pre>
 * Prints the summary and writes it to {@code --out} when given. Not thread-safe; a program.
 */
public final class Summary {

  /** Ratio targets of issue 11: memory engine vs DynamoDB Local in process, server vs server. */
  private static final double MEMORY_TARGET = 100;
  private static final double SCAN_TARGET = 50;
  private static final double SERVER_TARGET = 5;
  /** Issue 10's goal for the disk engine against DynamoDB Local's file mode (set for PutItem, shown for all). */
  private static final double DISK_TARGET = 50;

  private final List<Result> results;
  private final Properties footprint;

  Summary(List<Result> results, Properties footprint) {
    this.results = results;
    this.footprint = footprint;
  }

  /** Writes the summary; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    String title = "Benchmark summary";
    Path out = null;
    Properties footprint = new Properties();
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--title" -> title = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--footprint" -> {
          Path file = Path.of(args[++i]);
          if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
              footprint.load(reader);
            }
          }
        }
        default -> results.addAll(read(Files.readString(Path.of(args[i]))));
      }
    }
    String markdown = new Summary(results, footprint).markdown(title);
    System.out.print(markdown);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, markdown);
    }
  }

  /** One JMH result: a benchmark method for one target and shape, in one mode. */
  record Result(String workload, String mode, int threads, String target, String shape, int items,
      double score, double error, String unit, Map<String, Double> percentiles) {

    /** {@code value} (in this result's unit) in microseconds per operation. */
    double micros(double value) {
      return switch (unit) {
        case "ns/op" -> value / 1_000;
        case "us/op" -> value;
        case "ms/op" -> value * 1_000;
        case "s/op" -> value * 1_000_000;
        default -> throw new IllegalArgumentException("not a time per operation: " + unit);
      };
    }

    /** The percentile {@code p} ("50.0", "99.0", "99.9") in microseconds. */
    double percentileMicros(String p) {
      Double value = percentiles.get(p);
      return value == null ? Double.NaN : micros(value);
    }

    /** The throughput in operations per second. */
    double opsPerSecond() {
      return switch (unit) {
        case "ops/s" -> score;
        case "ops/ms" -> score * 1_000;
        case "ops/us" -> score * 1_000_000;
        default -> throw new IllegalArgumentException("not operations per time: " + unit);
      };
    }

    boolean latency() {
      return mode.equals("sample");
    }

    /** A MapperBenchmark result (its targets are mappers, not {@link Target}s). */
    boolean mapping() {
      return workload.equals("Mapper");
    }

    String group() {
      return workload + "/" + shape + "/" + mode + "/" + threads;
    }
  }

  /**
   * The results in one JMH JSON document: the benchmarks of this module that have a {@code target}
   * parameter; others (DynamoJsonBenchmark, say) are left out. A MapperBenchmark result's workload
   * is {@code Mapper} and its shape names the method too ({@code objectToItem ONE_KB}).
   */
  static List<Result> read(String json) throws IOException {
    List<Result> results = new ArrayList<>();
    for (JsonNode run : new ObjectMapper().readTree(json)) {
      JsonNode params = run.path("params");
      if (!params.has("target")) {
        continue;
      }
      String benchmark = run.get("benchmark").asText();
      String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
      String workload = className.substring(className.lastIndexOf('.') + 1).replaceFirst("Benchmark$", "");
      JsonNode metric = run.get("primaryMetric");
      Map<String, Double> percentiles = new LinkedHashMap<>();
      metric.path("scorePercentiles").fields().forEachRemaining(e -> percentiles.put(e.getKey(), e.getValue().asDouble()));
      String shape = params.path("shape").asText("-");
      if (workload.equals("Mapper")) {
        shape = benchmark.substring(benchmark.lastIndexOf('.') + 1) + " " + shape;
      }
      results.add(new Result(workload, run.get("mode").asText(), run.get("threads").asInt(),
          params.get("target").asText(), shape,
          params.path("items").asInt(0), metric.get("score").asDouble(),
          metric.path("scoreError").asDouble(Double.NaN), metric.get("scoreUnit").asText(), percentiles));
    }
    return results;
  }

  /** The whole summary. */
  String markdown(String title) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n");
    md.append(String.format(Locale.ROOT, "%s; %d cores, load average %s; %s %s.%n%n", LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version")));
    List<Result> latency = sorted(results.stream().filter(Result::latency).toList());
    List<Result> throughput = sorted(results.stream().filter(r -> r.mode().equals("thrpt")).toList());
    List<Result> mapping = sorted(results.stream().filter(Result::mapping).toList());
    if (!latency.isEmpty()) {
      md.append("## Latency, one thread (SampleTime, µs per operation)\n\n");
      md.append("× is the matching DynamoDB Local target's figure over this one's (higher is better for dynamo4j).\n\n");
      md.append("| Workload | Shape | Items | Target | p50 | p99 | p99.9 | mean ± error | × p50 | × p99 |\n");
      md.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
      for (Result r : latency) {
        Result base = baseline(r);
        md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s | %s ± %s | %s | %s |%n",
            r.workload(), r.shape(), r.items(), r.target(), micros(r.percentileMicros("50.0")),
            micros(r.percentileMicros("99.0")), micros(r.percentileMicros("99.9")), micros(r.micros(r.score())),
            micros(r.micros(r.error())),
            ratio(base, r, x -> x.percentileMicros("50.0")), ratio(base, r, x -> x.percentileMicros("99.0"))));
      }
      md.append('\n');
    }
    if (!throughput.isEmpty()) {
      md.append("## Throughput, two threads (operations per second)\n\n");
      md.append("× is this target's throughput over the matching DynamoDB Local target's.\n\n");
      md.append("| Workload | Shape | Items | Target | ops/s ± error | × |\n");
      md.append("|---|---|---:|---|---:|---:|\n");
      for (Result r : throughput) {
        Result base = baseline(r);
        String ratio = base == null || base == r ? "" : times(r.opsPerSecond() / base.opsPerSecond());
        md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s ± %s | %s |%n", r.workload(), r.shape(),
            r.items(), r.target(), count(r.opsPerSecond()), count(r.opsPerSecond() * r.error() / r.score()), ratio));
      }
      md.append('\n');
    }
    if (!mapping.isEmpty()) {
      md.append("## Object mapping (MapperBenchmark: µs per operation, average or single shot)\n\n");
      md.append("× is the Enhanced Client's time over dynamo4j's (bean classes against `ENHANCED_BEAN`, "
          + "immutable classes against `ENHANCED_IMMUTABLE`).\n\n");
      md.append("| Benchmark | Shape | Target | mean ± error | × |\n|---|---|---|---:|---:|\n");
      for (Result r : mapping) {
        Result base = baseline(r);
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s ± %s | %s |%n", r.shape().split(" ")[0],
            r.shape().split(" ")[1], r.target(), micros(r.micros(r.score())), micros(r.micros(r.error())),
            ratio(base, r, x -> x.micros(x.score()))));
      }
      md.append('\n');
    }
    if (!latency.isEmpty()) {
      targets(md, latency);
    }
    footprint(md);
    return md.toString();
  }

  /** The p50 ratios against the issues' targets (11, and 10 for the disk engine), one line per target and workload. */
  private void targets(StringBuilder md, List<Result> latency) {
    StringBuilder lines = new StringBuilder();
    for (Result r : latency) {
      Result base = baseline(r);
      if (base == null || base == r) {
        continue;
      }
      double goal = r.target().equals(Target.DYNAMO4J_SERVER.name()) ? SERVER_TARGET
          : r.target().startsWith("DYNAMO4J_DISK") ? DISK_TARGET
          : r.workload().equals("Scan") ? SCAN_TARGET : MEMORY_TARGET;
      double ratio = base.percentileMicros("50.0") / r.percentileMicros("50.0");
      lines.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.workload(), r.shape(), r.target(),
          times(ratio), times(goal), ratio >= goal ? "met" : "**missed**"));
    }
    if (lines.length() > 0) {
      md.append("## Ratios against the targets (p50, DynamoDB Local / dynamo4j)\n\n");
      md.append("| Workload | Shape | Target | × p50 | goal | |\n|---|---|---|---:|---:|---|\n");
      md.append(lines).append('\n');
    }
  }

  private void footprint(StringBuilder md) {
    if (footprint.isEmpty()) {
      return;
    }
    md.append("## Footprint\n\n");
    if (footprint.containsKey("heap.items")) {
      md.append(String.format(Locale.ROOT,
          "Memory engine, %,d %s items (DynamoDB size %s B each): **%s heap bytes per item** "
              + "(the same items in a plain array: %s B).%n%n",
          Long.parseLong(footprint.getProperty("heap.items")), footprint.getProperty("heap.shape"),
          footprint.getProperty("heap.itemBytes"), footprint.getProperty("heap.engineBytesPerItem"),
          footprint.getProperty("heap.arrayBytesPerItem")));
    }
    if (footprint.containsKey("disk.reopen.ms")) {
      md.append(String.format(Locale.ROOT,
          "Disk engine, %,d items in a %s MB folder: **reopen to the first GetItem in %s ms** (best of 3).%n%n",
          Long.parseLong(footprint.getProperty("disk.reopen.items")), footprint.getProperty("disk.folder.mb"),
          footprint.getProperty("disk.reopen.ms")));
    }
    if (footprint.containsKey("startup.runs")) {
      md.append("Servers started as child processes (`java -jar`), " + footprint.getProperty("startup.runs")
          + " starts each, medians: time from process start to the first answered ListTables, and resident memory "
          + "(VmRSS) then.\n\n");
      md.append("| Server | start-up to first ListTables (ms) | RSS (MB) | × start-up |\n|---|---:|---:|---:|\n");
      double base = Double.parseDouble(footprint.getProperty("startup.dynamodb-local.ms", "NaN"));
      for (String server : List.of("dynamo4j", "dynamo4j-cds", "dynamodb-local")) {
        String ms = footprint.getProperty("startup." + server + ".ms");
        if (ms == null) {
          continue;
        }
        double value = Double.parseDouble(ms);
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s |%n", footprint.getProperty("startup." + server + ".name", server),
            value, footprint.getProperty("startup." + server + ".rssMb"),
            server.equals("dynamodb-local") ? "" : times(base / value)));
      }
      md.append('\n');
    }
  }

  private static List<Result> sorted(List<Result> list) {
    List<Result> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(Result::workload).thenComparing(Result::shape).thenComparing(Result::target));
    return copy;
  }

  /** The result of {@code r}'s baseline target in the same workload, shape, mode and threads, or null. */
  private Result baseline(Result r) {
    String base = baselineOf(r.target());
    for (Result other : results) {
      if (other.target().equals(base) && other.group().equals(r.group())) {
        return other;
      }
    }
    return null;
  }

  /** The target {@code target} is compared with: {@link Target#baseline()}, or for a mapper the Enhanced Client. */
  static String baselineOf(String target) {
    return switch (target) {
      case "DYNAMO4J_GENERATED", "DYNAMO4J_REFLECTIVE" -> "ENHANCED_BEAN";
      case "DYNAMO4J_GENERATED_IMMUTABLE" -> "ENHANCED_IMMUTABLE";
      case "ENHANCED_BEAN", "ENHANCED_IMMUTABLE", "ENHANCED_CLIENT" -> target;
      case "DYNAMO4J_MAPPER" -> "ENHANCED_CLIENT";
      default -> Target.valueOf(target).baseline().name();
    };
  }

  private static String ratio(Result base, Result r, java.util.function.ToDoubleFunction<Result> figure) {
    if (base == null || base == r) {
      return "";
    }
    return times(figure.applyAsDouble(base) / figure.applyAsDouble(r));
  }

  static String times(double ratio) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return "?";
    }
    return ratio >= 10 ? String.format(Locale.ROOT, "%,.0f×", ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
  }

  /** Microseconds with three significant digits or so. */
  static String micros(double value) {
    if (Double.isNaN(value)) {
      return "?";
    }
    if (value < 10) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    if (value < 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String count(double value) {
    return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
