package io.dynamo4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a {@link StreamRecorder} of a table's stream, started before the test (so it sees
 * every change the test makes and none made before):
 * {@code void test(@RecordStream("Orders") StreamRecorder orders)}. A table without a stream gets
 * one ({@code NEW_AND_OLD_IMAGES}).
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RecordStream {

  /** The table whose stream is recorded. */
  String value();
}
