package io.dynamo4j.engine.op;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.BillingModeSummary;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.OnDemandThroughput;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import io.dynamo4j.api.RestoreSummary;
import io.dynamo4j.api.SSESpecification;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.backup.TableSnapshot;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Creates the table of a restore (RestoreTableFromBackup, RestoreTableToPointInTime) from a
 * {@link TableSnapshot} and the overrides DynamoDB allows: billing mode, provisioned and on-demand
 * throughput, the global and local indexes to keep (each must match an index of the source by key
 * schema and projection; a name may change; an empty list keeps none), encryption.
 *
 * <p>What a restore keeps and drops is DynamoDB's: it keeps the key, the indexes, billing mode,
 * throughput and on-demand maxima as recorded, and encryption; it drops the stream, TTL,
 * point-in-time recovery, tags, deletion protection and table class. DescribeTable shows a
 * RestoreSummary while the new table is CREATING (for the engine's status delay; the items are in
 * place before the table can be read).
 *
 * <p>Stateless and thread-safe.
 */
final class TableRestorer {

  /** The overrides of a restore request; any may be null. */
  record Overrides(
      BillingMode billingMode,
      List<GlobalSecondaryIndex> globalIndexes,
      List<LocalSecondaryIndex> localIndexes,
      ProvisionedThroughput throughput,
      OnDemandThroughput onDemandThroughput,
      SSESpecification sse) {}

  /** A checked plan: what the new table will be. */
  record Plan(TableDefinition source, BillingMode billing, ProvisionedThroughput throughput,
      List<IndexDefinition> globalSources, List<String> globalNames, List<ProvisionedThroughput> globalThroughputs,
      List<IndexDefinition> localSources, List<String> localNames, Overrides overrides) {}

  private TableRestorer() {}

  /** Checks {@code o} against the source table's {@code definition}, with DynamoDB's messages. */
  static Plan plan(TableDefinition definition, Overrides o) {
    TableDescription source = definition.description();
    BillingMode sourceBilling = source.billingModeSummary() == null ? BillingMode.PROVISIONED
        : source.billingModeSummary().billingMode();
    BillingMode billing = o.billingMode() != null ? o.billingMode() : sourceBilling;
    boolean payPerRequest = billing == BillingMode.PAY_PER_REQUEST;
    if (payPerRequest && o.throughput() != null) {
      throw Errors.restoreThroughputNotProvisioned();
    }
    if (!payPerRequest && o.throughput() == null && sourceBilling == BillingMode.PAY_PER_REQUEST) {
      throw Errors.restoreThroughputRequired();
    }
    if (!payPerRequest && o.onDemandThroughput() != null) {
      throw Errors.restoreOnDemandNotPayPerRequest();
    }
    CreateTableValidator.checkThroughput(o.throughput());
    ProvisionedThroughput throughput = payPerRequest ? null
        : o.throughput() != null ? o.throughput() : units(source.provisionedThroughput());

    List<IndexDefinition> globals = definition.globalIndexes();
    List<IndexDefinition> globalSources = new ArrayList<>();
    List<String> globalNames = new ArrayList<>();
    List<ProvisionedThroughput> globalThroughputs = new ArrayList<>();
    if (o.globalIndexes() == null) {
      for (IndexDefinition g : globals) {
        globalSources.add(g);
        globalNames.add(g.name());
        globalThroughputs.add(payPerRequest ? null : indexUnits(g, throughput));
      }
    } else {
      for (GlobalSecondaryIndex g : o.globalIndexes()) {
        IndexDefinition match = match(globals, g.keySchema(), g.projection());
        if (match == null) {
          throw Errors.restoreNewIndex(g.indexName());
        }
        if (payPerRequest && g.provisionedThroughput() != null) {
          throw Errors.indexThroughputForbidden(g.indexName());
        }
        CreateTableValidator.checkThroughput(g.provisionedThroughput());
        globalSources.add(match);
        globalNames.add(g.indexName());
        globalThroughputs.add(payPerRequest ? null
            : g.provisionedThroughput() != null ? g.provisionedThroughput() : indexUnits(match, throughput));
      }
    }
    List<IndexDefinition> locals = definition.localIndexes();
    List<IndexDefinition> localSources = new ArrayList<>();
    List<String> localNames = new ArrayList<>();
    if (o.localIndexes() == null) {
      for (IndexDefinition l : locals) {
        localSources.add(l);
        localNames.add(l.name());
      }
    } else {
      for (LocalSecondaryIndex l : o.localIndexes()) {
        IndexDefinition match = match(locals, l.keySchema(), l.projection());
        if (match == null) {
          throw Errors.restoreNewIndex(l.indexName());
        }
        localSources.add(match);
        localNames.add(l.indexName());
      }
    }
    return new Plan(definition, billing, throughput, globalSources, globalNames, globalThroughputs, localSources, localNames, o);
  }

