package io.dynamo4j.engine.expr;

import io.dynamo4j.model.Item;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A compiled condition: a ConditionExpression or FilterExpression, or the legacy Expected,
 * QueryFilter or ScanFilter, with every placeholder substituted. {@link #test} evaluates it with
 * DynamoDB's semantics: a comparison between values of different types is false, not an error; a
 * missing attribute satisfies nothing but {@code <>}, NOT and attribute_not_exists.
 *
 * <p>Immutable and thread-safe: one compiled condition can be tested against many items at once.
 */
public final class Condition {

  private final Resolved.Cond cond;
  /** The request parameter it came from, for the messages of {@link #checkNoKeyAttributes}. */
  private final String parameter;

  Condition(Resolved.Cond cond, String parameter) {
    this.cond = cond;
    this.parameter = parameter;
  }

  /**
   * Whether {@code item} satisfies the condition.
   *
   * @param item the item, or null when there is none (a PutItem of a new key)
   */
  public boolean test(Item item) {
    return Evaluator.test(cond, item);
  }

  /**
   * Rejects a Query filter that refers to a key attribute of the table or index queried, as
   * DynamoDB does ("Filter Expression can only contain non-primary key attributes: Primary key
   * attribute: pk", or "QueryFilter ..." for the legacy parameter).
   *
   * @param keyAttributes the key attribute names of the table or index queried
   */
  public void checkNoKeyAttributes(Collection<String> keyAttributes) {
    KeyReferences.check(cond, keyAttributes, parameter);
  }

  /** The top-level attribute names the condition reads, in text order; unmodifiable. */
  public Set<String> topLevelAttributes() {
    Set<String> names = new LinkedHashSet<>();
    ConditionPaths.forEach(cond, path -> names.add(path.top()));
    return Collections.unmodifiableSet(names);
  }

  /**
   * The top-level attribute names the condition reads below the top level (a path such as
   * {@code a.b} or {@code a[0]} starts at them), in text order; unmodifiable.
   */
  public Set<String> nestedAttributes() {
    Set<String> names = new LinkedHashSet<>();
    ConditionPaths.forEach(cond, path -> {
      if (path.size() > 1) {
        names.add(path.top());
      }
    });
    return Collections.unmodifiableSet(names);
  }

  Resolved.Cond resolved() {
    return cond;
  }

  @Override
  public String toString() {
    return "Condition{" + cond + "}";
  }
}
