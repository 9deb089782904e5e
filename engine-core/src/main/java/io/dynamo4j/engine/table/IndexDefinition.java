package io.dynamo4j.engine.table;

import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProjectionType;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One secondary index of a table: its description as DynamoDB returns it (without live sizes and
 * counts), its key schema, the keyspace holding its entries, and its projection.
 *
 * <p>Index entries are the projection of the base item: the table's key attributes, the index's key
 * attributes, and then all attributes ({@code ALL}), none ({@code KEYS_ONLY}) or the listed
 * non-key attributes ({@code INCLUDE}).
 *
 * <p>Immutable and thread-safe.
 */
public final class IndexDefinition {

  /** Whether an index is global or local. */
  public enum Kind {
    GLOBAL,
    LOCAL
  }

  private final Kind kind;
  private final GlobalSecondaryIndexDescription global;
  private final LocalSecondaryIndexDescription local;
  private final KeySchema keySchema;
  private final KeySchema tableKey;
  private final String keyspaceId;
  private final ProjectionType projectionType;
  private final Set<String> included;
  private final Instant statusUntil;
  private final boolean backfillInProgress;
  private final boolean createdByUpdate;

  private IndexDefinition(
      Kind kind,
      GlobalSecondaryIndexDescription global,
      LocalSecondaryIndexDescription local,
      KeySchema keySchema,
      KeySchema tableKey,
      String keyspaceId,
      Instant statusUntil,
      boolean backfillInProgress,
      boolean createdByUpdate) {
    this.kind = kind;
    this.statusUntil = statusUntil;
    this.backfillInProgress = backfillInProgress;
    this.createdByUpdate = createdByUpdate;
    this.global = global;
    this.local = local;
    this.keySchema = keySchema;
    this.tableKey = tableKey;
    this.keyspaceId = keyspaceId;
    Projection p = kind == Kind.GLOBAL ? global.projection() : local.projection();
    this.projectionType = p == null || p.projectionType() == null ? ProjectionType.ALL : p.projectionType();
    Set<String> names = new HashSet<>();
    for (KeyAttribute a : keySchema.attributes()) {
      names.add(a.name());
    }
    for (KeyAttribute a : tableKey.attributes()) {
      names.add(a.name());
    }
    if (projectionType == ProjectionType.INCLUDE && p.nonKeyAttributes() != null) {
      names.addAll(p.nonKeyAttributes());
    }
    this.included = Set.copyOf(names);
  }

  /** A global index. */
  public static IndexDefinition global(
      GlobalSecondaryIndexDescription description, KeySchema keySchema, KeySchema tableKey, String keyspaceId) {
    return new IndexDefinition(Kind.GLOBAL, description, null, keySchema, tableKey, keyspaceId, null, false, false);
  }

  /** A local index. */
  public static IndexDefinition local(
      LocalSecondaryIndexDescription description, KeySchema keySchema, KeySchema tableKey, String keyspaceId) {
    return new IndexDefinition(Kind.LOCAL, null, description, keySchema, tableKey, keyspaceId, null, false, false);
  }

  /** The index name. */
  public String name() {
    return kind == Kind.GLOBAL ? global.indexName() : local.indexName();
  }

  /** Global or local. */
  public Kind kind() {
    return kind;
  }

  /** Whether this is a global index. */
  public boolean isGlobal() {
    return kind == Kind.GLOBAL;
  }

  /** The description of a global index (sizes and counts unset), or null for a local one. */
  public GlobalSecondaryIndexDescription globalDescription() {
    return global;
  }

  /** The description of a local index (sizes and counts unset), or null for a global one. */
  public LocalSecondaryIndexDescription localDescription() {
    return local;
  }

  /** A copy with another global description (same key schema, keyspace and status timing). */
  public IndexDefinition withGlobalDescription(GlobalSecondaryIndexDescription description) {
    return new IndexDefinition(Kind.GLOBAL, description, null, keySchema, tableKey, keyspaceId, statusUntil,
        backfillInProgress, createdByUpdate);
  }

