package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Expression text written by hand, with its own placeholders and their meanings. Rendering binds
 * its placeholders into the request's shared maps ({@link Placeholders#bind}) and rewrites the
 * text token by token.
 *
 * <p>A placeholder token is {@code #} or {@code :} followed by letters, digits and underscores, as
 * DynamoDB defines them; tokens are matched whole, so renaming {@code #a} never touches
 * {@code #ab}. Expressions have no string literals, so every such token is a placeholder.
 *
 * @param text the expression text (or one action or projected path of it)
 * @param names the placeholder-to-name map the text was written with (may define more than the
 *     text uses, when the text is one piece of a larger fragment)
 * @param values the placeholder-to-value map the text was written with
 */
record Fragment(String text, Map<String, String> names, Map<String, AttributeValue> values) {

  /**
   * A fragment checked the way DynamoDB would check a whole request made of it: every placeholder
   * in the text is defined, every definition is used, keys are well-formed placeholders and names
   * are not empty.
   *
   * @param what the factory, for messages (for example {@code "ConditionExpression.raw"})
   */
  static Fragment strict(
      String what, String text, Map<String, String> names, Map<String, ? extends AttributeValue> values) {
    Require.nonNull(text, what + " expression");
    Require.nonNull(names, what + " names");
    Require.nonNull(values, what + " values");
    if (text.isBlank()) {
      throw new IllegalArgumentException(what + ": the expression must not be empty");
    }
    Map<String, String> n = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : names.entrySet()) {
      String key = e.getKey();
      if (key == null || key.length() < 2 || key.charAt(0) != '#' || !isPlaceholder(key)) {
        throw new IllegalArgumentException(
            what + ": names key \"" + key + "\" is not a name placeholder; it must be '#' followed by"
                + " letters, digits or underscores");
      }
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException(what + ": " + key + " maps to an empty attribute name");
      }
      n.put(key, e.getValue());
    }
    Map<String, AttributeValue> v = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends AttributeValue> e : values.entrySet()) {
      String key = e.getKey();
      if (key == null || key.length() < 2 || key.charAt(0) != ':' || !isPlaceholder(key)) {
        throw new IllegalArgumentException(
            what + ": values key \"" + key + "\" is not a value placeholder; it must be ':' followed by"
                + " letters, digits or underscores");
      }
      v.put(key, Require.nonNull(e.getValue(), what + ": the value of " + key));
    }
    Set<String> used = placeholders(text);
    for (String token : used) {
      if (!(token.charAt(0) == '#' ? n : v).containsKey(token)) {
        throw new IllegalArgumentException(
            what + ": " + token + " is used in \"" + text + "\" but not defined in "
                + (token.charAt(0) == '#' ? "names" : "values"));
      }
    }
    for (String key : n.keySet()) {
      checkUsed(what, text, used, key, "names");
    }
    for (String key : v.keySet()) {
      checkUsed(what, text, used, key, "values");
    }
    return new Fragment(text.strip(), Collections.unmodifiableMap(n), Collections.unmodifiableMap(v));
  }

  private static void checkUsed(String what, String text, Set<String> used, String key, String map) {
    if (!used.contains(key)) {
      throw new IllegalArgumentException(
          what + ": " + key + " is defined in " + map + " but not used in \"" + text
              + "\"; DynamoDB rejects requests with unused placeholders");
    }
  }

  /** A piece of this fragment's text with the same maps. */
  Fragment piece(String pieceText) {
    return new Fragment(pieceText, names, values);
  }

  /** The placeholder tokens of {@code text}, in order of first appearance. */
  static Set<String> placeholders(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    int i = 0;
    while (i < text.length()) {
      int end = tokenEnd(text, i);
      if (end > i) {
        tokens.add(text.substring(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return tokens;
  }

  /** {@code text} with every placeholder token replaced by {@code rename.apply(token)}. */
  static String rewrite(String text, UnaryOperator<String> rename) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      int end = tokenEnd(text, i);
      if (end > i) {
        out.append(rename.apply(text.substring(i, end)));
        i = end;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  /** The end of the placeholder token starting at {@code i}, or {@code i} if none starts there. */
  static int tokenEnd(String text, int i) {
    char c = text.charAt(i);
    if (c != '#' && c != ':') {
      return i;
    }
    int j = i + 1;
    while (j < text.length() && isWordChar(text.charAt(j))) {
      j++;
    }
    return j - i > 1 ? j : i;
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isPlaceholder(String key) {
    for (int i = 1; i < key.length(); i++) {
      if (!isWordChar(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
