package io.dynamo4j.engine.expr;

import io.dynamo4j.model.Item;
import java.util.LinkedHashSet;
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

  Projection(PathTree<Boolean> paths) {
    this.paths = paths;
  }

  /** The projected item; empty if nothing selected exists; null if {@code item} is null. */
  public Item apply(Item item) {
    return Projector.project(item, paths.root);
  }

  /** The top-level attributes the projection reads, in text order. */
  public Set<String> topLevelAttributes() {
    return paths.root.names == null ? Set.of() : new LinkedHashSet<>(paths.root.names.keySet());
  }
}
