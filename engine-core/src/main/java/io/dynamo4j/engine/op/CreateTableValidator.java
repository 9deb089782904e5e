package io.dynamo4j.engine.op;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeyType;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.OnDemandThroughput;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProjectionType;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.SSESpecification;
import io.dynamo4j.api.SSEType;
import io.dynamo4j.api.StreamSpecification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CreateTable's semantic checks, after the model constraints ({@link RequestConstraints}), in
 * DynamoDB's order and with its messages: name, throughput and billing mode, attribute
 * definitions, the table's key, local indexes, global indexes (with multi-attribute keys),
 * projections, unused definitions, stream, encryption, tags. The first problem found is reported.
 *
 * <p>The index checks are shared with UpdateTable's Create action.
 *
 * <p>Stateless and thread-safe.
 */
final class CreateTableValidator {

  /** DynamoDB's per-table throughput quota (DescribeLimits' TableMax*CapacityUnits). */
  static final long TABLE_MAX_CAPACITY = 40_000;
  /** The largest capacity DynamoDB accepts at all; beyond it a value is "out of bounds". */
  static final long CAPACITY_BOUND = 1_000_000_000_000L;
  static final int MAX_LOCAL_INDEXES = 5;
  static final int MAX_GLOBAL_INDEXES = 20;
  static final int MAX_PROJECTED_ATTRIBUTES = 100;
  static final int MAX_KEY_ELEMENTS_PER_TYPE = 4;

  private CreateTableValidator() {}