  private static IndexDefinition match(List<IndexDefinition> indexes, List<KeySchemaElement> key, Projection projection) {
    for (IndexDefinition i : indexes) {
      List<KeySchemaElement> k = i.isGlobal() ? i.globalDescription().keySchema() : i.localDescription().keySchema();
      Projection p = i.isGlobal() ? i.globalDescription().projection() : i.localDescription().projection();
      if (k.equals(key) && Objects.equals(p.projectionType(), projection.projectionType())
          && Objects.equals(set(p.nonKeyAttributes()), set(projection.nonKeyAttributes()))) {
        return i;
      }
    }
    return null;
  }

  private static Set<String> set(List<String> names) {
    return names == null ? Set.of() : new HashSet<>(names);
  }

  private static ProvisionedThroughput units(ProvisionedThroughputDescription p) {
    long read = p == null || p.readCapacityUnits() == null ? 0 : p.readCapacityUnits();
    long write = p == null || p.writeCapacityUnits() == null ? 0 : p.writeCapacityUnits();
    return new ProvisionedThroughput(Math.max(1, read), Math.max(1, write));
  }

  private static ProvisionedThroughput indexUnits(IndexDefinition g, ProvisionedThroughput table) {
    ProvisionedThroughputDescription p = g.globalDescription().provisionedThroughput();
    if (p == null || p.readCapacityUnits() == null || p.readCapacityUnits() == 0) {
      return table;
    }
    return units(p);
  }

