package io.dynamo4j.mapper;

/**
 * Names and small facts the mapper needs about accessor classes without touching the class
 * that writes them ({@link AccessorGenerator} links against ByteBuddy's ASM, which need not be on
 * the class path when every accessor was generated at build time). Stateless.
 */
final class AccessorNames {

  static final String SUFFIX = "$$Dynamo4jAccessor";
  static final String FINGERPRINT_FIELD = "DYNAMO4J_FINGERPRINT";

  private AccessorNames() {}

  /** The accessor class name of {@code type}. */
  static String className(Class<?> type) {
    return type.getName() + SUFFIX;
  }

  /** The box of a primitive class; other classes unchanged. */
  static Class<?> boxed(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    if (c == int.class) {
      return Integer.class;
    } else if (c == long.class) {
      return Long.class;
    } else if (c == boolean.class) {
      return Boolean.class;
    } else if (c == double.class) {
      return Double.class;
    } else if (c == float.class) {
      return Float.class;
    } else if (c == short.class) {
      return Short.class;
    } else if (c == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }
}
