package io.dynamo4j.engine.op;

import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.BillingModeSummary;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.CreateTableResponse;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.GlobalSecondaryIndexWarmThroughputDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.TableClassSummary;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.TableWarmThroughputDescription;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * DynamoDB's CreateTable: validates the definition ({@link CreateTableValidator}), then registers
 * the table, ACTIVE at once or CREATING for {@link io.dynamo4j.engine.EngineConfig#statusDelay()}.
 *
 * <p>Thread-safe: the catalog admits one table per name.
 */
final class CreateTableOperation {

  private final EngineContext context;

  CreateTableOperation(EngineContext context) {
    this.context = context;
  }

  CreateTableResponse execute(CreateTableRequest request) {
    RequestConstraints.check(request);
    CreateTableValidator.validate(request);
    Instant now = context.now();
    String id = UUID.randomUUID().toString();
    String name = request.tableName();
    String arn = context.tableArn(name);
    Map<String, ScalarAttributeType> types = TableDescriptions.types(request.attributeDefinitions());
    KeySchema primaryKey = TableDescriptions.keySchema(request.keySchema(), types);
    boolean payPerRequest = request.billingMode() == BillingMode.PAY_PER_REQUEST;
    Duration delay = context.config().statusDelay();
    Instant until = delay.isZero() ? null : now.plus(delay);

    List<IndexDefinition> indexes = new ArrayList<>();
    if (request.globalSecondaryIndexes() != null) {
      for (GlobalSecondaryIndex g : request.globalSecondaryIndexes()) {
        GlobalSecondaryIndexDescription d = GlobalSecondaryIndexDescription.builder()
            .indexName(g.indexName())
            .keySchema(g.keySchema())
            .projection(g.projection())
            .indexStatus(IndexStatus.ACTIVE)
            .provisionedThroughput(TableDescriptions.throughput(payPerRequest ? null : g.provisionedThroughput()))
            .indexArn(arn + "/index/" + g.indexName())
            .onDemandThroughput(payPerRequest ? g.onDemandThroughput() : null)
            .warmThroughput(g.warmThroughput() == null ? null : new GlobalSecondaryIndexWarmThroughputDescription(
                g.warmThroughput().readUnitsPerSecond(), g.warmThroughput().writeUnitsPerSecond(), IndexStatus.ACTIVE))
            .build();
        IndexDefinition index = IndexDefinition.global(d, TableDescriptions.keySchema(g.keySchema(), types), primaryKey,
            id + "/" + g.indexName());
        indexes.add(until == null ? index : index.withStatus(IndexStatus.CREATING, until));
      }
    }
    if (request.localSecondaryIndexes() != null) {
      for (LocalSecondaryIndex l : request.localSecondaryIndexes()) {
        LocalSecondaryIndexDescription d = LocalSecondaryIndexDescription.builder()
            .indexName(l.indexName())
            .keySchema(l.keySchema())
            .projection(l.projection())
            .indexArn(arn + "/index/" + l.indexName())
            .build();
        indexes.add(IndexDefinition.local(d, TableDescriptions.keySchema(l.keySchema(), types), primaryKey, id + "/" + l.indexName()));
      }
    }

    StreamSpecification stream = request.streamSpecification();
    boolean streamOn = stream != null && stream.streamEnabled();
    String label = streamOn ? context.streams().newLabel(arn, now) : null;
    BillingModeSummary billing = payPerRequest
        ? new BillingModeSummary(BillingMode.PAY_PER_REQUEST, now)
        : request.billingMode() == null ? null : new BillingModeSummary(BillingMode.PROVISIONED, null);
    TableDescription description = TableDescription.builder()
        .attributeDefinitions(request.attributeDefinitions())
        .tableName(name)
        .keySchema(request.keySchema())
        .tableStatus(until == null ? TableStatus.ACTIVE : TableStatus.CREATING)
        .creationDateTime(now)
        .provisionedThroughput(TableDescriptions.throughput(payPerRequest ? null : request.provisionedThroughput()))
        .tableArn(arn)
        .tableId(id)
        .billingModeSummary(billing)
        .streamSpecification(streamOn ? stream : null)
        .latestStreamLabel(label)
        .latestStreamArn(streamOn ? TableDescriptions.streamArn(arn, label) : null)
        .sseDescription(TableDescriptions.sse(request.sseSpecification(), context.config().region(), context.config().accountId()))
        .tableClassSummary(request.tableClass() == null ? null : new TableClassSummary(request.tableClass(), null))
        .deletionProtectionEnabled(Boolean.TRUE.equals(request.deletionProtectionEnabled()))
        .onDemandThroughput(payPerRequest ? request.onDemandThroughput() : null)
        .warmThroughput(request.warmThroughput() == null ? null : new TableWarmThroughputDescription(
            request.warmThroughput().readUnitsPerSecond(), request.warmThroughput().writeUnitsPerSecond(), TableStatus.ACTIVE))
        .build();
    TableDefinition definition = new TableDefinition(
        description, primaryKey, indexes, request.tags() == null ? List.of() : request.tags(), null, until);
    Table table = new Table(context.storage(), definition);
    // the partitions its throughput needs, before anyone can see the table (stream shards follow them)
    TableCapacity.ensurePartitions(table, now, context.partitionSizer(table));
    TableLookup.live(context, context.catalog().get(name)); // forgets a deleted table whose time is over
    if (streamOn) {
      context.streams().enable(table, stream.streamViewType(), label, now); // before any write can reach the table
    }
    if (!context.catalog().add(table)) {
      context.streams().discard(table);
      table.drop();
      throw Errors.tableExists(name);
    }
    return new CreateTableResponse(table.describe(now));
  }
}
