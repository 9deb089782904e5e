package io.dynamo4j.engine.expr;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies the parts of an item that a tree of paths selects, as DynamoDB returns them: a nested
 * attribute comes back inside its enclosing maps, list elements come back as a shorter list in
 * index order, and paths that lead nowhere (a missing attribute, an index past the end, a map key
 * on a list) contribute nothing. An enclosing map or list that would be empty is left out.
 *
 * <p>Used for ProjectionExpression and for the UPDATED_OLD and UPDATED_NEW return values of an
 * update, which are the item projected on the updated paths. Stateless and thread-safe.
 */
final class Projector {

  private Projector() {}

  static Item project(Item item, PathTree.Node<?> root) {
    if (item == null) {
      return null;
    }
    Item.Builder result = Item.builder(root.names == null ? 0 : root.names.size());
    if (root.names != null) {
      for (Map.Entry<String, ? extends PathTree.Node<?>> entry : root.names.entrySet()) {
        AttributeValue value = item.get(entry.getKey());
        if (value != null) {
          AttributeValue projected = project(value, entry.getValue());
          if (projected != null) {
            result.put(entry.getKey(), projected);
          }
        }
      }
    }
    return result.build();
  }

  private static AttributeValue project(AttributeValue value, PathTree.Node<?> node) {
    if (node.terminal) {
      return value;
    }
    if (node.hasNames()) {
      if (!(value instanceof AttributeValue.M map)) {
        return null;
      }
      Item.Builder result = null;
      for (Map.Entry<String, ? extends PathTree.Node<?>> entry : node.names.entrySet()) {
        AttributeValue child = map.value().get(entry.getKey());
        if (child != null) {
          AttributeValue projected = project(child, entry.getValue());
          if (projected != null) {
            if (result == null) {
              result = Item.builder(node.names.size());
            }
            result.put(entry.getKey(), projected);
          }
        }
      }
      return result == null ? null : AttributeValue.m(result.build());
    }
    if (node.hasIndexes()) {
      if (!(value instanceof AttributeValue.L list)) {
        return null;
      }
      List<AttributeValue> elements = list.value();
      List<AttributeValue> result = null;
      for (Map.Entry<Integer, ? extends PathTree.Node<?>> entry : node.indexes.entrySet()) {
        int index = entry.getKey();
        if (index >= elements.size()) {
          break;
        }
        AttributeValue projected = project(elements.get(index), entry.getValue());
        if (projected != null) {
          if (result == null) {
            result = new ArrayList<>(node.indexes.size());
          }
          result.add(projected);
        }
      }
      return result == null ? null : AttributeValue.l(result);
    }
    return null;
  }
}
