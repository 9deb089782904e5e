package io.dynamo4j.junit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/** What a test class asked of the extension: its {@link DynamoTest}, or the defaults. Immutable. */
record Settings(Lifecycle lifecycle, String engine, List<Class<?>> tables, List<String> tableDefinitions,
    boolean throttling, Instant clockStart) {

  static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  static final Settings DEFAULTS =
      new Settings(Lifecycle.PER_TEST, MemoryEngineFactory.NAME, List.of(), List.of(), false, DEFAULT_START);

  /**
   * The settings of {@code testClass}: its {@code @DynamoTest} (for a {@code @Nested} class, its own
   * or its enclosing classes'), or the defaults.
   */
  static Settings of(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = enclosingInstanceClass(c)) {
      var found = AnnotationSupport.findAnnotation(c, DynamoTest.class);
      if (found.isPresent()) {
        return of(found.get(), c);
      }
    }
    return DEFAULTS;
  }

  /** The class whose instance encloses instances of {@code c} (a {@code @Nested} class's), or null. */
  static Class<?> enclosingInstanceClass(Class<?> c) {
    return c.isMemberClass() && !java.lang.reflect.Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null;
  }

  private static Settings of(DynamoTest a, Class<?> where) {
    Instant start;
    try {
      start = Instant.parse(a.clockStart());
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException("@DynamoTest(clockStart = \"" + a.clockStart() + "\") on "
          + where.getName() + " is not an ISO-8601 instant such as 2026-01-01T00:00:00Z", e);
    }
    return new Settings(a.lifecycle(), a.engine(), List.of(a.tables()), List.of(a.tableDefinitions()), a.throttling(),
        start);
  }

  /** The key of the engine shared by the run's tests with these settings. */
  String sharedKey() {
    return "engine:" + engine + (throttling ? ":throttling" : "");
  }
}
