package io.dynamo4j.jmh;

/**
 * JMH's command line ({@code org.openjdk.jmh.Main}) in one JVM for every benchmark of one target:
 * sets {@code -D}{@value LoadedTable#SHARE_PROPERTY} so that {@link LoadedTable} loads the target
 * once for all of them, runs JMH with the arguments given (meant with {@code -f 0}), then exits
 * the JVM, which closes the shared target (JMH's own main returns instead, and the servers'
 * non-daemon threads would keep the JVM alive). {@code scripts/bench.sh} runs it:
 * <pre>
 * java -Xms2g -Xmx2g -cp jmh/target/benchmarks.jar io.dynamo4j.jmh.SharedRun 'GetItemBenchmark' -f 0 -p target=DYNAMODB_LOCAL
 * </pre>
 * Not thread-safe; a program.
 */
public final class SharedRun {

  private SharedRun() {}

  /** Runs JMH with {@code args} and exits. */
  public static void main(String[] args) throws Exception {
    System.setProperty(LoadedTable.SHARE_PROPERTY, "true");
    org.openjdk.jmh.Main.main(args);
    System.exit(0);
  }
}
