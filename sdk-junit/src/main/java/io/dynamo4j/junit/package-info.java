/**
 * A JUnit 5 extension that gives every test its own embedded DynamoDB, with time and faults under
 * the test's control.
 *
 * <p>API: {@link io.dynamo4j.junit.DynamoTest} (the annotation that configures and registers
 * {@link io.dynamo4j.junit.DynamoExtension}), {@link io.dynamo4j.junit.Lifecycle},
 * {@link io.dynamo4j.junit.Fixture}, {@link io.dynamo4j.junit.InjectFault} with
 * {@link io.dynamo4j.junit.FaultType}, {@link io.dynamo4j.junit.Faults} and
 * {@link io.dynamo4j.junit.Fault}, {@link io.dynamo4j.junit.RecordStream},
 * {@link io.dynamo4j.junit.StreamRecorder} with {@link io.dynamo4j.junit.StreamAssert} and
 * {@link io.dynamo4j.junit.RecordAssert}, and the engine SPI {@link io.dynamo4j.junit.EngineFactory}
 * with the built-in {@link io.dynamo4j.junit.MemoryEngineFactory}. Everything else here is
 * package-private: engine sessions, the fault-injecting engine decorator, table setup.
 */
package io.dynamo4j.junit;
