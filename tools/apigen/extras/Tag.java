  /** A tag. */
  public static Tag of(String key, String value) {
    return new Tag(key, value);
  }
