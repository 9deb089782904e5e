package io.dynamo4j.engine.op;

import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.ProjectionType;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.expr.Condition;
import io.dynamo4j.engine.expr.Projection;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Query or Scan reads: a table's items, or the entries of one of its secondary indexes; with
 * the rules that depend on it: which attributes an index projects, which Select and projections it
 * allows, how an ExclusiveStartKey becomes a storage key and what a LastEvaluatedKey holds (the
 * table key, plus the index key for an index).
 *
 * <p>Immutable and thread-safe; one per request.
 */
final class ReadTarget {

  /** How a page turns what it reads into the items it returns. */
  enum Output {
    /** Nothing: Select COUNT. */
    COUNT,
    /** The item or index entry as stored. */
    STORED,
    /** The projection applied to the stored item or entry. */
    PROJECTED,
    /** The table's item, fetched for an index entry (a local index that lacks attributes asked for). */
    FETCHED,
    /** The projection applied to the table's item, fetched for an index entry. */
    FETCHED_PROJECTED
  }

  private final Table table;
  private final TableDefinition definition;
  private final IndexDefinition index;
  private final Keyspace keyspace;
  private final KeySchema keySchema;
  /** The attributes of an ExclusiveStartKey and LastEvaluatedKey: the index key's, then the table key's. */
  private final List<KeyAttribute> startKeyAttributes;

  private ReadTarget(Table table, TableDefinition definition, IndexDefinition index) {
    this.table = table;
    this.definition = definition;
    this.index = index;
    this.keyspace = index == null ? table.base() : table.keyspace(index);
    this.keySchema = index == null ? definition.primaryKey() : index.keySchema();
    List<KeyAttribute> attributes = new ArrayList<>(keySchema.attributes());
    if (index != null) {
      for (KeyAttribute a : definition.primaryKey().attributes()) {
        if (!keySchema.contains(a.name())) {
          attributes.add(a);
        }
      }
    }
    this.startKeyAttributes = List.copyOf(attributes);
  }

  /**
   * The table, or the index named {@code indexName} of it (null: the table), as of
   * {@code definition}; DynamoDB's errors for an unknown index or a global index still being
   * backfilled.
   */
  static ReadTarget of(Table table, TableDefinition definition, String indexName, Instant now) {
    if (indexName == null) {
      return new ReadTarget(table, definition, null);
    }
    IndexDefinition index = definition.index(indexName);
    if (index == null || table.keyspace(index) == null) {
      throw Errors.noSuchIndex(indexName);
    }
    if (index.isGlobal() && index.createdByUpdate() && index.status(now) == IndexStatus.CREATING) {
      throw Errors.indexBackfilling(indexName);
    }
    return new ReadTarget(table, definition, index);
  }

  Table table() {
    return table;
  }

  TableDefinition definition() {
    return definition;
  }

  /** The index read, or null for the table. */
  IndexDefinition index() {
    return index;
  }

  boolean isGlobalIndex() {
    return index != null && index.isGlobal();
  }

  Keyspace keyspace() {
    return keyspace;
  }

  /** The key the target is ordered by: the table's or the index's. */
  KeySchema keySchema() {
    return keySchema;
  }

  /** Whether every attribute of an item is available without a fetch: the table, or an index projecting ALL. */
  boolean projectsAll() {
    return index == null || index.projectionType() == ProjectionType.ALL;
  }

  // ---------------------------------------------------------------- request checks

  /**
   * Rejects a path below a key attribute in the projection or filter: the table's key attributes
   * first ("Key: a"), then the local indexes' and the global indexes' ("IndexKey: a"), each in key
   * schema order, as DynamoDB Local reports them.
   */
  void checkScalarKeyPaths(Projection projection, Condition filter) {
    Set<String> nested = null;
    if (projection != null) {
      nested = projection.nestedAttributes();
    }
    if (filter != null) {
      Set<String> filterNested = filter.nestedAttributes();
      if (nested == null || nested.isEmpty()) {
        nested = filterNested;
      } else if (!filterNested.isEmpty()) {
        Set<String> both = new HashSet<>(nested);
        both.addAll(filterNested);
        nested = both;
      }
    }
    if (nested == null || nested.isEmpty()) {
      return;
    }
    KeySchema primary = definition.primaryKey();
    for (KeyAttribute a : primary.attributes()) {
      if (nested.contains(a.name())) {
        throw Errors.keyPathNotScalar(a.name(), false);
      }
    }
    for (IndexDefinition i : definition.localIndexes()) {
      checkIndexKeys(i, nested, primary);
    }
    for (IndexDefinition i : definition.globalIndexes()) {
      checkIndexKeys(i, nested, primary);
    }
  }

  private static void checkIndexKeys(IndexDefinition i, Set<String> nested, KeySchema primary) {
    for (KeyAttribute a : i.keySchema().attributes()) {
      if (nested.contains(a.name()) && !primary.contains(a.name())) {
        throw Errors.keyPathNotScalar(a.name(), true);
      }
    }
  }