  /**
   * A copy of a global index with stored status {@code status} until {@code until} (null: for
   * good), after which it shows ACTIVE (see {@link #status(Instant)}).
   */
  public IndexDefinition withStatus(IndexStatus status, Instant until) {
    return new IndexDefinition(Kind.GLOBAL, global.toBuilder().indexStatus(status).build(), null, keySchema, tableKey,
        keyspaceId, until, backfillInProgress, createdByUpdate);
  }

  /**
   * A copy of a global index added to an existing table by UpdateTable: while {@code inProgress},
   * existing items are still being copied into it, so writers must look at the entries actually
   * stored instead of deriving them from the old item.
   */
  public IndexDefinition withBackfill(boolean inProgress) {
    return new IndexDefinition(Kind.GLOBAL, global, null, keySchema, tableKey, keyspaceId, statusUntil, inProgress, true);
  }

  /** The stored status: a local index is always ACTIVE. */
  public IndexStatus status() {
    return kind == Kind.GLOBAL && global.indexStatus() != null ? global.indexStatus() : IndexStatus.ACTIVE;
  }

  /** The status at {@code now}: a transient status (CREATING, UPDATING) ends at its end time. */
  public IndexStatus status(Instant now) {
    IndexStatus s = status();
    if (s != IndexStatus.ACTIVE && (statusUntil == null || !now.isBefore(statusUntil))) {
      return IndexStatus.ACTIVE;
    }
    return s;
  }

  /** When a transient status ends, or null. */
  public Instant statusUntil() {
    return statusUntil;
  }

  /**
   * Whether existing items are still being copied into this (new) index; writers then read the
   * stored entry rather than trusting that the old item's entry is there.
   */
  public boolean backfillInProgress() {
    return backfillInProgress;
  }

  /** Whether this index was added by UpdateTable (DescribeTable then shows Backfilling while it is CREATING). */
  public boolean createdByUpdate() {
    return createdByUpdate;
  }

  /** The index's key. */
  public KeySchema keySchema() {
    return keySchema;
  }

  /** The base table's key. */
  public KeySchema tableKey() {
    return tableKey;
  }

  /** The id of the keyspace holding this index's entries. */
  public String keyspaceId() {
    return keyspaceId;
  }

  /** ALL, KEYS_ONLY or INCLUDE. */
  public ProjectionType projectionType() {
    return projectionType;
  }

  /** The names an entry holds besides ALL: table keys, index keys and included non-key attributes. */
  public Set<String> projectedNames() {
    return included;
  }

  /** Whether {@code name} is stored in this index's entries. */
  public boolean projects(String name) {
    return projectionType == ProjectionType.ALL || included.contains(name);
  }

  /** The entry this index keeps for {@code item}: the item projected. */
  public Item project(Item item) {
    if (projectionType == ProjectionType.ALL) {
      return item;
    }
    Item.Builder b = Item.builder(Math.min(item.size(), included.size()));
    for (int i = 0, n = item.size(); i < n; i++) {
      if (included.contains(item.nameAt(i))) {
        b.put(item.nameAt(i), item.valueAt(i));
      }
    }
    return b.build();
  }

  /**
   * The storage key of {@code item}'s entry in this index, or null if the item lacks an index key
   * attribute or has one of another type than the index defines (a sparse index skips it, as
   * DynamoDB skips items that violate a new index's key types when it backfills).
   */
  public byte[] entryKey(Item item) {
    for (KeyAttribute a : keySchema.partition()) {
      AttributeValue v = item.get(a.name());
      if (v == null || !a.accepts(v)) {
        return null;
      }
    }
    for (KeyAttribute a : keySchema.sort()) {
      AttributeValue v = item.get(a.name());
      if (v == null || !a.accepts(v)) {
        return null;
      }
    }
    byte[] suffix = tableKey.components(item);
    return suffix == null ? null : keySchema.storageKey(item, suffix);
  }

  /** The index's key attribute names, in key-schema order, for describing it. */
  public List<KeyAttribute> keyAttributes() {
    return keySchema.attributes();
  }
}
