package io.dynamo4j.json;

/**
 * The member path being read, kept as a cheap stack so that an error deep in a request can name
 * its place the way DynamoDB does: {@code keySchema.1.member.keyType}. Nothing is formatted unless
 * an error needs it.
 *
 * <p>Not thread-safe: one per read.
 */
final class WirePath {

  private Object[] segments = new Object[16];
  private int depth;

  /** Enters a member. */
  void push(String member) {
    grow();
    segments[depth++] = member;
  }

  /** Enters the element at {@code oneBasedIndex} of a list. */
  void pushIndex(int oneBasedIndex) {
    grow();
    segments[depth++] = oneBasedIndex;
  }

  /** Leaves the innermost member or element. */
  void pop() {
    segments[--depth] = null;
  }

  private void grow() {
    if (depth == segments.length) {
      segments = java.util.Arrays.copyOf(segments, depth * 2);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (i > 0) {
        sb.append('.');
      }
      Object s = segments[i];
      if (s instanceof Integer) {
        sb.append(s).append(".member");
      } else {
        sb.append(s);
      }
    }
    return sb.toString();
  }
}
