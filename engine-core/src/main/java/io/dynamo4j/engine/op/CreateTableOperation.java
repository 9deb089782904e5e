package io.dynamo4j.engine.op;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.BillingModeSummary;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.CreateTableResponse;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeyType;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * DynamoDB's CreateTable: validates the definition, then registers the table (ACTIVE at once, or
 * CREATING for the configured status delay).
 *
 * <p>Thread-safe.
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
    Map<String, ScalarAttributeType> types = new HashMap<>();
    for (AttributeDefinition d : request.attributeDefinitions()) {
      types.put(d.attributeName(), d.attributeType());
    }
    KeySchema primaryKey = keySchema(request.keySchema(), types);
    boolean provisioned = request.billingMode() != BillingMode.PAY_PER_REQUEST;
    Duration delay = context.config().statusDelay();
    boolean transientStatus = !delay.isZero();
    String arn = context.tableArn(name);

    List<IndexDefinition> indexes = new ArrayList<>();
    List<GlobalSecondaryIndexDescription> gsiDescriptions = new ArrayList<>();
    List<LocalSecondaryIndexDescription> lsiDescriptions = new ArrayList<>();
    if (request.globalSecondaryIndexes() != null) {
      for (GlobalSecondaryIndex g : request.globalSecondaryIndexes()) {
        GlobalSecondaryIndexDescription d = GlobalSecondaryIndexDescription.builder()
            .indexName(g.indexName())
            .keySchema(g.keySchema())
            .projection(g.projection())
            .indexStatus(transientStatus ? IndexStatus.CREATING : IndexStatus.ACTIVE)
            .provisionedThroughput(throughput(provisioned ? g.provisionedThroughput() : null))
            .onDemandThroughput(g.onDemandThroughput())
            .indexArn(arn + "/index/" + g.indexName())
            .build();
        gsiDescriptions.add(d);
        indexes.add(IndexDefinition.global(d, keySchema(g.keySchema(), types), primaryKey, id + "/" + g.indexName()));
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
        lsiDescriptions.add(d);
        indexes.add(IndexDefinition.local(d, keySchema(l.keySchema(), types), primaryKey, id + "/" + l.indexName()));
      }
    }

    TableDescription description = TableDescription.builder()
        .attributeDefinitions(request.attributeDefinitions())
        .tableName(name)
        .keySchema(request.keySchema())
        .tableStatus(transientStatus ? TableStatus.CREATING : TableStatus.ACTIVE)
        .creationDateTime(now)
        .provisionedThroughput(throughput(provisioned ? request.provisionedThroughput() : null))
        .tableArn(arn)
        .tableId(id)
        .billingModeSummary(provisioned ? null : new BillingModeSummary(BillingMode.PAY_PER_REQUEST, now))
        .globalSecondaryIndexes(gsiDescriptions.isEmpty() ? null : gsiDescriptions)
        .localSecondaryIndexes(lsiDescriptions.isEmpty() ? null : lsiDescriptions)
        .streamSpecification(request.streamSpecification() != null && Boolean.TRUE.equals(request.streamSpecification().streamEnabled())
            ? request.streamSpecification() : null)
        .deletionProtectionEnabled(Boolean.TRUE.equals(request.deletionProtectionEnabled()))
        .onDemandThroughput(request.onDemandThroughput())
        .build();
    TableDefinition definition = new TableDefinition(
        description, primaryKey, indexes, request.tags() == null ? List.of() : request.tags(), null,
        transientStatus ? now.plus(delay) : null);
    Table table = new Table(context.storage(), definition);
    if (!context.catalog().add(table)) {
      throw Errors.tableExists(name);
    }
    return new CreateTableResponse(table.describe(now).toBuilder().tableStatus(definition.storedStatus()).build());
  }

  /** The throughput description DescribeTable shows: provisioned units, or zeros for on-demand. */
  static ProvisionedThroughputDescription throughput(ProvisionedThroughput p) {
    return ProvisionedThroughputDescription.builder()
        .numberOfDecreasesToday(0L)
        .readCapacityUnits(p == null ? 0L : p.readCapacityUnits())
        .writeCapacityUnits(p == null ? 0L : p.writeCapacityUnits())
        .build();
  }

  static KeySchema keySchema(List<KeySchemaElement> elements, Map<String, ScalarAttributeType> types) {
    List<KeyAttribute> partition = new ArrayList<>();
    List<KeyAttribute> sort = new ArrayList<>();
    for (KeySchemaElement e : elements) {
      KeyAttribute a = new KeyAttribute(e.attributeName(), types.get(e.attributeName()));
      (e.keyType() == KeyType.HASH ? partition : sort).add(a);
    }
    return new KeySchema(partition, sort);
  }
}
