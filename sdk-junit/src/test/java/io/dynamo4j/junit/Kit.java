package io.dynamo4j.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Execution;

/** Runs test classes with JUnit Jupiter inside a test, for what only a whole run shows. */
final class Kit {

  private Kit() {}

  static EngineExecutionResults run(Class<?>... classes) {
    return run(Map.of(), classes);
  }

  static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
    EngineTestKit.Builder b = EngineTestKit.engine("junit-jupiter").configurationParameters(configuration);
    for (Class<?> c : classes) {
      b.selectors(selectClass(c));
    }
    return b.execute();
  }

  /** Checks that {@code count} tests ran and all succeeded; otherwise fails with what they threw. */
  static void assertAllSucceeded(EngineExecutionResults results, int count) {
    List<Throwable> failures = failures(results);
    if (!failures.isEmpty() || results.testEvents().succeeded().count() != count) {
      AssertionError e = new AssertionError("expected " + count + " tests to succeed, but "
          + results.testEvents().succeeded().count() + " did; failures: " + failures);
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }

  /** What the failed tests and containers threw. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().executions().failed().stream()
        .map(Execution::getTerminationInfo)
        .map(t -> t.getExecutionResult().getThrowable().orElseThrow())
        .toList();
  }
}
