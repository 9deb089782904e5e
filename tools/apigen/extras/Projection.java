  /** Project every attribute ({@code ALL}). */
  public static Projection all() {
    return new Projection(ProjectionType.ALL, null);
  }

  /** Project only the table and index keys ({@code KEYS_ONLY}). */
  public static Projection keysOnly() {
    return new Projection(ProjectionType.KEYS_ONLY, null);
  }

  /** Project the keys and {@code nonKeyAttributes} ({@code INCLUDE}). */
  public static Projection include(String... nonKeyAttributes) {
    return new Projection(ProjectionType.INCLUDE, List.of(nonKeyAttributes));
  }
