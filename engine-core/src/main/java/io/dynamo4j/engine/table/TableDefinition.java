package io.dynamo4j.engine.table;

import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.Tag;
import io.dynamo4j.api.TimeToLiveDescription;
import io.dynamo4j.api.TimeToLiveStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's definition: its {@link TableDescription} as DynamoDB returns it (without the live
 * ItemCount, TableSizeBytes and index sizes, which {@link Table} adds), the derived key schemas and
 * index definitions, and what DescribeTable does not show (tags, TTL, when a transient status ends).
 *
 * <p>Immutable and thread-safe; a change makes a new definition (see the {@code with} methods).
 */
public final class TableDefinition {

  private final TableDescription description;
  private final KeySchema primaryKey;
  private final List<IndexDefinition> indexes;
  private final Map<String, IndexDefinition> indexesByName;
  private final List<Tag> tags;
  private final TimeToLiveDescription timeToLive;
  private final Instant statusUntil;
  private final List<DeletingIndex> deletingIndexes;

  /**
   * A global index being deleted: it is gone from {@link #indexes()} (no request uses or maintains
   * it) but DescribeTable shows it as DELETING until {@code until}.
   *
   * @param description the index as it was, with status DELETING
   * @param until when it disappears from DescribeTable
   */
  public record DeletingIndex(GlobalSecondaryIndexDescription description, Instant until) {}

  /** A definition with no index being deleted; see the full constructor. */
  public TableDefinition(
      TableDescription description,
      KeySchema primaryKey,
      List<IndexDefinition> indexes,
      List<Tag> tags,
      TimeToLiveDescription timeToLive,
      Instant statusUntil) {
    this(description, primaryKey, indexes, tags, timeToLive, statusUntil, List.of());
  }

  /**
   * @param description the table as DescribeTable shows it, without live sizes and counts
   * @param primaryKey the table's key
   * @param indexes every secondary index, global ones first, each in creation order
   * @param tags the table's tags
   * @param timeToLive the TTL setting
   * @param statusUntil when a transient status (CREATING, UPDATING, DELETING) ends, or null
   * @param deletingIndexes global indexes being deleted, still shown by DescribeTable
   */
  public TableDefinition(
      TableDescription description,
      KeySchema primaryKey,
      List<IndexDefinition> indexes,
      List<Tag> tags,
      TimeToLiveDescription timeToLive,
      Instant statusUntil,
      List<DeletingIndex> deletingIndexes) {
    this.deletingIndexes = List.copyOf(deletingIndexes);
    this.description = description;
    this.primaryKey = primaryKey;
    this.indexes = List.copyOf(indexes);
    Map<String, IndexDefinition> byName = new LinkedHashMap<>();
    for (IndexDefinition i : indexes) {
      byName.put(i.name(), i);
    }
    this.indexesByName = Collections.unmodifiableMap(byName);
    this.tags = List.copyOf(tags);
    this.timeToLive = timeToLive == null
        ? new TimeToLiveDescription(TimeToLiveStatus.DISABLED, null)
        : timeToLive;
    this.statusUntil = statusUntil;
  }

  /** The table name. */
  public String name() {
    return description.tableName();
  }

  /** The table's unique id (a UUID); also the id of its base keyspace. */
  public String id() {
    return description.tableId();
  }

  /** The table's ARN. */
  public String arn() {
    return description.tableArn();
  }

  /** The stored description (no live counts). */
  public TableDescription description() {
    return description;
  }

  /** The status as stored; see {@link Table#status} for the status at a given time. */
  public TableStatus storedStatus() {
    return description.tableStatus();
  }

  /** The table's key. */
  public KeySchema primaryKey() {
    return primaryKey;
  }

  /** Every secondary index. */
  public List<IndexDefinition> indexes() {
    return indexes;
  }

  /** The index named {@code name}, or null. */
  public IndexDefinition index(String name) {
    return indexesByName.get(name);
  }

  /** The global indexes. */
  public List<IndexDefinition> globalIndexes() {
    List<IndexDefinition> g = new ArrayList<>();
    for (IndexDefinition i : indexes) {
      if (i.isGlobal()) {
        g.add(i);
      }
    }
    return g;
  }

  /** The local indexes. */
  public List<IndexDefinition> localIndexes() {
    List<IndexDefinition> l = new ArrayList<>();
    for (IndexDefinition i : indexes) {
      if (!i.isGlobal()) {
        l.add(i);
      }
    }
    return l;
  }

  /** The table's tags. */
  public List<Tag> tags() {
    return tags;
  }

  /** The TTL setting. */
  public TimeToLiveDescription timeToLive() {
    return timeToLive;
  }

  /** When a transient status ends, or null. */
  public Instant statusUntil() {
    return statusUntil;
  }

  /** Global indexes being deleted (DescribeTable shows them as DELETING until their time). */
  public List<DeletingIndex> deletingIndexes() {
    return deletingIndexes;
  }

  /** A copy with another description. */
  public TableDefinition withDescription(TableDescription d) {
    return new TableDefinition(d, primaryKey, indexes, tags, timeToLive, statusUntil, deletingIndexes);
  }

  /**
   * A copy with other indexes. The description's index lists are ignored: DescribeTable derives
   * them from the index definitions.
   */
  public TableDefinition withIndexes(TableDescription d, List<IndexDefinition> newIndexes) {
    return new TableDefinition(d, primaryKey, newIndexes, tags, timeToLive, statusUntil, deletingIndexes);
  }

  /** A copy with other indexes being deleted. */
  public TableDefinition withDeletingIndexes(List<DeletingIndex> newDeleting) {
    return new TableDefinition(description, primaryKey, indexes, tags, timeToLive, statusUntil, newDeleting);
  }

  /** A copy with other tags. */
  public TableDefinition withTags(List<Tag> newTags) {
    return new TableDefinition(description, primaryKey, indexes, newTags, timeToLive, statusUntil, deletingIndexes);
  }

  /** A copy with another TTL setting. */
  public TableDefinition withTimeToLive(TimeToLiveDescription ttl) {
    return new TableDefinition(description, primaryKey, indexes, tags, ttl, statusUntil, deletingIndexes);
  }

  /** A copy with another status and end of that status. */
  public TableDefinition withStatus(TableStatus status, Instant until) {
    return new TableDefinition(description.toBuilder().tableStatus(status).build(), primaryKey, indexes, tags,
        timeToLive, until, deletingIndexes);
  }
}
