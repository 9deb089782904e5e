package io.dynamo4j.engine.op;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeyType;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import io.dynamo4j.api.SSEDescription;
import io.dynamo4j.api.SSESpecification;
import io.dynamo4j.api.SSEStatus;
import io.dynamo4j.api.SSEType;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of a table description that CreateTable and UpdateTable build alike, in DynamoDB's
 * formats: throughput descriptions, stream ARNs, encryption descriptions, key schemas (stream
 * labels come from {@link io.dynamo4j.engine.stream.Streams#newLabel}).
 *
 * <p>Stateless and thread-safe.
 */
final class TableDescriptions {

  private TableDescriptions() {}

  /** The throughput DescribeTable shows for {@code p}: its units, or zeros for on-demand (null). */
  static ProvisionedThroughputDescription throughput(ProvisionedThroughput p) {
    return ProvisionedThroughputDescription.builder()
        .numberOfDecreasesToday(0L)
        .readCapacityUnits(p == null ? 0L : p.readCapacityUnits())
        .writeCapacityUnits(p == null ? 0L : p.writeCapacityUnits())
        .build();
  }

  /**
   * {@code current} changed to {@code p} at {@code now}: LastIncreaseDateTime when a unit
   * increases, LastDecreaseDateTime and NumberOfDecreasesToday when one decreases.
   */
  static ProvisionedThroughputDescription changed(ProvisionedThroughputDescription current, ProvisionedThroughput p, Instant now) {
    ProvisionedThroughputDescription.Builder b = current.toBuilder()
        .readCapacityUnits(p.readCapacityUnits())
        .writeCapacityUnits(p.writeCapacityUnits());
    long oldRead = current.readCapacityUnits() == null ? 0 : current.readCapacityUnits();
    long oldWrite = current.writeCapacityUnits() == null ? 0 : current.writeCapacityUnits();
    if (p.readCapacityUnits() > oldRead || p.writeCapacityUnits() > oldWrite) {
      b.lastIncreaseDateTime(now);
    }
    if (p.readCapacityUnits() < oldRead || p.writeCapacityUnits() < oldWrite) {
      boolean sameDay = current.lastDecreaseDateTime() != null
          && current.lastDecreaseDateTime().atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
      long before = sameDay && current.numberOfDecreasesToday() != null ? current.numberOfDecreasesToday() : 0;
      b.lastDecreaseDateTime(now).numberOfDecreasesToday(before + 1);
    }
    return b.build();
  }

  /** A stream's ARN: {@code <table ARN>/stream/<label>}. */
  static String streamArn(String tableArn, String label) {
    return tableArn + "/stream/" + label;
  }

  /**
   * What DescribeTable shows for {@code s}: nothing unless encryption with a KMS key is asked for
   * (the default, an AWS owned key, is not described); the key ARN is the given key's, or the AWS
   * managed key's ({@code alias/aws/dynamodb}) of the region and account.
   */
  static SSEDescription sse(SSESpecification s, String region, String account) {
    if (s == null || !Boolean.TRUE.equals(s.enabled())) {
      return null;
    }
    SSEType type = s.sseType() == null ? SSEType.KMS : s.sseType();
    if (type != SSEType.KMS) {
      return new SSEDescription(SSEStatus.ENABLED, type, null, null);
    }
    String prefix = "arn:aws:kms:" + region + ":" + account + ":";
    String key = s.kmsMasterKeyId();
    String arn;
    if (key == null) {
      arn = prefix + "key/" + UUID.nameUUIDFromBytes(("aws/dynamodb:" + region + ":" + account).getBytes(StandardCharsets.UTF_8));
    } else if (key.startsWith("arn:")) {
      arn = key;
    } else if (key.startsWith("alias/")) {
      arn = prefix + key;
    } else {
      arn = prefix + "key/" + key;
    }
    return new SSEDescription(SSEStatus.ENABLED, type, arn, null);
  }

  /** The engine's key schema for DynamoDB key schema elements whose types {@code types} defines. */
  static KeySchema keySchema(List<KeySchemaElement> elements, Map<String, ScalarAttributeType> types) {
    List<KeyAttribute> partition = new ArrayList<>();
    List<KeyAttribute> sort = new ArrayList<>();
    for (KeySchemaElement e : elements) {
      KeyAttribute a = new KeyAttribute(e.attributeName(), types.get(e.attributeName()));
      (e.keyType() == KeyType.HASH ? partition : sort).add(a);
    }
    return new KeySchema(partition, sort);
  }

  /** Attribute name to type. */
  static Map<String, ScalarAttributeType> types(List<AttributeDefinition> definitions) {
    Map<String, ScalarAttributeType> types = new java.util.LinkedHashMap<>();
    for (AttributeDefinition d : definitions) {
      types.put(d.attributeName(), d.attributeType());
    }
    return types;
  }
}
