package io.dynamo4j.engine.expr;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The document paths of one projection or update, merged into a tree: one node per distinct
 * prefix, map keys and list indexes as children, a payload where a path ends.
 *
 * <p>Inserting checks DynamoDB's two rules for the paths of one expression: no path may be a prefix
 * of another or equal to it ("Two document paths overlap with each other") and no node may be both
 * a map and a list ("Two document paths conflict with each other", as {@code a.b} and {@code a[1]}).
 * DynamoDB merges the paths last to first (the resolver inserts them in that order) and its messages
 * do not always name the pair that collides: they name the path being added, then the path that
 * created the node reached from the node above the collision (for a conflict: the node itself) by
 * taking, level by level, the last child in Java {@link HashMap} iteration order. This reproduces
 * DynamoDB Local's messages for thousands of random projections and updates.
 *
 * <p>Not thread-safe while being built; read-only and safe to share afterwards.
 *
 * @param <T> the payload of a complete path
 */
final class PathTree<T> {

  /** A node of the tree. */
  static final class Node<T> {
    /** Children by map key, in insertion order; null when there are none. */
    Map<String, Node<T>> names;
    /** Children by list index, ascending; null when there are none. */
    TreeMap<Integer, Node<T>> indexes;
    /** The payload of the path that ends here, or null. */
    T payload;
    boolean terminal;
    private DocPath terminalPath;
    private int terminalOrder;
    private DocPath lastPath;
    private int lastOrder;
    /** The path whose insertion created this node. */
    private DocPath creator;
    /** The children again, in a HashMap, whose iteration order DynamoDB's update messages reflect. */
    private HashMap<Object, Node<T>> hashed;

    boolean hasNames() {
      return names != null && !names.isEmpty();
    }

    boolean hasIndexes() {
      return indexes != null && !indexes.isEmpty();
    }
  }

  private final ExpressionKind kind;
  final Node<T> root = new Node<>();

  PathTree(ExpressionKind kind) {
    this.kind = kind;
  }

  /** Adds {@code path}, throwing DynamoDB's error if it overlaps or conflicts with one added before. */
  void insert(DocPath path, int order, T payload) {
    Node<T> parent = null;
    Node<T> node = root;
    boolean fresh = false;
    for (int i = 0; i < path.size(); i++) {
      if (node.terminal) {
        throw overlap(node.terminalPath, node.terminalOrder, path, order, parent);
      }
      Node<T> child;
      Object key = path.key(i);
      if (path.isIndex(i)) {
        if (node.hasNames()) {
          throw conflict(node, path);
        }
        if (node.indexes == null) {
          node.indexes = new TreeMap<>();
        }
        child = node.indexes.get(path.index(i));
        if (child == null) {
          child = created(node, key, path);
          node.indexes.put(path.index(i), child);
          fresh = true;
        }
      } else {
        if (node.hasIndexes()) {
          throw conflict(node, path);
        }
        if (node.names == null) {
          node.names = new LinkedHashMap<>(4);
        }
        child = node.names.get(path.name(i));
        if (child == null) {
          child = created(node, key, path);
          node.names.put(path.name(i), child);
          fresh = true;
        }
      }
      node.lastPath = path;
      node.lastOrder = order;
      parent = node;
      node = child;
    }
    if (!fresh) {
      if (node.terminal) {
        throw overlap(node.terminalPath, node.terminalOrder, path, order, parent);
      }
      throw overlap(node.lastPath, node.lastOrder, path, order, parent);
    }
    node.terminal = true;
    node.terminalPath = path;
    node.terminalOrder = order;
    node.lastPath = path;
    node.lastOrder = order;
    node.payload = payload;
  }

  private static <T> Node<T> created(Node<T> parent, Object key, DocPath path) {
    Node<T> child = new Node<>();
    child.creator = path;
    if (parent.hashed == null) {
      parent.hashed = new HashMap<>();
    }
    parent.hashed.put(key, child);
    return child;
  }

  private RuntimeException overlap(DocPath existing, int existingOrder, DocPath added, int addedOrder, Node<T> parent) {
    if (parent != null && parent.hashed != null) {
      return Errors.overlap(kind, added.toString(), lastCreated(parent).toString());
    }
    return overlap(existing, existingOrder, added, addedOrder);
  }

  private RuntimeException overlap(DocPath a, int aOrder, DocPath b, int bOrder) {
    return aOrder <= bOrder ? Errors.overlap(kind, a.toString(), b.toString()) : Errors.overlap(kind, b.toString(), a.toString());
  }

  private RuntimeException conflict(Node<T> node, DocPath added) {
    return Errors.conflict(kind, added.toString(), lastCreated(node).toString());
  }

  /** The creator of the node reached from {@code from} by taking, level by level, the last child in HashMap order. */
  private static <T> DocPath lastCreated(Node<T> from) {
    Node<T> last = from;
    while (last.hashed != null && !last.hashed.isEmpty()) {
      for (Node<T> child : last.hashed.values()) {
        last = child;
      }
    }
    return last.creator;
  }
}