  static void validate(CreateTableRequest r) {
    // Members the current service model no longer marks required, but CreateTable needs; reported
    // the way the model reports violations, together with the table name's pattern.
    List<String> violations = new ArrayList<>(0);
    if (r.attributeDefinitions() == null) {
      violations.add(Errors.nullMember("attributeDefinitions"));
    }
    TableLookup.checkNewName(r.tableName(), violations);
    if (r.keySchema() == null) {
      violations.add(Errors.nullMember("keySchema"));
    }
    if (!violations.isEmpty()) {
      throw Errors.validationErrors(violations);
    }

    boolean payPerRequest = r.billingMode() == BillingMode.PAY_PER_REQUEST;
    if (!payPerRequest && r.provisionedThroughput() == null) {
      throw Errors.throughputRequired();
    }
    if (payPerRequest && r.provisionedThroughput() != null) {
      throw Errors.throughputForbidden();
    }
    checkThroughput(r.provisionedThroughput());

    Set<String> defined = new LinkedHashSet<>();
    for (AttributeDefinition d : r.attributeDefinitions()) {
      if (!defined.add(d.attributeName())) {
        throw Errors.duplicateAttributeDefinition(d.attributeName());
      }
    }
    List<KeySchemaElement> key = r.keySchema();
    checkTableKey(key, defined);

    boolean hasLocal = r.localSecondaryIndexes() != null;
    boolean hasGlobal = r.globalSecondaryIndexes() != null;
    if (!hasLocal && !hasGlobal && key.size() != defined.size()) {
      throw Errors.attributeCountMismatch();
    }

    Set<String> used = new LinkedHashSet<>(names(key));
    Set<String> indexNames = new HashSet<>();
    int projected = 0;
    if (hasLocal) {
      if (r.localSecondaryIndexes().isEmpty()) {
        throw Errors.emptyIndexList("LocalSecondaryIndexes");
      }
      if (key.size() != 2) {
        throw Errors.localIndexWithoutTableRange();
      }
      for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
        checkLocalIndex(l, key.get(0).attributeName(), defined);
        if (!indexNames.add(l.indexName())) {
          throw Errors.duplicateIndexName(l.indexName());
        }
        used.addAll(names(l.keySchema()));
        projected += projectedCount(l.projection());
      }
      if (r.localSecondaryIndexes().size() > MAX_LOCAL_INDEXES) {
        throw Errors.tooManyLocalIndexes();
      }
    }
    if (hasGlobal) {
      if (r.globalSecondaryIndexes().isEmpty()) {
        throw Errors.emptyIndexList("GlobalSecondaryIndexes");
      }
      for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
        checkGlobalIndex(g.indexName(), g.keySchema(), g.projection(), g.provisionedThroughput(), g.onDemandThroughput(),
            payPerRequest, defined);
        if (!indexNames.add(g.indexName())) {
          throw Errors.duplicateIndexName(g.indexName());
        }
        used.addAll(names(g.keySchema()));
        projected += projectedCount(g.projection());
      }
      if (r.globalSecondaryIndexes().size() > MAX_GLOBAL_INDEXES) {
        throw Errors.tooManyGlobalIndexes();
      }
    }
    if (projected > MAX_PROJECTED_ATTRIBUTES) {
      throw Errors.tooManyProjectedAttributes(projected);
    }
    if (!used.containsAll(defined)) {
      throw Errors.unusedAttributeDefinitions(defined, used);
    }
    checkStream(r.streamSpecification());
    checkSse(r.sseSpecification());
    if (!payPerRequest && r.onDemandThroughput() != null) {
      throw Errors.onDemandThroughputOnProvisioned();
    }
    if (r.tags() != null) {
      TagResourceValidator.checkTags(r.tags());
      TagResourceValidator.checkCount(r.tags(), List.of());
    }
  }

  /** The table's key: one HASH element, then at most one RANGE element, each defined. */
  static void checkTableKey(List<KeySchemaElement> key, Set<String> defined) {
    if (key.size() > 2) {
      throw Errors.keySchemaTooBig();
    }
    List<String> names = names(key);
    if (key.size() == 2) {
      if (!defined.containsAll(names) || (names.get(0).equals(names.get(1)) && defined.size() == 1)) {
        throw Errors.keyAttributeWithoutDefinition();
      }
    } else if (!defined.containsAll(names)) {
      throw Errors.keysNotDefined(names, defined);
    }
    if (key.size() == 2 && names.get(0).equals(names.get(1))) {
      throw Errors.hashAndRangeSameName();
    }
    if (key.get(0).keyType() != KeyType.HASH) {
      throw Errors.firstKeyNotHash();
    }
    if (key.size() == 2 && key.get(1).keyType() != KeyType.RANGE) {
      throw Errors.secondKeyNotRange();
    }
  }

  /** A local index: the table's HASH key and one RANGE key, and a valid projection. */
  static void checkLocalIndex(LocalSecondaryIndex l, String tableHash, Set<String> defined) {
    List<KeySchemaElement> key = l.keySchema();
    List<String> names = names(key);
    if (!defined.containsAll(names)) {
      throw Errors.keysNotDefined(names, defined);
    }
    if (key.size() > 2) {
      throw Errors.localIndexKeySchemaTooBig(l.indexName());
    }
    if (key.size() == 2 && names.get(0).equals(names.get(1))) {
      throw Errors.hashAndRangeSameName();
    }
    if (key.get(0).keyType() != KeyType.HASH) {
      throw Errors.firstKeyNotHash();
    }
    if (key.size() == 2 && key.get(1).keyType() != KeyType.RANGE) {
      throw Errors.secondKeyNotRange();
    }
    if (key.size() != 2) {
      throw Errors.localIndexWithoutRange(l.indexName());
    }
    if (!names.get(0).equals(tableHash)) {
      throw Errors.localIndexHashDiffers(l.indexName(), names.get(0), tableHash);
    }
    checkProjection(l.projection());
  }

  /**
   * A global index: a key of up to four HASH elements followed by up to four RANGE elements
   * (multi-attribute keys), each defined once; a valid projection; throughput as the billing mode
   * requires.
   */
  static void checkGlobalIndex(String name, List<KeySchemaElement> key, Projection projection, ProvisionedThroughput throughput,
      OnDemandThroughput onDemand, boolean payPerRequest, Collection<String> defined) {
    List<String> names = names(key);
    if (!defined.containsAll(names)) {
      throw Errors.keysNotDefined(names, defined);
    }
    if (key.size() == 2 && names.get(0).equals(names.get(1))) {
      throw Errors.hashAndRangeSameName();
    }
    if (key.get(0).keyType() != KeyType.HASH) {
      throw Errors.firstKeyNotHash();
    }
    Set<String> seen = new HashSet<>();
    int hashes = 0;
    int ranges = 0;
    for (KeySchemaElement e : key) {
      if (!seen.add(e.attributeName())) {
        throw Errors.duplicateKeyAttribute(name, e.attributeName());
      }
      if (e.keyType() == KeyType.HASH) {
        if (ranges > 0) {
          throw Errors.hashAfterRange(name);
        }
        hashes++;
      } else {
        ranges++;
      }
    }
    if (hashes > MAX_KEY_ELEMENTS_PER_TYPE) {
      throw Errors.tooManyKeyElements(name, "HASH");
    }
    if (ranges > MAX_KEY_ELEMENTS_PER_TYPE) {
      throw Errors.tooManyKeyElements(name, "RANGE");
    }
    checkProjection(projection);
    if (!payPerRequest && throughput == null) {
      throw Errors.indexThroughputRequired(name);
    }
    if (payPerRequest && throughput != null) {
      throw Errors.indexThroughputForbidden(name);
    }
    checkThroughput(throughput);
    if (!payPerRequest && onDemand != null) {
      throw Errors.onDemandThroughputOnProvisioned();
    }
  }

  /** ProjectionType present; NonKeyAttributes exactly with INCLUDE. */
  static void checkProjection(Projection p) {
    if (p.projectionType() == null) {
      throw Errors.unknownProjectionType();
    }
    if (p.nonKeyAttributes() != null && p.projectionType() != ProjectionType.INCLUDE) {
      throw Errors.nonKeyAttributesNotAllowed(p.projectionType());
    }
    if (p.projectionType() == ProjectionType.INCLUDE && p.nonKeyAttributes() == null) {
      throw Errors.includeWithoutNonKeyAttributes();
    }
  }

  /** Capacity units within DynamoDB's bounds and the per-table quota. */
  static void checkThroughput(ProvisionedThroughput p) {
    if (p == null) {
      return;
    }
    if (p.readCapacityUnits() > CAPACITY_BOUND) {
      throw Errors.throughputOutOfBounds("ReadCapacityUnits", p.readCapacityUnits());
    }
    if (p.writeCapacityUnits() > CAPACITY_BOUND) {
      throw Errors.throughputOutOfBounds("WriteCapacityUnits", p.writeCapacityUnits());
    }
    if (p.readCapacityUnits() > TABLE_MAX_CAPACITY || p.writeCapacityUnits() > TABLE_MAX_CAPACITY) {
      throw Errors.throughputOverTableLimit(TABLE_MAX_CAPACITY);
    }
  }

  /** A StreamViewType exactly when the stream is enabled. */
  static void checkStream(StreamSpecification s) {
    if (s == null) {
      return;
    }
    if (s.streamEnabled() && s.streamViewType() == null) {
      throw Errors.streamViewTypeMissing();
    }
    if (!s.streamEnabled() && s.streamViewType() != null) {
      throw Errors.streamViewTypeWithoutStream();
    }
  }

  /** A KMS key only with KMS encryption. */
  static void checkSse(SSESpecification s) {
    if (s != null && s.kmsMasterKeyId() != null
        && !(Boolean.TRUE.equals(s.enabled()) && (s.sseType() == null || s.sseType() == SSEType.KMS))) {
      throw Errors.kmsKeyWithoutKmsEncryption();
    }
  }

  static int projectedCount(Projection p) {
    return p.projectionType() == ProjectionType.INCLUDE && p.nonKeyAttributes() != null ? p.nonKeyAttributes().size() : 0;
  }

  static List<String> names(List<KeySchemaElement> key) {
    List<String> names = new ArrayList<>(key.size());
    for (KeySchemaElement e : key) {
      names.add(e.attributeName());
    }
    return names;
  }
}
