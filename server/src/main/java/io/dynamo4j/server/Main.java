package io.dynamo4j.server;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.disk.DiskEngine;
import io.dynamo4j.engine.disk.DiskOptions;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.server.protocol.DynamoProtocol;
import io.dynamo4j.spi.Engine;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The launcher: {@code java -jar dynamo4j-server.jar [--host H] [--port P] [--engine memory|disk]
 * [--data DIR] [--throttling on|off] [--separate-accounts] [--cors ORIGINS|off]} starts a {@link
 * DynamoServer} and prints one line, {@code dynamo4j-server <version> listening on http://H:P ...},
 * when it answers requests. SIGTERM (and Ctrl-C) finish the requests in progress, close the
 * engine and exit. Bad options print why and exit with status 2.
 *
 * {@code --exit-after-start} starts, runs one request of each kind in process, stops and exits 0,
 * printing nothing: the build uses it to record a class-data archive ({@code dynamo4j-server.jsa}).
 *
 * <p>Not for use as a library (embed {@link DynamoServer} instead); it has no state of its own.
 */
public final class Main {

  private Main() {}

  /** Starts the server; see the class comment. */
  public static void main(String[] args) {
    int status = launch(args, System.out, System.err);
    if (status != RUNNING) {
      System.exit(status);
    }
    // The I/O threads keep the JVM running until SIGTERM; the shutdown hook stops them.
  }

  private static final int RUNNING = -1;

  /**
   * The engine of the whole server, or of one account (access key) with --separate-accounts: the
   * disk engine keeps each account's tables in its own subfolder of --data.
   */
  static Engine engine(LaunchOptions options, EngineConfig config, String accessKey) {
    if (!options.engine().equals("disk")) {
      return MemoryEngine.create(config);
    }
    Path dir = accessKey == null ? options.data() : options.data().resolve("account-" + folderName(accessKey));
    return DiskEngine.open(dir, DiskOptions.defaults(), config);
  }

  /** An access key as a folder name: letters and digits kept, anything else as _XX (its hex code). */
  static String folderName(String accessKey) {
    StringBuilder b = new StringBuilder();
    for (char c : accessKey.toCharArray()) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        b.append(c);
      } else {
        b.append('_').append(Integer.toHexString(c));
      }
    }
    return b.toString();
  }

  private static int launch(String[] args, PrintStream out, PrintStream err) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("dynamo4j-server: " + e.getMessage());
      return 2;
    }
    if (options.help()) {
      out.print(LaunchOptions.USAGE);
      return 0;
    }
    if (!options.exitAfterStart()) {
      Warmup.inBackground();
    }
    EngineConfig config = EngineConfig.builder().throttling(options.throttling()).build();
    Engine shared;
    try {
      shared = options.separateAccounts() ? null : engine(options, config, null);
    } catch (RuntimeException e) {
      err.println("dynamo4j-server: cannot open the engine: " + e.getMessage());
      return 1;
    }
    DynamoProtocol.Builder protocol = DynamoProtocol.builder()
        .corsOrigins(options.corsOrigins().toArray(String[]::new));
    if (shared != null) {
      protocol.engine(shared);
    } else {
      protocol.accountEngines(key -> engine(options, config, key));
    }
    DynamoProtocol dynamo = protocol.build();
    DynamoServer server;
    try {
      server = DynamoServer.builder().protocol(dynamo).host(options.host()).port(options.port()).start();
    } catch (UncheckedIOException e) {
      err.println("dynamo4j-server: " + e.getMessage());
      dynamo.close();
      if (shared != null) {
        shared.close();
      }
      return 1;
    }
    Runnable stop = () -> {
      server.close();
      dynamo.close();
      if (shared != null) {
        shared.close();
      }
    };
    String version = Main.class.getPackage().getImplementationVersion();
    String ready = "dynamo4j-server " + (version == null ? "(development)" : version) + " listening on "
        + server.endpoint() + " (engine " + options.engine() + ", "
        + (options.separateAccounts() ? "one account per access key" : "one shared account")
        + ", throttling " + (options.throttling() ? "on" : "off") + ")";
    if (options.exitAfterStart()) {
      Warmup.run();
      stop.run();
      return 0;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.run();
      err.println("dynamo4j-server stopped");
    }, "dynamo4j-shutdown"));
    out.println(ready);
    out.flush();
    return RUNNING;
  }
}
