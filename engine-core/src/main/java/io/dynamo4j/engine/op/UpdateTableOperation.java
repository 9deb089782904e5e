package io.dynamo4j.engine.op;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.BillingModeSummary;
import io.dynamo4j.api.CreateGlobalSecondaryIndexAction;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.GlobalSecondaryIndexUpdate;
import io.dynamo4j.api.GlobalSecondaryIndexWarmThroughputDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.OnDemandThroughput;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.TableClassSummary;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.TableWarmThroughputDescription;
import io.dynamo4j.api.UpdateGlobalSecondaryIndexAction;
import io.dynamo4j.api.UpdateTableRequest;
import io.dynamo4j.api.UpdateTableResponse;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * DynamoDB's UpdateTable: throughput of the table and its global indexes (decreases within DynamoDB's
 * daily limit, see {@link ThroughputDecreases}), billing mode switches,
 * stream specification, encryption, table class, deletion protection, on-demand and warm
 * throughput, and adding or deleting one global index.
 *
 * <p>Checks run in DynamoDB's order: the request alone ({@link UpdateTableValidator}), then the
 * table's existence and state, then each change against the current definition. Nothing changes
 * unless every check passes.
 *
 * <p>A new index is installed first (CREATING) and then backfilled from the existing items
 * ({@link IndexBackfill}) before UpdateTable returns; DescribeTable shows it CREATING with
 * Backfilling until {@link io.dynamo4j.engine.EngineConfig#statusDelay()} has passed. A deleted
 * index stops being used and maintained at once and its entries are dropped; DescribeTable shows
 * it DELETING for the status delay.
 *
 * <p>Thread-safe: control-plane changes of one table are serialised on the table; data-plane
 * requests go on during an update.
 */
final class UpdateTableOperation {

  private final EngineContext context;

  UpdateTableOperation(EngineContext context) {
    this.context = context;
  }

  UpdateTableResponse execute(UpdateTableRequest r) {
    RequestConstraints.check(r);
    UpdateTableValidator.validate(r);
    Table table = TableLookup.find(context, r.tableName());
    synchronized (table) {
      Instant now = context.now();
      if (table.isGone(now) || context.catalog().get(table.definition().name()) != table) {
        throw Errors.tableNotFound(r.tableName());
      }
      TableDefinition current = table.definition();
      String name = current.name();
      TableStatus status = table.status(now);
      if (status != TableStatus.ACTIVE) {
        throw Errors.tableInUse(name, status);
      }
      for (IndexDefinition i : current.indexes()) {
        if (i.status(now) != IndexStatus.ACTIVE) {
          throw Errors.tableInUse(name, TableStatus.UPDATING);
        }
      }
      for (TableDefinition.DeletingIndex g : current.deletingIndexes()) {
        if (now.isBefore(g.until())) {
          throw Errors.tableInUse(name, TableStatus.UPDATING);
        }
      }
      Change change = plan(r, current, now);
      return apply(table, change, now);
    }
  }

  /** Everything an UpdateTable will do, decided and checked before anything changes. */
  private record Change(
      TableDescription description,
      List<IndexDefinition> indexes,
      IndexDefinition created,
      IndexDefinition deleted,
      Instant until) {}

  private Change plan(UpdateTableRequest r, TableDefinition current, Instant now) {
    TableDescription d = current.description();
    boolean wasPayPerRequest = d.billingModeSummary() != null && d.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
    boolean payPerRequest = r.billingMode() == null ? wasPayPerRequest : r.billingMode() == BillingMode.PAY_PER_REQUEST;
    boolean toProvisioned = wasPayPerRequest && !payPerRequest;
    ProvisionedThroughput pt = r.provisionedThroughput();
    if (toProvisioned && pt == null) {
      throw Errors.throughputRequired();
    }
    if (payPerRequest && pt != null) {
      throw Errors.throughputForbidden();
    }
    ProvisionedThroughputDescription currentPt = d.provisionedThroughput();
    if (pt != null && !toProvisioned && pt.readCapacityUnits().equals(currentPt.readCapacityUnits())
        && pt.writeCapacityUnits().equals(currentPt.writeCapacityUnits())) {
      throw Errors.throughputUnchanged(currentPt.readCapacityUnits(), pt.readCapacityUnits(),
          currentPt.writeCapacityUnits(), pt.writeCapacityUnits());
    }
    if (pt != null && !toProvisioned) {
      ThroughputDecreases.check(currentPt, pt, now);
    }
    if (!payPerRequest && r.onDemandThroughput() != null) {
      throw Errors.onDemandThroughputOnProvisioned();
    }

    StreamSpecification stream = r.streamSpecification();
    boolean streamOn = d.streamSpecification() != null && Boolean.TRUE.equals(d.streamSpecification().streamEnabled());
    if (stream != null && stream.streamEnabled() && streamOn) {
      throw Errors.streamAlreadyEnabled();
    }
    if (stream != null && !stream.streamEnabled() && !streamOn) {
      throw Errors.noStreamToDisable();
    }

    // Attribute definitions: the table's, plus new ones for a new index's key.
    Map<String, ScalarAttributeType> types = new LinkedHashMap<>(TableDescriptions.types(d.attributeDefinitions()));
    if (r.attributeDefinitions() != null) {
      for (AttributeDefinition a : r.attributeDefinitions()) {
        ScalarAttributeType old = types.putIfAbsent(a.attributeName(), a.attributeType());
        if (old != null && old != a.attributeType()) {
          throw Errors.attributeTypeChanged(a.attributeName());
        }
      }
    }

    Duration delay = context.config().statusDelay();
    Instant until = delay.isZero() ? null : now.plus(delay);
    Map<String, UpdateGlobalSecondaryIndexAction> updates = new HashMap<>();
    CreateGlobalSecondaryIndexAction create = null;
    String delete = null;
    if (r.globalSecondaryIndexUpdates() != null) {
      for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
        if (u.update() != null) {
          IndexDefinition i = current.index(u.update().indexName());
          if (i == null || !i.isGlobal()) {
            throw Errors.unknownIndexToUpdate();
          }
          ProvisionedThroughput ipt = u.update().provisionedThroughput();
          if (ipt != null && payPerRequest) {
            throw Errors.indexThroughputForbidden(i.name());
          }
          if (!payPerRequest && u.update().onDemandThroughput() != null) {
            throw Errors.onDemandThroughputOnProvisioned();
          }
          ProvisionedThroughputDescription icur = i.globalDescription().provisionedThroughput();
          if (ipt != null && !toProvisioned && ipt.readCapacityUnits().equals(icur.readCapacityUnits())
              && ipt.writeCapacityUnits().equals(icur.writeCapacityUnits())) {
            throw Errors.indexThroughputUnchanged(i.name(), icur.readCapacityUnits(), ipt.readCapacityUnits(),
                icur.writeCapacityUnits(), ipt.writeCapacityUnits());
          }
          CreateTableValidator.checkThroughput(ipt);
          if (!toProvisioned) {
            ThroughputDecreases.check(icur, ipt, now);
          }
          updates.put(i.name(), u.update());
        } else if (u.delete() != null) {
          IndexDefinition i = current.index(u.delete().indexName());
          if (i == null || !i.isGlobal()) {
            throw Errors.unknownIndexToDelete();
          }
          delete = i.name();
        } else {
          create = u.create();
        }
      }
    }
    if (toProvisioned) {
      for (IndexDefinition i : current.globalIndexes()) {
        UpdateGlobalSecondaryIndexAction u = updates.get(i.name());
        if (!i.name().equals(delete) && (u == null || u.provisionedThroughput() == null)) {
          throw Errors.indexThroughputRequired(i.name());
        }
      }
    }

    IndexDefinition created = null;
    if (create != null) {
      if (current.index(create.indexName()) != null) {
        throw Errors.indexExists(create.indexName());
      }
      if (current.globalIndexes().size() >= CreateTableValidator.MAX_GLOBAL_INDEXES) {
        throw Errors.tooManyGlobalIndexes();
      }
      CreateTableValidator.checkGlobalIndex(create.indexName(), create.keySchema(), create.projection(),
          create.provisionedThroughput(), create.onDemandThroughput(), payPerRequest, types.keySet());
      int projected = CreateTableValidator.projectedCount(create.projection());
      for (IndexDefinition i : current.indexes()) {
        projected += CreateTableValidator.projectedCount(
            i.isGlobal() ? i.globalDescription().projection() : i.localDescription().projection());
      }
      if (projected > CreateTableValidator.MAX_PROJECTED_ATTRIBUTES) {
        throw Errors.tooManyProjectedAttributes(projected);
      }
      GlobalSecondaryIndexDescription desc = GlobalSecondaryIndexDescription.builder()
          .indexName(create.indexName())
          .keySchema(create.keySchema())
          .projection(create.projection())
          .indexStatus(IndexStatus.CREATING)
          .provisionedThroughput(TableDescriptions.throughput(payPerRequest ? null : create.provisionedThroughput()))
          .indexArn(d.tableArn() + "/index/" + create.indexName())
          .onDemandThroughput(payPerRequest ? create.onDemandThroughput() : null)
          .warmThroughput(create.warmThroughput() == null ? null : new GlobalSecondaryIndexWarmThroughputDescription(
              create.warmThroughput().readUnitsPerSecond(), create.warmThroughput().writeUnitsPerSecond(), IndexStatus.ACTIVE))
          .build();
      // A fresh keyspace id: entries of an earlier index of the same name may still be dropping.
      created = IndexDefinition.global(desc, TableDescriptions.keySchema(create.keySchema(), types), current.primaryKey(),
          current.id() + "/" + create.indexName() + "/" + UUID.randomUUID()).withBackfill(true);
    }

    // The new description.
    TableDescription.Builder b = d.toBuilder();
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (Map.Entry<String, ScalarAttributeType> e : types.entrySet()) {
      definitions.add(new AttributeDefinition(e.getKey(), e.getValue()));
    }
    b.attributeDefinitions(definitions);
    if (payPerRequest && !wasPayPerRequest) {
      b.billingModeSummary(new BillingModeSummary(BillingMode.PAY_PER_REQUEST, now));
      b.provisionedThroughput(currentPt.toBuilder().readCapacityUnits(0L).writeCapacityUnits(0L).build());
    } else if (toProvisioned) {
      b.billingModeSummary(new BillingModeSummary(BillingMode.PROVISIONED, d.billingModeSummary().lastUpdateToPayPerRequestDateTime()));
      b.provisionedThroughput(TableDescriptions.changed(currentPt, pt, now));
    } else if (r.billingMode() == BillingMode.PROVISIONED && d.billingModeSummary() == null) {
      b.billingModeSummary(new BillingModeSummary(BillingMode.PROVISIONED, null));
    }
    if (pt != null && !toProvisioned) {
      b.provisionedThroughput(TableDescriptions.changed(currentPt, pt, now));
    }
    if (stream != null) {
      if (stream.streamEnabled()) {
        String label = context.streams().newLabel(d.tableArn(), now);
        b.streamSpecification(stream).latestStreamLabel(label).latestStreamArn(TableDescriptions.streamArn(d.tableArn(), label));
      } else {
        b.streamSpecification((StreamSpecification) null);
      }
    }
    if (r.sseSpecification() != null) {
      b.sseDescription(TableDescriptions.sse(r.sseSpecification(), context.config().region(), context.config().accountId()));
    }
    if (r.tableClass() != null) {
      b.tableClassSummary(new TableClassSummary(r.tableClass(), now));
    }
    if (r.deletionProtectionEnabled() != null) {
      b.deletionProtectionEnabled(r.deletionProtectionEnabled());
    }
    if (payPerRequest && r.onDemandThroughput() != null) {
      b.onDemandThroughput(r.onDemandThroughput());
    } else if (!payPerRequest) {
      b.onDemandThroughput((OnDemandThroughput) null);
    }
    if (r.warmThroughput() != null) {
      b.warmThroughput(new TableWarmThroughputDescription(
          r.warmThroughput().readUnitsPerSecond(), r.warmThroughput().writeUnitsPerSecond(), TableStatus.ACTIVE));
    }
    boolean tableChanges = pt != null || r.billingMode() != null || stream != null || r.sseSpecification() != null
        || r.tableClass() != null || r.onDemandThroughput() != null || r.warmThroughput() != null;
    b.tableStatus(until != null && tableChanges ? TableStatus.UPDATING : TableStatus.ACTIVE);

    // The new index list.
    List<IndexDefinition> indexes = new ArrayList<>();
    IndexDefinition deleted = null;
    for (IndexDefinition i : current.indexes()) {
      if (i.name().equals(delete)) {
        deleted = i;
        continue;
      }
      if (i.isGlobal()) {
        GlobalSecondaryIndexDescription g = i.globalDescription();
        GlobalSecondaryIndexDescription.Builder gb = g.toBuilder();
        UpdateGlobalSecondaryIndexAction u = updates.get(i.name());
        boolean changed = false;
        if (payPerRequest && !wasPayPerRequest) {
          gb.provisionedThroughput(g.provisionedThroughput().toBuilder().readCapacityUnits(0L).writeCapacityUnits(0L).build());
          changed = true;
        } else if (!payPerRequest) {
          gb.onDemandThroughput((OnDemandThroughput) null);
        }
        if (u != null && u.provisionedThroughput() != null) {
          gb.provisionedThroughput(TableDescriptions.changed(g.provisionedThroughput(), u.provisionedThroughput(), now));
          changed = true;
        }
        if (u != null && u.onDemandThroughput() != null) {
          gb.onDemandThroughput(u.onDemandThroughput());
          changed = true;
        }
        if (u != null && u.warmThroughput() != null) {
          gb.warmThroughput(new GlobalSecondaryIndexWarmThroughputDescription(
              u.warmThroughput().readUnitsPerSecond(), u.warmThroughput().writeUnitsPerSecond(), IndexStatus.ACTIVE));
          changed = true;
        }
        IndexDefinition next = i.withGlobalDescription(gb.build());
        if (changed && until != null) {
          next = next.withStatus(IndexStatus.UPDATING, until);
        }
        indexes.add(next);
      } else {
        indexes.add(i);
      }
    }
    if (created != null) {
      int lastGlobal = -1;
      for (int k = 0; k < indexes.size(); k++) {
        if (indexes.get(k).isGlobal()) {
          lastGlobal = k;
        }
      }
      created = created.withStatus(IndexStatus.CREATING, until);
      indexes.add(lastGlobal + 1, created);
    }
    return new Change(b.build(), indexes, created, deleted, until);
  }

  /** Opens or closes the table's stream when the specification changed. */
  private void streamChange(Table table, TableDescription before, TableDescription after, Instant now) {
    boolean was = before.streamSpecification() != null && Boolean.TRUE.equals(before.streamSpecification().streamEnabled());
    boolean is = after.streamSpecification() != null && Boolean.TRUE.equals(after.streamSpecification().streamEnabled());
    if (was && !is) {
      context.streams().disable(table, now);
    } else if (is && !was) {
      context.streams().enable(table, after.streamSpecification().streamViewType(), after.latestStreamLabel(), now);
    }
  }

  private UpdateTableResponse apply(Table table, Change change, Instant now) {
    TableDefinition current = table.definition();
    List<TableDefinition.DeletingIndex> deleting = new ArrayList<>();
    GlobalSecondaryIndexDescription deletedDescription = null;
    if (change.deleted() != null) {
      Table.Counters c = table.counters(change.deleted());
      deletedDescription = change.deleted().globalDescription().toBuilder()
          .indexStatus(IndexStatus.DELETING)
          .itemCount(c == null ? 0L : c.items())
          .indexSizeBytes(c == null ? 0L : c.bytes())
          .build();
      if (change.until() != null) {
        deleting.add(new TableDefinition.DeletingIndex(deletedDescription, change.until()));
      }
    }
    TableDefinition next = current.withIndexes(change.description(), change.indexes())
        .withDeletingIndexes(deleting)
        .withStatus(change.description().tableStatus(), change.until());
    streamChange(table, current.description(), change.description(), now);
    table.define(next);
    TableCapacity.ensurePartitions(table, now, context.partitionSizer(table)); // more throughput may need more partitions
    if (change.deleted() != null) {
      table.forgetIndex(change.deleted());
    }
    if (change.created() != null) {
      IndexBackfill.run(context, table, change.created());
      TableDefinition filled = table.definition();
      List<IndexDefinition> indexes = new ArrayList<>();
      for (IndexDefinition i : filled.indexes()) {
        indexes.add(i.keyspaceId().equals(change.created().keyspaceId()) ? i.withBackfill(false) : i);
      }
      table.define(filled.withIndexes(filled.description(), indexes));
    }

    // The response shows the transition UpdateTable started, as DynamoDB's does.
    TableDescription described = table.describe(now);
    List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
    if (described.globalSecondaryIndexes() != null) {
      for (GlobalSecondaryIndexDescription g : described.globalSecondaryIndexes()) {
        boolean isNew = change.created() != null && g.indexName().equals(change.created().name());
        gsis.add(isNew ? g.toBuilder().indexStatus(IndexStatus.CREATING).backfilling(false).build() : g);
      }
    }
    if (deletedDescription != null && change.until() == null) {
      gsis.add(deletedDescription);
    }
    return new UpdateTableResponse(described.toBuilder().globalSecondaryIndexes(gsis.isEmpty() ? null : gsis).build());
  }
}
