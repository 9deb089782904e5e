package io.dynamo4j.junit;

/** How long an engine of {@link DynamoExtension} lives, and which tests share it. */
public enum Lifecycle {

  /**
   * A fresh engine for every test (the default): nothing one test does is seen by another, and
   * tests may run in parallel freely.
   */
  PER_TEST,

  /**
   * One engine for all the tests of a class, made before the first and closed after the last.
   * Declared tables and class-level fixtures are made once; data written by one test is seen by the
   * next. Tests of the class that run concurrently share the engine's data (give them distinct
   * keys), but each has its own client, faults and stream recorders.
   */
  PER_CLASS,

  /**
   * One engine for the whole run, shared by every test class that asks for it (with the same
   * engine name and throughput setting), closed at the end of the run. Before each test every table
   * is dropped and the test's declared tables and fixtures are made again, so a test sees only its
   * own tables; tests on the shared engine therefore run one at a time, even under parallel
   * execution (other tests still run beside them). The clock is shared and only moves forward.
   */
  PER_RUN
}
