package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Clause;
import io.dynamo4j.engine.expr.Resolved.Operand;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies a resolved update to an item, as DynamoDB does, in two steps.
 *
 * <ol>
 *   <li>Every action's path is checked and its operand computed from the item as it was before the
 *       update ({@code SET a = b, b = a} swaps), in DynamoDB's order (see {@link #order}). This is
 *       where a path through a missing attribute or the wrong type ("The document path provided in
 *       the update expression is invalid for update"), a missing operand ("The provided expression
 *       refers to an attribute that does not exist in the item") and an operand of the wrong type
 *       ("An operand in the update expression has an incorrect data type") are reported, and where
 *       arithmetic is checked against DynamoDB's 38 digits and range.
 *   <li>The results are written along the merged tree of paths. A path through a missing
 *       attribute, or a map key on a list, is "The document path provided in the update expression
 *       is invalid for update". List indexes name elements of the list as it was: the elements a
 *       REMOVE names are dropped and the rest shift down; a SET or ADD past the end appends, in
 *       index order. A DELETE that empties a set removes the attribute.
 * </ol>
 *
 * <p>Stateless and thread-safe; the result is a new item.
 */
final class UpdateApplier {

  static final int MAX_DIGITS = 38;
  static final int MAX_EXPONENT = 125;
  static final int MIN_EXPONENT = -130;
  /**
   * DynamoDB's limit on the nesting of an attribute value: 31 maps or lists in each other (32
   * levels with the innermost value), even when the innermost one is empty.
   */
  static final int MAX_VALUE_DEPTH = 31;

  private UpdateApplier() {}

  static Item apply(List<Resolved.Action> actions, int[] order, PathTree<Integer> tree, Item old) {
    Item base = old == null ? Item.empty() : old;
    AttributeValue[] computed = new AttributeValue[actions.size()];
    for (int i : order) {
      Resolved.Action action = actions.get(i);
      if (!reachable(action.path(), base)) {
        throw Errors.invalidUpdatePath();
      }
      computed[i] = compute(action, base);
    }
    if (tree.root.names == null) {
      return base;
    }
    Item.Builder result = base.toBuilder();
    for (Map.Entry<String, PathTree.Node<Integer>> entry : tree.root.names.entrySet()) {
      String name = entry.getKey();
      AttributeValue updated = write(base.get(name), entry.getValue(), actions, computed);
      if (updated == null) {
        result.remove(name);
      } else {
        if (Values.depth(updated) > MAX_VALUE_DEPTH) {
          throw Errors.nestingTooDeep();
        }
        result.put(name, updated);
      }
    }
    return result.build();
  }

  // ---------------------------------------------------------------- step 1: operands

  /**
   * The order in which DynamoDB checks and computes the actions of an update, which decides which
   * error it reports when several actions fail: the paths merged into a tree of Java {@link HashMap}s
   * (map keys as strings, list indexes as integers, added in text order), walked depth first with
   * each node's children in reverse iteration order.
   */
  static int[] order(List<Resolved.Action> actions) {
    HashNode root = new HashNode();
    for (int i = 0; i < actions.size(); i++) {
      DocPath path = actions.get(i).path();
      HashNode node = root;
      for (int step = 0; step < path.size(); step++) {
        node = node.children.computeIfAbsent(path.key(step), key -> new HashNode());
      }
      node.action = i;
    }
    int[] order = new int[actions.size()];
    int[] next = {0};
    walk(root, order, next);
    return order;
  }

  private static final class HashNode {
    final HashMap<Object, HashNode> children = new HashMap<>();
    int action = -1;
  }

  private static void walk(HashNode node, int[] order, int[] next) {
    List<HashNode> children = new ArrayList<>(node.children.values());
    for (int i = children.size() - 1; i >= 0; i--) {
      HashNode child = children.get(i);
      if (child.action >= 0) {
        order[next[0]++] = child.action;
      }
      walk(child, order, next);
    }
  }

  /** Whether every step above the path's last one exists and is the container the next step needs. */
  private static boolean reachable(DocPath path, Item item) {
    AttributeValue value = item.get(path.top());
    for (int i = 1; i < path.size(); i++) {
      if (value == null) {
        return false;
      }
      if (path.isIndex(i) ? !(value instanceof AttributeValue.L) : !(value instanceof AttributeValue.M)) {
        return false;
      }
      if (i == path.size() - 1) {
        return true;
      }
      value = path.step(value, i);
    }
    return true;
  }

  /** The value an action writes, or null when it writes nothing (REMOVE, a DELETE that empties). */
  private static AttributeValue compute(Resolved.Action action, Item old) {
    switch (action.clause()) {
      case SET:
        return value(action.value(), old);
      case REMOVE:
        return null;
      case ADD: {
        AttributeValue given = ((Resolved.Value) action.value()).value();
        AttributeValue existing = action.path().get(old);
        return existing == null ? given : add(existing, given, action.legacy());
      }
      default: {
        AttributeValue given = ((Resolved.Value) action.value()).value();
        AttributeValue existing = action.path().get(old);
        return existing == null ? null : delete(existing, given, action.legacy());
      }
    }
  }

  private static AttributeValue value(Operand operand, Item old) {
    if (operand instanceof Resolved.PathOperand p) {
      AttributeValue value = p.path().get(old);
      if (value == null) {
        throw Errors.missingOperand();
      }
      return value;
    }
    if (operand instanceof Resolved.Value v) {
      return v.value();
    }
    if (operand instanceof Resolved.IfNotExists f) {
      // DynamoDB evaluates the fallback even when the path exists: a missing fallback path fails.
      AttributeValue fallback = value(f.fallback(), old);
      AttributeValue value = f.path().get(old);
      return value != null ? value : fallback;
    }
    // Operands are evaluated and type-checked left to right: "a + b.c" with a string a is a type
    // error even though b.c is missing.
    if (operand instanceof Resolved.ListAppend a) {
      if (!(value(a.left(), old) instanceof AttributeValue.L l)) {
        throw Errors.wrongOperandType();
      }
      if (!(value(a.right(), old) instanceof AttributeValue.L r)) {
        throw Errors.wrongOperandType();
      }
      List<AttributeValue> joined = new ArrayList<>(l.value().size() + r.value().size());
      joined.addAll(l.value());
      joined.addAll(r.value());
      return AttributeValue.l(joined);
    }
    if (operand instanceof Resolved.Arith a) {
      if (!(value(a.left(), old) instanceof AttributeValue.N l)) {
        throw Errors.wrongOperandType();
      }
      if (!(value(a.right(), old) instanceof AttributeValue.N r)) {
        throw Errors.wrongOperandType();
      }
      return arithmetic(l.value(), r.value(), a.minus());
    }
    throw new IllegalStateException("unexpected operand: " + operand);
  }

  /**
   * Exact sum or difference, then DynamoDB's checks in its order: more than 38 significant digits
   * ("DynamoDB only supports precision up to 38 digits"), then magnitude.
   */
  static AttributeValue.N arithmetic(BigDecimal a, BigDecimal b, boolean minus) {
    BigDecimal result = minus ? a.subtract(b) : a.add(b);
    if (result.signum() == 0) {
      return AttributeValue.n(BigDecimal.ZERO);
    }
    BigDecimal stripped = result.stripTrailingZeros();
    if (stripped.precision() > MAX_DIGITS) {
      throw Errors.precision();
    }
    long exponent = (long) stripped.precision() - stripped.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw Errors.numberOverflow();
    }
    if (exponent < MIN_EXPONENT) {
      throw Errors.numberUnderflow();
    }
    return AttributeValue.n(stripped);
  }

  private static AttributeValue add(AttributeValue existing, AttributeValue given, boolean legacy) {
    if (given instanceof AttributeValue.N g) {
      if (existing instanceof AttributeValue.N e) {
        return arithmetic(e.value(), g.value(), false);
      }
    } else if (given instanceof AttributeValue.SS g) {
      if (existing instanceof AttributeValue.SS e) {
        LinkedHashSet<String> union = new LinkedHashSet<>(e.value());
        union.addAll(g.value());
        return AttributeValue.ss(union);
      }
    } else if (given instanceof AttributeValue.NS g) {
      if (existing instanceof AttributeValue.NS e) {
        TreeSet<BigDecimal> union = new TreeSet<>(e.value());
        union.addAll(g.value());
        return AttributeValue.nsOf(union);
      }
    } else if (given instanceof AttributeValue.BS g) {
      if (existing instanceof AttributeValue.BS e) {
        LinkedHashSet<Bytes> union = new LinkedHashSet<>(e.value());
        union.addAll(g.value());
        return AttributeValue.bs(union);
      }
    } else if (given instanceof AttributeValue.L g && legacy) {
      if (existing instanceof AttributeValue.L e) {
        List<AttributeValue> joined = new ArrayList<>(e.value());
        joined.addAll(g.value());
        return AttributeValue.l(joined);
      }
    }
    throw typeError(legacy);
  }

  private static AttributeValue delete(AttributeValue existing, AttributeValue given, boolean legacy) {
    if (given instanceof AttributeValue.SS g && existing instanceof AttributeValue.SS e) {
      List<String> left = new ArrayList<>(e.value());
      left.removeAll(g.value());
      return left.isEmpty() ? null : AttributeValue.ss(left);
    }
    if (given instanceof AttributeValue.NS g && existing instanceof AttributeValue.NS e) {
      TreeSet<BigDecimal> left = new TreeSet<>(e.value());
      left.removeAll(new TreeSet<>(g.value()));
      return left.isEmpty() ? null : AttributeValue.nsOf(left);
    }
    if (given instanceof AttributeValue.BS g && existing instanceof AttributeValue.BS e) {
      List<Bytes> left = new ArrayList<>(e.value());
      left.removeAll(g.value());
      return left.isEmpty() ? null : AttributeValue.bs(left);
    }
    throw typeError(legacy);
  }

  private static ValidationException typeError(boolean legacy) {
    return legacy ? Errors.legacyTypeMismatch() : Errors.wrongOperandType();
  }

  // ---------------------------------------------------------------- step 2: writing

  /** The new value at {@code node}, given its old value; null when it is absent afterwards. */
  private static AttributeValue write(AttributeValue existing, PathTree.Node<Integer> node,
      List<Resolved.Action> actions, AttributeValue[] computed) {
    if (node.terminal) {
      int index = node.payload;
      Resolved.Action action = actions.get(index);
      if (action.clause() == Clause.DELETE && existing == null) {
        return null;
      }
      return computed[index];
    }
    if (existing == null) {
      throw Errors.invalidUpdatePath();
    }
    if (node.hasNames()) {
      if (!(existing instanceof AttributeValue.M map)) {
        throw Errors.invalidUpdatePath();
      }
      Item.Builder result = map.value().toBuilder();
      for (Map.Entry<String, PathTree.Node<Integer>> entry : node.names.entrySet()) {
        AttributeValue updated = write(map.value().get(entry.getKey()), entry.getValue(), actions, computed);
        if (updated == null) {
          result.remove(entry.getKey());
        } else {
          result.put(entry.getKey(), updated);
        }
      }
      return AttributeValue.m(result.build());
    }
    if (!(existing instanceof AttributeValue.L list)) {
      throw Errors.invalidUpdatePath();
    }
    List<AttributeValue> elements = list.value();
    int size = elements.size();
    AttributeValue[] updated = elements.toArray(new AttributeValue[0]);
    List<AttributeValue> appended = null;
    for (Map.Entry<Integer, PathTree.Node<Integer>> entry : node.indexes.entrySet()) {
      int index = entry.getKey();
      PathTree.Node<Integer> child = entry.getValue();
      if (index < size) {
        updated[index] = write(elements.get(index), child, actions, computed);
      } else if (!child.terminal) {
        throw Errors.invalidUpdatePath();
      } else {
        Clause clause = actions.get(child.payload).clause();
        if (clause == Clause.SET || clause == Clause.ADD) {
          if (appended == null) {
            appended = new ArrayList<>(2);
          }
          appended.add(computed[child.payload]);
        }
      }
    }
    List<AttributeValue> result = new ArrayList<>(size + (appended == null ? 0 : appended.size()));
    for (AttributeValue element : updated) {
      if (element != null) {
        result.add(element);
      }
    }
    if (appended != null) {
      result.addAll(appended);
    }
    return AttributeValue.l(result);
  }
}
