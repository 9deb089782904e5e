package io.dynamo4j.engine.op;

import io.dynamo4j.error.ResourceInUseException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;

/**
 * Every DynamoDB error the engine raises, with DynamoDB's exact text, built in one place so that
 * tests can pin the texts and operations cannot drift apart.
 *
 * <p>Stateless and thread-safe.
 */
public final class Errors {

  private Errors() {}

  /** A data-plane request names a table that does not exist (or is not yet ACTIVE). */
  public static ResourceNotFoundException tableNotFound() {
    return new ResourceNotFoundException("Requested resource not found");
  }

  /** DescribeTable (and other control-plane calls) on a table that does not exist. */
  public static ResourceNotFoundException tableNotFound(String tableName) {
    return new ResourceNotFoundException("Requested resource not found: Table: " + tableName + " not found");
  }

  /** CreateTable with a name already taken. */
  public static ResourceInUseException tableExists(String tableName) {
    return new ResourceInUseException("Table already exists: " + tableName);
  }

  /** An item lacks a key attribute. */
  public static ValidationException missingKey(String attribute) {
    return new ValidationException("One or more parameter values were invalid: Missing the key " + attribute + " in the item");
  }

  /** A key attribute has the wrong type. */
  public static ValidationException keyTypeMismatch(String attribute, String expected, String actual) {
    return new ValidationException("One or more parameter values were invalid: Type mismatch for key "
        + attribute + " expected: " + expected + " actual: " + actual);
  }

  /** A Key parameter does not match the table's key schema. */
  public static ValidationException keyDoesNotMatchSchema() {
    return new ValidationException("The provided key element does not match the schema");
  }

  /** A generic ValidationException with {@code message}. */
  public static ValidationException validation(String message) {
    return new ValidationException(message);
  }
}
