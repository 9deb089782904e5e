package io.dynamo4j.jmh;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Amazon's DynamoDB Local 2.x as benchmark targets, each with telemetry off: in this JVM
 * ({@code DynamoDBEmbedded}) in memory or over a folder of its own (its file mode, one SQLite file),
 * and its HTTP server ({@code ServerRunner}, Jetty) in this JVM, in memory, reached over loopback.
 *
 * <p>DynamoDB Local keeps its data in SQLite through sqlite4java, whose native library the build
 * copies to {@code jmh/target/native} (see {@link #useNativeLibrary()}). Stateless; the databases
 * it returns are thread-safe.
 */
final class DynamoDbLocal {

  /** The name sqlite4java looks for on Linux x86-64 (it also tries the versioned name). */
  static final String SQLITE4JAVA_LIBRARY = "libsqlite4java-linux-amd64.so";

  private DynamoDbLocal() {}

  /**
   * A fresh, empty DynamoDB Local in memory. Its argument {@code true} is {@code disableTelemetry}:
   * in DynamoDB Local 2.x, {@code DynamoDBEmbedded.create(Boolean)} means "telemetry off", and an
   * embedded instance without a folder is in memory.
   */
  static Database inMemory() {
    useNativeLibrary();
    return embedded(DynamoDBEmbedded.create(true), null);
  }

  /**
   * A fresh, empty DynamoDB Local in file mode (one SQLite file, as with {@code -dbPath}), in a new
   * temporary folder that {@link Database#close()} deletes. Telemetry off.
   */
  static Database inFolder() {
    useNativeLibrary();
    Path folder;
    try {
      folder = Files.createTempDirectory("dynamodb-local-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The embedded form takes the database file itself (ServerRunner's -dbPath takes its folder).
    return embedded(DynamoDBEmbedded.create(folder.resolve("shared-local-instance.db").toFile(), true), folder);
  }

  private static Database embedded(AmazonDynamoDBLocal local, Path folder) {
    // Not client.close(): that shuts DynamoDB Local down gently, which leaves its shard rollover
    // thread asleep for minutes and the JVM unable to exit. shutdownNow() interrupts it.
    return new AwsSdkDatabase(local.dynamoDbClient(), () -> {
      local.shutdownNow();
      if (folder != null) {
        deleteRecursively(folder);
      }
    });
  }

  /**
   * DynamoDB Local's HTTP server in this JVM, in memory, on a free loopback port, started as its
   * launcher starts it ({@code -inMemory -port N -disableTelemetry}), through the AWS SDK's Apache
   * HTTP client.
   */
  static Database server() {
    useNativeLibrary();
    int port = freePort();
    DynamoDBProxyServer server;
    try {
      server = ServerRunner.createServerFromCommandLineArgs(
          new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local's server did not start on port " + port, e);
    }
    return AwsSdkDatabase.overHttp(URI.create("http://127.0.0.1:" + port), () -> {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local's server did not stop", e);
      }
    });
  }

  /** A port nobody listens on now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Points sqlite4java, and DynamoDB Local's own loader, at the native library the build copied to
   * {@code jmh/target/native}: the folder named by {@code -Dsqlite4java.library.path} if it holds
   * the library, else {@link #nativeFolder()}. Without the library in either (another OS, say),
   * DynamoDB Local falls back to the copies inside its own jar.
   */
  static void useNativeLibrary() {
    String configured = System.getProperty("sqlite4java.library.path");
    Path folder = nativeFolder();
    if (configured != null && Files.isRegularFile(Path.of(configured).resolve(SQLITE4JAVA_LIBRARY))) {
      folder = Path.of(configured);
    }
    if (!Files.isRegularFile(folder.resolve(SQLITE4JAVA_LIBRARY))) {
      return;
    }
    String absolute = folder.toAbsolutePath().toString();
    System.setProperty("sqlite4java.library.path", absolute);
    if (System.getProperty("org.sqlite.lib.path") == null) {
      // DynamoDB Local's loader would otherwise copy its bundled library (the same file) to a new
      // file in the temporary folder at every start; this makes it load the one sqlite4java would.
      System.setProperty("org.sqlite.lib.path", absolute);
      System.setProperty("org.sqlite.lib.name", SQLITE4JAVA_LIBRARY);
    }
  }

  /**
   * {@code native/} beside the jar or classes folder this class came from ({@code jmh/target/native}
   * after the build), so it is found from any working directory.
   */
  static Path nativeFolder() {
    try {
      Path source = Path.of(DynamoDbLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return source.toAbsolutePath().getParent().resolve("native");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("jmh", "target", "native");
    }
  }

  static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + folder, e);
    }
  }
}
