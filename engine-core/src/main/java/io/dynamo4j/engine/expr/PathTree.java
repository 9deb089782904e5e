package io.dynamo4j.engine.expr;

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
 * Messages name the two paths in text order; {@code order} is each path's position in the text.
 * (DynamoDB's second path is sometimes an unrelated earlier path when three or more are given;
 * this tree always names the pair that collides.)
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
    private DocPath firstNamePath;
    private int firstNameOrder;
    private DocPath firstIndexPath;
    private int firstIndexOrder;

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
    Node<T> node = root;
    boolean fresh = false;
    for (int i = 0; i < path.size(); i++) {
      if (node.terminal) {
        throw overlap(node.terminalPath, node.terminalOrder, path, order);
      }
      Node<T> child;
      if (path.isIndex(i)) {
        if (node.hasNames()) {
          throw conflict(node.firstNamePath, node.firstNameOrder, path, order);
        }
        if (node.indexes == null) {
          node.indexes = new TreeMap<>();
          node.firstIndexPath = path;
          node.firstIndexOrder = order;
        }
        child = node.indexes.get(path.index(i));
        if (child == null) {
          child = new Node<>();
          node.indexes.put(path.index(i), child);
          fresh = true;
        }
      } else {
        if (node.hasIndexes()) {
          throw conflict(node.firstIndexPath, node.firstIndexOrder, path, order);
        }
        if (node.names == null) {
          node.names = new LinkedHashMap<>(4);
          node.firstNamePath = path;
          node.firstNameOrder = order;
        }
        child = node.names.get(path.name(i));
        if (child == null) {
          child = new Node<>();
          node.names.put(path.name(i), child);
          fresh = true;
        }
      }
      node.lastPath = path;
      node.lastOrder = order;
      node = child;
    }
    if (!fresh) {
      if (node.terminal) {
        throw overlap(node.terminalPath, node.terminalOrder, path, order);
      }
      throw overlap(node.lastPath, node.lastOrder, path, order);
    }
    node.terminal = true;
    node.terminalPath = path;
    node.terminalOrder = order;
    node.lastPath = path;
    node.lastOrder = order;
    node.payload = payload;
  }

  private RuntimeException overlap(DocPath a, int aOrder, DocPath b, int bOrder) {
    return aOrder <= bOrder ? Errors.overlap(kind, a.toString(), b.toString()) : Errors.overlap(kind, b.toString(), a.toString());
  }

  private RuntimeException conflict(DocPath a, int aOrder, DocPath b, int bOrder) {
    return aOrder <= bOrder ? Errors.conflict(kind, a.toString(), b.toString()) : Errors.conflict(kind, b.toString(), a.toString());
  }
}
