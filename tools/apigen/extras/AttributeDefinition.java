  /** A string ({@code S}) key attribute. */
  public static AttributeDefinition string(String attributeName) {
    return new AttributeDefinition(attributeName, ScalarAttributeType.S);
  }

  /** A number ({@code N}) key attribute. */
  public static AttributeDefinition number(String attributeName) {
    return new AttributeDefinition(attributeName, ScalarAttributeType.N);
  }

  /** A binary ({@code B}) key attribute. */
  public static AttributeDefinition binary(String attributeName) {
    return new AttributeDefinition(attributeName, ScalarAttributeType.B);
  }
