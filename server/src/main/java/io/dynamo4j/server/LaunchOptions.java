package io.dynamo4j.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line, parsed and checked. Every mistake is an {@link IllegalArgumentException}
 * whose message names the option, what is wrong and what would be right.
 *
 * <p>Immutable and thread-safe.
 */
record LaunchOptions(String host, int port, String engine, Path data, boolean throttling,
    boolean separateAccounts, List<String> corsOrigins, boolean exitAfterStart, boolean help) {

  static final String USAGE = """
      Usage: java -jar dynamo4j-server.jar [options]

      DynamoDB's HTTP API on a dynamo4j engine. Point any DynamoDB client at it, e.g.
        aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000

      Options:
        --host HOST              address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
        --port PORT              port to listen on (default 8000; 0 picks a free port)
        --engine memory|disk     the engine (default memory; disk keeps tables in --data)
        --data DIR               where the disk engine keeps its files
        --throttling on|off      enforce provisioned and on-demand throughput (default off)
        --separate-accounts      give every access key id its own tables (default: one shared set)
        --cors ORIGINS|off       origins browsers may call from, comma-separated (default *)
        --exit-after-start       start, run one request of each kind in process, stop (the build uses it
                                 to record a class-data archive that halves start-up time)
        --help                   print this help

      Requests must be SigV4-signed (any key and secret will do). SIGTERM or Ctrl-C finishes the
      requests in progress and stops. The server makes no outbound connection of any kind.
      """;

  static LaunchOptions parse(String... args) {
    String host = "127.0.0.1";
    int port = 8000;
    String engine = "memory";
    Path data = null;
    boolean throttling = false;
    boolean separateAccounts = false;
    List<String> cors = List.of("*");
    boolean exitAfterStart = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--separate-accounts" -> separateAccounts = true;
        case "--exit-after-start" -> exitAfterStart = true;
        case "--host", "--port", "--engine", "--data", "--throttling", "--cors" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(name + " needs a value (see --help)");
            }
            value = args[++i];
          }
          switch (name) {
            case "--host" -> host = nonEmpty(name, value);
            case "--port" -> port = port(value);
            case "--engine" -> engine = engine(value);
            case "--data" -> data = Path.of(nonEmpty(name, value));
            case "--throttling" -> throttling = onOff(name, value);
            default -> cors = cors(value);
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + arg + " (see --help)");
      }
    }
    if (data != null && engine.equals("memory")) {
      throw new IllegalArgumentException("--data applies to --engine disk; the memory engine keeps nothing on disk");
    }
    if (data == null && engine.equals("disk")) {
      throw new IllegalArgumentException("--engine disk needs --data DIR, the folder that keeps its files");
    }
    return new LaunchOptions(host, port, engine, data, throttling, separateAccounts, cors, exitAfterStart, help);
  }

  private static String nonEmpty(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + value + "'");
  }

  private static String engine(String value) {
    if (value.equals("memory") || value.equals("disk")) {
      return value;
    }
    throw new IllegalArgumentException("--engine must be memory or disk, not '" + value + "'");
  }

  private static boolean onOff(String name, String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException(name + " must be on or off, not '" + value + "'");
    };
  }

  private static List<String> cors(String value) {
    if (value.equals("off")) {
      return List.of();
    }
    List<String> origins = new ArrayList<>();
    for (String o : value.split(",")) {
      if (o.isBlank()) {
        throw new IllegalArgumentException("--cors takes origins separated by commas, or off; '" + value + "' has an empty one");
      }
      origins.add(o.trim());
    }
    return List.copyOf(origins);
  }
}
