package io.dynamo4j.error;

/**
 * The root of every error DynamoDB defines. Each subclass is one DynamoDB error type and knows the
 * {@code __type} it has on the wire, its HTTP status and whether DynamoDB's SDKs retry it.
 *
 * <p>Engines throw these with DynamoDB's exact message text; {@link #getMessage()} is that text.
 * The server writes them back as {@code {"__type": wireType(), "message": getMessage()}}.
 *
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public abstract class DynamoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The namespace of DynamoDB's own errors. */
  protected static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
  /** The namespace of errors raised by the request-validation layer. */
  protected static final String CORAL_VALIDATE = "com.amazon.coral.validate#";
  /** The namespace of errors raised by the service framework (protocol, authentication). */
  protected static final String CORAL_SERVICE = "com.amazon.coral.service#";
  /** The namespace of availability errors (throttling by the front end). */
  protected static final String CORAL_AVAILABILITY = "com.amazon.coral.availability#";

  private final String wireType;
  private final int statusCode;

  /**
   * @param wireType the full {@code __type}, namespace and name, e.g.
   *     {@code com.amazonaws.dynamodb.v20120810#ResourceNotFoundException}
   * @param statusCode the HTTP status DynamoDB answers with
   * @param message DynamoDB's message text
   */
  protected DynamoException(String wireType, int statusCode, String message) {
    super(message);
    this.wireType = wireType;
    this.statusCode = statusCode;
  }

  /** The error's name without namespace, as DynamoDB's SDKs report it: {@code ValidationException}. */
  public String errorCode() {
    return wireType.substring(wireType.indexOf('#') + 1);
  }

  /** The full {@code __type} written on the wire. */
  public String wireType() {
    return wireType;
  }

  /** The HTTP status code DynamoDB answers this error with. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Whether DynamoDB's SDKs retry this error by default (throttling, transaction conflicts,
   * server errors).
   */
  public boolean isRetryable() {
    return false;
  }
}
