package io.dynamo4j.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time and resident memory of dynamo4j's server jar beside DynamoDB Local's server, each
 * started as a child process the way its users start it: {@code java -jar
 * server/target/dynamo4j-server.jar --port N} (and the same with the class-data archive the build
 * records, as the README's Run section does), and {@code java -Djava.library.path=... -cp ...
 * ServerRunner -inMemory -port N -disableTelemetry}. Measured: the time from starting the process to
 * the first answered ListTables (polled every 2 ms over loopback HTTP), and the child's VmRSS from
 * {@code /proc/<pid>/status} right then. The children get the same JVM and no JVM options beyond
 * those; each server starts once unmeasured first (file caches), then {@code runs} times; the
 * medians are reported.
 *
 * <pre>
 * java -cp jmh/target/benchmarks.jar io.dynamo4j.jmh.ServerStartup [runs] [figures.properties]
 * </pre>
 * Run from the repository root (it finds {@code server/target/dynamo4j-server.jar} there). DynamoDB
 * Local runs from {@code benchmarks.jar} (its classes and dependencies, shaded) with the native
 * SQLite library in {@code jmh/target/native}. Not thread-safe; a program.
 */
public final class ServerStartup {

  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private ServerStartup() {}

  /** Measures and prints; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path serverJar = Path.of("server", "target", "dynamo4j-server.jar");
    Path archive = Path.of("server", "target", "dynamo4j-server.jsa");
    if (!Files.isRegularFile(serverJar)) {
      throw new IllegalStateException(serverJar.toAbsolutePath() + " is missing: run from the repository root after mvn -B package");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String nativeFolder = DynamoDbLocal.nativeFolder().toAbsolutePath().toString();
    String classPath = Path.of(ServerStartup.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();

    Properties figures = new Properties();
    figures.setProperty("startup.runs", Integer.toString(runs));
    measure(figures, "dynamo4j", "dynamo4j (`java -jar`)", runs,
        port -> List.of(java, "-jar", serverJar.toString(), "--port", Integer.toString(port)));
    if (Files.isRegularFile(archive)) {
      measure(figures, "dynamo4j-cds", "dynamo4j (`java -XX:SharedArchiveFile=… -jar`, README)", runs,
          port -> List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", serverJar.toString(),
              "--port", Integer.toString(port)));
    }
    measure(figures, "dynamodb-local", "DynamoDB Local 2.6.1 (`ServerRunner -inMemory`)", runs,
        port -> List.of(java, "-Djava.library.path=" + nativeFolder, "-Dsqlite4java.library.path=" + nativeFolder,
            "-cp", classPath, "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
            "-inMemory", "-port", Integer.toString(port), "-disableTelemetry"));
    if (args.length > 1) {
      try (Writer out = Files.newBufferedWriter(Path.of(args[1]))) {
        figures.store(out, "ServerStartup");
      }
    }
  }

  /** How to start a server on a port. */
  interface Command {
    List<String> on(int port);
  }

  private static void measure(Properties figures, String key, String name, int runs, Command command) throws Exception {
    start(command);
    double[] millis = new double[runs];
    double[] rssMb = new double[runs];
    for (int run = 0; run < runs; run++) {
      Started started = start(command);
      millis[run] = started.nanos / 1e6;
      rssMb[run] = started.rssKb / 1024.0;
    }
    double medianMs = median(millis);
    double medianRss = median(rssMb);
    System.out.printf(Locale.ROOT, "%s: first ListTables after %.0f ms (runs: %s), RSS %.0f MB%n", name, medianMs,
        Arrays.toString(Arrays.stream(millis).mapToLong(Math::round).toArray()), medianRss);
    figures.setProperty("startup." + key + ".name", name);
    figures.setProperty("startup." + key + ".ms", String.format(Locale.ROOT, "%.0f", medianMs));
    figures.setProperty("startup." + key + ".rssMb", String.format(Locale.ROOT, "%.0f", medianRss));
  }

  /** Time to the first answered ListTables, and the child's resident memory then. */
  record Started(long nanos, long rssKb) {}

  private static Started start(Command command) throws Exception {
    int port = DynamoDbLocal.freePort();
    ProcessBuilder builder = new ProcessBuilder(command.on(port))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    long begin = System.nanoTime();
    Process process = builder.start();
    try {
      while (!listTables(port)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(command.on(port) + " exited with status " + process.exitValue());
        }
        if (System.nanoTime() - begin > TIMEOUT_NANOS) {
          throw new IllegalStateException(command.on(port) + " did not answer within 60 s");
        }
        Thread.sleep(2);
      }
      long nanos = System.nanoTime() - begin;
      return new Started(nanos, residentKb(process.pid()));
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Sends ListTables to 127.0.0.1:{@code port} (signed as the AWS SDK signs, with a signature both
   * servers accept by default); true if the answer is HTTP 200, false if nothing listens yet.
   */
  static boolean listTables(int port) {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String request = "POST / HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + port + "\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
        + "X-Amz-Date: 20260101T000000Z\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=0000\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] status = in.readNBytes("HTTP/1.1 200".length());
      return new String(status, StandardCharsets.US_ASCII).endsWith(" 200");
    } catch (IOException e) {
      return false;
    }
  }

  /** VmRSS of process {@code pid} in kB, from {@code /proc/<pid>/status}; -1 where there is none. */
  static long residentKb(long pid) {
    try {
      return vmRssKb(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** The VmRSS line's figure in kB ({@code VmRSS:    123456 kB}); -1 without one. */
  static long vmRssKb(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
        return Long.parseLong(fields[0]);
      }
    }
    return -1;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
