  /** The partition (HASH) key element for {@code attributeName}. */
  public static KeySchemaElement hash(String attributeName) {
    return new KeySchemaElement(attributeName, KeyType.HASH);
  }

  /** The sort (RANGE) key element for {@code attributeName}. */
  public static KeySchemaElement range(String attributeName) {
    return new KeySchemaElement(attributeName, KeyType.RANGE);
  }
