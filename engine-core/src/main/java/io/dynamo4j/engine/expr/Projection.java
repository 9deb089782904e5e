package io.dynamo4j.engine.expr;

import io.dynamo4j.model.Item;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A compiled projection: a ProjectionExpression or the legacy AttributesToGet. {@link #apply}
 * returns the parts of an item it selects, as DynamoDB returns them: nested attributes inside
 * their enclosing maps, list elements as a shorter list in index order, and nothing for paths that
 * lead nowhere.
 *
 * <p>Immutable and thread-safe.
 */
public final class Projection {

  private final PathTree<Boolean> paths;
  private final Set<String> topLevel;

  /** {@code topLevel}: the projection's top-level attribute names in text order. */
  Projection(PathTree<Boolean> paths, Set<String> topLevel) {
    this.paths = paths;
    this.topLevel = Collections.unmodifiableSet(topLevel);
  }

  /** The projected item; empty if nothing selected exists; null if {@code item} is null. */
  public Item apply(Item item) {
    return Projector.project(item, paths.root);
  }

  /** The top-level attributes the projection reads, in order of first mention; unmodifiable. */
  public Set<String> topLevelAttributes() {
    return topLevel;
  }

  /**
   * The top-level attributes the projection reads below the top level (a path such as {@code a.b}
   * or {@code a[0]} starts at them); unmodifiable.
   */
  public Set<String> nestedAttributes() {
    Set<String> nested = new LinkedHashSet<>();
    if (paths.root.names != null) {
      for (Map.Entry<String, PathTree.Node<Boolean>> e : paths.root.names.entrySet()) {
        if (!e.getValue().terminal) {
          nested.add(e.getKey());
        }
      }
    }
    return Collections.unmodifiableSet(nested);
  }
}
