package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Clause;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled update: an UpdateExpression or the legacy AttributeUpdates, with every placeholder
 * substituted.
 *
 * <p>{@link #apply} computes the new item from the old one as DynamoDB does (operands read from
 * the old item; SET arithmetic at 38 digits; list_append and if_not_exists; REMOVE of list
 * elements shifting the rest; SET or ADD past a list's end appending; ADD to a number or a set,
 * creating it when absent; DELETE from a set, removing it when it empties). It is a pure function
 * and can be retried. {@link #updatedAttributes} gives what ReturnValues UPDATED_OLD and
 * UPDATED_NEW return: the item projected on the updated paths.
 *
 * <p>Immutable and thread-safe.
 */
public final class Update {

  private final List<Resolved.Action> actions;
  private final PathTree<Integer> paths;
  private final int[] order;
  private final boolean onlyRemoves;

  Update(List<Resolved.Action> actions, PathTree<Integer> paths, boolean expression) {
    this.actions = List.copyOf(actions);
    this.paths = paths;
    this.order = UpdateApplier.order(this.actions);
    boolean removes = expression;
    for (Resolved.Action action : actions) {
      if (action.clause() != Clause.REMOVE && action.clause() != Clause.DELETE) {
        removes = false;
      }
    }
    this.onlyRemoves = removes;
  }

  /**
   * The item after the update.
   *
   * @param item the item before it: the stored item, or, when there is none, an item holding just
   *     the key attributes (DynamoDB evaluates {@code SET b = if_not_exists(b, pk)} on a new item
   *     with the key visible)
   * @throws io.dynamo4j.error.ValidationException with DynamoDB's message when the update cannot
   *     apply to this item (a missing operand, an operand of the wrong type, a path through a
   *     missing attribute or the wrong type, a number out of range, nesting beyond 32 levels)
   */
  public Item apply(Item item) {
    return UpdateApplier.apply(actions, order, paths, item);
  }

  /**
   * {@code item} projected on the paths this update writes, as ReturnValues UPDATED_OLD (apply it
   * to the old item) and UPDATED_NEW (to the new one) return. Empty when nothing applies.
   */
  public Item updatedAttributes(Item item) {
    if (item == null || paths.root.names == null) {
      return Item.empty();
    }
    return Projector.project(item, paths.root);
  }

  /**
   * Rejects an update that writes a key attribute, or into one, as DynamoDB does ("One or more
   * parameter values were invalid: Cannot update attribute pk. This attribute is part of the
   * key").
   *
   * @param keyAttributes the table's key attribute names
   */
  public void checkKeyAttributes(Collection<String> keyAttributes) {
    for (Resolved.Action action : actions) {
      if (keyAttributes.contains(action.path().top())) {
        throw Errors.keyAttributeUpdate(action.path().top());
      }
    }
  }

  /**
   * Whether this is an UpdateExpression made only of REMOVE and DELETE actions. DynamoDB does not
   * create a missing item for such an update (it does for any other, even one that changes
   * nothing).
   */
  public boolean onlyRemoves() {
    return onlyRemoves;
  }

  /**
   * The type of the value this update writes to the whole top-level attribute {@code name} when the
   * request alone decides it: a value placeholder or AttributeUpdates value ({@code SET a = :v},
   * {@code ADD a :v}, PUT or ADD), arithmetic (a number) or {@code list_append} (a list). Null when
   * no action writes the whole attribute or when the type depends on the item ({@code SET a = b},
   * {@code if_not_exists}, REMOVE, DELETE). DynamoDB checks the types of secondary index keys
   * against this before it reads the item.
   */
  public AttributeValue.Type declaredType(String name) {
    for (Resolved.Action action : actions) {
      if (action.path().size() != 1 || !action.path().top().equals(name)) {
        continue;
      }
      switch (action.clause()) {
        case SET -> {
          if (action.value() instanceof Resolved.Value v) {
            return v.value().type();
          }
          if (action.value() instanceof Resolved.Arith) {
            return AttributeValue.Type.N;
          }
          if (action.value() instanceof Resolved.ListAppend) {
            return AttributeValue.Type.L;
          }
        }
        case ADD -> {
          if (action.value() instanceof Resolved.Value v) {
            return v.value().type();
          }
        }
        default -> { }
      }
    }
    return null;
  }

  /** Whether an action writes inside the top-level attribute {@code name} (a path of several steps). */
  public boolean writesInside(String name) {
    for (Resolved.Action action : actions) {
      if (action.path().size() > 1 && action.path().top().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The top-level attributes this update writes, in text order. */
  public Set<String> topLevelAttributes() {
    Set<String> names = new LinkedHashSet<>();
    for (Resolved.Action action : actions) {
      names.add(action.path().top());
    }
    return names;
  }

  @Override
  public String toString() {
    return "Update" + actions;
  }
}
