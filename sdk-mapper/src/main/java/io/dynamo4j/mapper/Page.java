package io.dynamo4j.mapper;

import java.util.List;

/**
 * One page of a query or scan: its items, and the cursor of the next page (null after the last).
 * Immutable when its items are.
 *
 * @param items the items, in DynamoDB's order
 * @param next where the next page starts, or null if there is none
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Cursor next) {

  public Page {
    items = List.copyOf(items);
  }

  /** Whether another page may follow. */
  public boolean hasNext() {
    return next != null;
  }
}
