package io.dynamo4j.model;

/**
 * DynamoDB's message texts for invalid attribute values, in one place. Engines prefix them with
 * context where DynamoDB does (for example {@code ExpressionAttributeValues contains invalid value:}).
 */
public final class Messages {

  /** A value with no data type, or a null where a value is required. */
  public static final String EMPTY_ATTRIBUTE_VALUE =
      "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
  /** A value with two or more data types set (wire input only). */
  public static final String MULTIPLE_DATATYPES =
      "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
  /** Text that is not in DynamoDB's number syntax. */
  public static final String NOT_A_NUMBER = "A value provided cannot be converted into a number";
  /** More than 38 significant digits. */
  public static final String TOO_MANY_DIGITS = "Attempting to store more than 38 significant digits in a Number";
  /** Magnitude at or above 1E+126. */
  public static final String NUMBER_OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  /** Non-zero magnitude below 1E-130. */
  public static final String NUMBER_UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  /** {@code {"NULL": false}} (wire input only). */
  public static final String NULL_MUST_BE_TRUE =
      "One or more parameter values were invalid: Null attribute value types must have the value of true";
  /** An empty string set (DynamoDB's text, double space included). */
  public static final String EMPTY_SS = "One or more parameter values were invalid: An string set  may not be empty";
  /** An empty number set (DynamoDB's text, double space included). */
  public static final String EMPTY_NS = "One or more parameter values were invalid: An number set  may not be empty";
  /** An empty binary set. */
  public static final String EMPTY_BS = "One or more parameter values were invalid: Binary sets should not be empty";
  /** Two numerically equal elements in a number set. */
  public static final String DUPLICATE_NS = "Input collection contains duplicates";
  /** Two equal elements in a binary set. */
  public static final String DUPLICATE_BS =
      "One or more parameter values were invalid: Input collection of type BS contains duplicates.";

  /** Two equal elements in a string set; DynamoDB lists the collection as given. */
  public static String duplicateSs(java.util.Collection<String> given) {
    return "One or more parameter values were invalid: Input collection " + given + " contains duplicates";
  }

  private Messages() {}
}