  /**
   * DynamoDB's rules between Select and the projection parameters, and Select
   * ALL_PROJECTED_ATTRIBUTES without an index. Select ALL_ATTRIBUTES on a global index is checked
   * by {@link #checkAllAttributesAllowed}.
   */
  void checkSelect(Select select, String projectionParameter) {
    if (select == null) {
      return;
    }
    if (projectionParameter != null) {
      switch (select) {
        case ALL_ATTRIBUTES -> throw Errors.selectWithProjection(projectionParameter, "ALL_ATTRIBUTES");
        case COUNT -> throw Errors.selectWithProjection(projectionParameter, "only the Count");
        case ALL_PROJECTED_ATTRIBUTES -> throw Errors.selectWithProjection(projectionParameter, "ALL_PROJECTED_ATTRIBUTES");
        default -> { }
      }
    } else if (select == Select.SPECIFIC_ATTRIBUTES) {
      throw Errors.specificAttributesWithoutProjection();
    }
    if (select == Select.ALL_PROJECTED_ATTRIBUTES && index == null) {
      throw Errors.allProjectedWithoutIndex();
    }
  }

  /** Rejects Select ALL_ATTRIBUTES on a global index that does not project every attribute. */
  void checkAllAttributesAllowed(Select select) {
    if (select == Select.ALL_ATTRIBUTES && isGlobalIndex() && !projectsAll()) {
      throw Errors.allAttributesOnPartialGlobalIndex(index.name());
    }
  }

  /** Rejects a filter reading attributes the index does not project. */
  void checkFilterProjected(Condition filter) {
    if (filter == null || projectsAll()) {
      return;
    }
    Set<String> missing = notProjected(filter.topLevelAttributes());
    if (missing != null) {
      throw Errors.filterNotProjected(index.name(), missing);
    }
  }

  /** Rejects a projection naming attributes a global index does not project (a local index fetches them). */
  void checkProjectionProjected(Projection projection) {
    if (projection == null || !isGlobalIndex() || projectsAll()) {
      return;
    }
    Set<String> missing = notProjected(projection.topLevelAttributes());
    if (missing != null) {
      throw Errors.projectionNotProjected(index.name(), missing);
    }
  }

  private Set<String> notProjected(Set<String> names) {
    Set<String> missing = null;
    for (String name : names) {
      if (!index.projects(name)) {
        if (missing == null) {
          missing = new TreeSet<>();
        }
        missing.add(name);
      }
    }
    return missing;
  }

  /** How a page builds its items for {@code select} (already checked) and {@code projection}. */
  Output output(Select select, Projection projection) {
    if (select == Select.COUNT) {
      return Output.COUNT;
    }
    if (projection != null) {
      if (projectsAll() || notProjected(projection.topLevelAttributes()) == null) {
        return Output.PROJECTED;
      }
      return Output.FETCHED_PROJECTED; // a local index: global ones were rejected
    }
    if (select == Select.ALL_ATTRIBUTES && !projectsAll()) {
      return Output.FETCHED; // a local index: global ones were rejected
    }
    return Output.STORED;
  }

  // ---------------------------------------------------------------- start and last keys

  /**
   * Checks an ExclusiveStartKey and returns its storage key in this target's keyspace. It must hold
   * exactly the table's key attributes and, for an index, the index's, each of its type and not
   * empty.
   */
  byte[] startKey(Item start) {
    if (start.size() != startKeyAttributes.size()) {
      throw Errors.startKeySize();
    }
    KeySchema primary = definition.primaryKey();
    for (KeyAttribute a : startKeyAttributes) {
      AttributeValue v = start.get(a.name());
      if (v == null) {
        throw Errors.startKeyInvalid();
      }
      boolean tableKey = primary.contains(a.name());
      if (!a.accepts(v)) {
        throw tableKey ? Errors.startKeyInvalid(Errors.KEY_DOES_NOT_MATCH_SCHEMA) : Errors.startKeyIndexTypeMismatch();
      }
      if (isEmpty(v)) {
        String reason = Errors.emptyKeyValue(a.name(), v.type() == AttributeValue.Type.B,
            tableKey ? null : index.name());
        boolean partition = primary.partition().contains(a) || keySchema.partition().contains(a);
        throw partition ? Errors.startKeyEmptyPartitionValue(reason) : Errors.startKeyInvalid(reason);
      }
    }
    if (index == null) {
      return keySchema.storageKey(start, null);
    }
    return keySchema.storageKey(start, primary.components(start));
  }

  /** The LastEvaluatedKey for a page that stopped at {@code entry}: its table and index key attributes. */
  Item lastEvaluatedKey(Item entry) {
    Item.Builder b = Item.builder(startKeyAttributes.size());
    for (KeyAttribute a : startKeyAttributes) {
      b.put(a.name(), entry.get(a.name()));
    }
    return b.build();
  }

  /** The table's item an index entry belongs to (null if it was deleted meanwhile). */
  Item fetch(Item entry) {
    return table.base().get(definition.primaryKey().storageKey(entry, null));
  }

  static boolean isEmpty(AttributeValue v) {
    return (v instanceof AttributeValue.S s && s.value().isEmpty())
        || (v instanceof AttributeValue.B b && b.value().length() == 0);
  }
}
