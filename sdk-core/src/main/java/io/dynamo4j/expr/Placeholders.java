package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one placeholder allocator of a rendering: every expression of a request renders through the
 * same instance, so placeholders cannot collide by construction.
 *
 * <p>Invariants, which together make the two maps exactly what DynamoDB wants (every placeholder
 * defined once and used):
 *
 * <ul>
 *   <li>one placeholder per distinct attribute name and one per distinct value (by
 *       {@code AttributeValue.equals}), so the maps are bijections;
 *   <li>a placeholder is registered only when it is written into the text;
 *   <li>generated placeholders are {@code #n0, #n1, ...} and {@code :v0, :v1, ...} in order of
 *       first appearance, skipping any placeholder already taken by a hand-written fragment;
 *   <li>a fragment keeps its own placeholders unless one is taken by something else, in which case
 *       it is renamed to a fresh generated one ({@link #bind}).
 * </ul>
 *
 * <p>A literal instance ({@link #literal()}) writes names and values themselves instead, for
 * {@code toString()}. Not thread-safe; used by one rendering and dropped.
 */
final class Placeholders {

  private static final Placeholders LITERAL = new Placeholders(true);

  private final boolean literal;
  private final Map<String, String> placeholderOfName = new HashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<AttributeValue, String> placeholderOfValue = new HashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();
  private final Set<String> taken = new HashSet<>();
  private int nextName;
  private int nextValue;

  private Placeholders(boolean literal) {
    this.literal = literal;
  }

  /** A fresh allocator. */
  static Placeholders create() {
    return new Placeholders(false);
  }

  /** Writes names and values in place of placeholders: {@code status = {S: OPEN}}. Stateless. */
  static Placeholders literal() {
    return LITERAL;
  }

  /** The placeholder for {@code attributeName}, allocated on first use. */
  String name(String attributeName) {
    if (literal) {
      return attributeName;
    }
    String p = placeholderOfName.get(attributeName);
    if (p == null) {
      p = fresh('#');
      register(p, attributeName);
    }
    return p;
  }

  /** The placeholder for {@code value}, allocated on first use. */
  String value(AttributeValue value) {
    if (literal) {
      return value.toString();
    }
    String p = placeholderOfValue.get(value);
    if (p == null) {
      p = fresh(':');
      register(p, value);
    }
    return p;
  }

  /**
   * The text of {@code fragment} with its placeholders bound into this allocation. Only the
   * placeholders the text uses are bound; a token the fragment does not define is left as it is
   * and reserved, so nothing generated can take it.
   */
  String bind(Fragment fragment) {
    Set<String> tokens = Fragment.placeholders(fragment.text());
    Map<String, String> renames = new HashMap<>();
    // Pass 1: share what is already bound, keep what is free; pass 2: rename the rest. Two passes,
    // so a renamed token never takes a name that a later token of the same text could have kept.
    for (int pass = 1; pass <= 2; pass++) {
      for (String token : tokens) {
        if (renames.containsKey(token)) {
          continue;
        }
        boolean isName = token.charAt(0) == '#';
        Object meaning = isName ? fragment.names().get(token) : fragment.values().get(token);
        if (literal) {
          renames.put(token, meaning == null ? token : meaning.toString());
          continue;
        }
        if (meaning == null) {
          taken.add(token);
          renames.put(token, token);
          continue;
        }
        String bound = isName ? placeholderOfName.get((String) meaning) : placeholderOfValue.get(meaning);
        if (bound != null) {
          renames.put(token, bound);
        } else if (!taken.contains(token)) {
          register(token, meaning);
          renames.put(token, token);
        } else if (pass == 2) {
          String p = fresh(token.charAt(0));
          register(p, meaning);
          renames.put(token, p);
        }
      }
    }
    return Fragment.rewrite(fragment.text(), renames::get);
  }

  private void register(String placeholder, Object meaning) {
    taken.add(placeholder);
    if (meaning instanceof String name) {
      placeholderOfName.put(name, placeholder);
      names.put(placeholder, name);
    } else {
      AttributeValue v = (AttributeValue) meaning;
      placeholderOfValue.put(v, placeholder);
      values.put(placeholder, v);
    }
  }

  private String fresh(char sigil) {
    while (true) {
      String p = sigil == '#' ? "#n" + nextName++ : ":v" + nextValue++;
      if (!taken.contains(p)) {
        return p;
      }
    }
  }

  /** Renders a condition operand. */
  void operand(StringBuilder out, Operand operand) {
    if (operand instanceof AttributePath path) {
      path.render(out, this);
    } else if (operand instanceof ValueOperand v) {
      out.append(value(v.value()));
    } else {
      out.append("size(");
      ((SizeOperand) operand).path().render(out, this);
      out.append(')');
    }
  }

  /** Renders the right-hand side of a SET action. */
  void setValue(StringBuilder out, SetValue v) {
    if (v instanceof AttributePath path) {
      path.render(out, this);
    } else if (v instanceof ValueOperand value) {
      out.append(value(value.value()));
    } else if (v instanceof IfNotExists f) {
      out.append("if_not_exists(");
      f.path().render(out, this);
      out.append(", ");
      setValue(out, f.fallback());
      out.append(')');
    } else if (v instanceof ListAppend f) {
      out.append("list_append(");
      setValue(out, f.first());
      out.append(", ");
      setValue(out, f.second());
      out.append(')');
    } else {
      Arithmetic a = (Arithmetic) v;
      setValue(out, a.left());
      out.append(' ').append(a.operator()).append(' ');
      setValue(out, a.right());
    }
  }

  /** The names bound so far, placeholder to name, in order of allocation. */
  Map<String, String> names() {
    return names;
  }

  /** The values bound so far, placeholder to value, in order of allocation. */
  Map<String, AttributeValue> values() {
    return values;
  }
}