  /**
   * Creates table {@code name} from {@code plan} and {@code data}'s items: the definition, then the items (indexes
   * maintained), then the table in the catalog. Throws TableAlreadyExistsException if the name is
   * taken meanwhile.
   */
  static Table restore(EngineContext context, Plan plan, TableSnapshot data, String name, RestoreSummary summary, Instant now) {
    TableDefinition source = plan.source();
    TableDescription s = source.description();
    String id = UUID.randomUUID().toString();
    String arn = context.tableArn(name);
    Duration delay = context.config().statusDelay();
    Instant until = delay.isZero() ? null : now.plus(delay);
    boolean payPerRequest = plan.billing() == BillingMode.PAY_PER_REQUEST;
    KeySchema primaryKey = source.primaryKey();

    List<IndexDefinition> indexes = new ArrayList<>();
    Set<String> used = new HashSet<>(CreateTableValidator.names(s.keySchema()));
    for (int k = 0; k < plan.globalSources().size(); k++) {
      IndexDefinition from = plan.globalSources().get(k);
      String indexName = plan.globalNames().get(k);
      GlobalSecondaryIndexDescription g = from.globalDescription();
      GlobalSecondaryIndexDescription d = GlobalSecondaryIndexDescription.builder()
          .indexName(indexName)
          .keySchema(g.keySchema())
          .projection(g.projection())
          .indexStatus(IndexStatus.ACTIVE)
          .provisionedThroughput(TableDescriptions.throughput(plan.globalThroughputs().get(k)))
          .indexArn(arn + "/index/" + indexName)
          .onDemandThroughput(payPerRequest ? g.onDemandThroughput() : null)
          .build();
      IndexDefinition index = IndexDefinition.global(d, from.keySchema(), primaryKey, id + "/" + indexName);
      indexes.add(until == null ? index : index.withStatus(IndexStatus.CREATING, until));
      used.addAll(CreateTableValidator.names(g.keySchema()));
    }
    for (int k = 0; k < plan.localSources().size(); k++) {
      IndexDefinition from = plan.localSources().get(k);
      String indexName = plan.localNames().get(k);
      LocalSecondaryIndexDescription l = from.localDescription();
      LocalSecondaryIndexDescription d = LocalSecondaryIndexDescription.builder()
          .indexName(indexName)
          .keySchema(l.keySchema())
          .projection(l.projection())
          .indexArn(arn + "/index/" + indexName)
          .build();
      indexes.add(IndexDefinition.local(d, from.keySchema(), primaryKey, id + "/" + indexName));
      used.addAll(CreateTableValidator.names(l.keySchema()));
    }
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (AttributeDefinition a : s.attributeDefinitions()) {
      if (used.contains(a.attributeName())) {
        definitions.add(a);
      }
    }
    Overrides o = plan.overrides();
    BillingModeSummary billing = payPerRequest ? new BillingModeSummary(BillingMode.PAY_PER_REQUEST, now)
        : s.billingModeSummary() == null && o.billingMode() == null ? null : new BillingModeSummary(BillingMode.PROVISIONED, null);
    TableDescription description = TableDescription.builder()
        .attributeDefinitions(definitions)
        .tableName(name)
        .keySchema(s.keySchema())
        .tableStatus(until == null ? TableStatus.ACTIVE : TableStatus.CREATING)
        .creationDateTime(now)
        .provisionedThroughput(TableDescriptions.throughput(plan.throughput()))
        .tableArn(arn)
        .tableId(id)
        .billingModeSummary(billing)
        .restoreSummary(summary.toBuilder().restoreInProgress(true).build())
        .sseDescription(o.sse() != null
            ? TableDescriptions.sse(o.sse(), context.config().region(), context.config().accountId())
            : s.sseDescription())
        .deletionProtectionEnabled(false)
        .onDemandThroughput(payPerRequest ? (o.onDemandThroughput() != null ? o.onDemandThroughput() : s.onDemandThroughput()) : null)
        .build();
    TableDefinition definition = new TableDefinition(description, primaryKey, indexes, List.of(), null, until);
    Table table = new Table(context.storage(), definition);
    for (Item item : data.items()) {
      byte[] key = primaryKey.storageKey(item, null);
      context.writer().write(table, definition, key, current -> item);
    }
    TableLookup.live(context, context.catalog().get(name)); // forgets a deleted table whose time is over
    if (!context.catalog().add(table)) {
      table.drop();
      throw Errors.tableAlreadyExists(name);
    }
    return table;
  }

  /** The description a restore response shows: the new table, RestoreInProgress while it is CREATING. */
  static TableDescription described(EngineContext context, Table table) {
    TableDescription d = table.describe(context.now());
    RestoreSummary summary = d.restoreSummary();
    return summary == null ? d
        : d.toBuilder().restoreSummary(summary.toBuilder().restoreInProgress(d.tableStatus() == TableStatus.CREATING).build()).build();
  }

  /**
   * Throws TableAlreadyExistsException if a live table is named {@code name} (TableInUseException
   * if that table is itself being restored, as DynamoDB answers).
   */
  static void checkTarget(EngineContext context, String name) {
    Table existing = TableLookup.live(context, context.catalog().get(name));
    if (existing == null) {
      return;
    }
    RestoreSummary restore = existing.definition().description().restoreSummary();
    if (restore != null && existing.status(context.now()) == TableStatus.CREATING) {
      throw Errors.tableBeingRestored(name, restore.sourceBackupArn() != null ? restore.sourceBackupArn() : restore.sourceTableArn());
    }
    throw Errors.tableAlreadyExists(name);
  }
}
