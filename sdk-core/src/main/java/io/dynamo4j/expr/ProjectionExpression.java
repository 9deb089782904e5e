package io.dynamo4j.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A projection: DynamoDB's {@code ProjectionExpression}, the attributes a read returns.
 *
 * <pre>{@code
 * ProjectionExpression p = ProjectionExpression.of(AttributePath.of("id"), AttributePath.parse("address.city"), AttributePath.parse("tags[0]"));
 * // #n0, #n1.#n2, #n3[0]
 * ProjectionExpression q = ProjectionExpression.attributes("id", "name");   // top-level names
 * }</pre>
 *
 * <p>DynamoDB rejects a projection whose paths overlap ({@code a, a} or {@code a, a.b}). Since
 * projecting {@code a} already returns all of {@code a.b}, this class keeps only the shorter of
 * two overlapping paths, at the place of the first of them, in {@link #of} and {@link #combine}
 * alike; the result is the same set of returned attributes. Paths of {@link #raw raw} fragments are
 * kept as written.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProjectionExpression {

  /** Each element is a {@link AttributePath} or a {@link Fragment} holding one projected path of a raw text. */
  private final List<Object> items;

  private ProjectionExpression(List<Object> items) {
    this.items = items;
  }

  /** The projection of {@code first} and {@code more}. */
  public static ProjectionExpression of(AttributePath first, AttributePath... more) {
    Require.nonNull(more, "paths");
    List<AttributePath> all = new ArrayList<>(more.length + 1);
    all.add(first);
    all.addAll(Arrays.asList(more));
    return of(all);
  }

  /**
   * The projection of {@code paths}, in order.
   *
   * @throws IllegalArgumentException if the list is empty or has a null
   */
  public static ProjectionExpression of(List<AttributePath> paths) {
    Require.nonNull(paths, "paths");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a projection needs at least one path");
    }
    List<Object> items = new ArrayList<>(paths.size());
    for (AttributePath p : paths) {
      add(items, Require.nonNull(p, "path"));
    }
    return new ProjectionExpression(Collections.unmodifiableList(items));
  }

  /** The projection of the top-level attributes {@code first} and {@code more}, each name taken literally. */
  public static ProjectionExpression attributes(String first, String... more) {
    Require.nonNull(more, "attribute names");
    List<AttributePath> all = new ArrayList<>(more.length + 1);
    all.add(AttributePath.of(first));
    for (String name : more) {
      all.add(AttributePath.of(name));
    }
    return of(all);
  }

  /**
   * A projection written by hand, such as {@code "#id, address.city"}, with its name placeholders.
   * Combined with others, its placeholders are renamed where they clash.
   *
   * @throws IllegalArgumentException if the text is empty or has an empty path, uses a placeholder
   *     it does not define (value placeholders included: projections take none), defines one it does
   *     not use, or a key is not a name placeholder
   */
  public static ProjectionExpression raw(String expression, Map<String, String> names) {
    Fragment whole = Fragment.strict("ProjectionExpression.raw", expression, names, Map.of());
    List<Object> items = new ArrayList<>();
    for (String piece : whole.text().split(",", -1)) {
      if (piece.isBlank()) {
        throw new IllegalArgumentException(
            "ProjectionExpression.raw: \"" + expression + "\" has an empty path");
      }
      items.add(whole.piece(piece.strip()));
    }
    return new ProjectionExpression(Collections.unmodifiableList(items));
  }

  /** The paths of this projection followed by those of {@code other}, overlaps removed. */
  public ProjectionExpression combine(ProjectionExpression other) {
    Require.nonNull(other, "other projection");
    List<Object> all = new ArrayList<>(items);
    for (Object item : other.items) {
      if (item instanceof AttributePath p) {
        add(all, p);
      } else {
        all.add(item);
      }
    }
    return new ProjectionExpression(Collections.unmodifiableList(all));
  }

  /**
   * Adds {@code path} unless a path already there covers it; a path it covers is replaced by it at
   * the first such place, and any further covered paths are dropped.
   */
  private static void add(List<Object> items, AttributePath path) {
    int at = -1;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof AttributePath q) {
        if (path.startsWith(q)) {
          return;
        }
        if (q.startsWith(path)) {
          if (at < 0) {
            at = i;
            items.set(i, path);
          } else {
            items.remove(i--);
          }
        }
      }
    }
    if (at < 0) {
      items.add(path);
    }
  }

  /** Renders this projection through {@code placeholders}. */
  String render(Placeholders placeholders) {
    StringBuilder out = new StringBuilder();
    for (Object item : items) {
      if (out.length() > 0) {
        out.append(", ");
      }
      if (item instanceof AttributePath p) {
        p.render(out, placeholders);
      } else {
        out.append(placeholders.bind((Fragment) item));
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectionExpression other && items.equals(other.items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  /** The projected paths, such as {@code id, address.city}. */
  @Override
  public String toString() {
    return render(Placeholders.literal());
  }
}
