package io.dynamo4j.engine.op;

import io.dynamo4j.error.LimitExceededException;
import io.dynamo4j.error.ResourceInUseException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;

/**
 * Every DynamoDB error the engine raises, with DynamoDB's exact text, built in one place so that
 * tests can pin the texts and operations cannot drift apart.
 *
 * <p>Stateless and thread-safe.
 */
public final class Errors {

  private Errors() {}

  /** A data-plane request names a table that does not exist (or is not yet ACTIVE). */
  public static ResourceNotFoundException tableNotFound() {
    return new ResourceNotFoundException("Requested resource not found");
  }

  /** DescribeTable (and other control-plane calls) on a table that does not exist. */
  public static ResourceNotFoundException tableNotFound(String tableName) {
    return new ResourceNotFoundException("Requested resource not found: Table: " + tableName + " not found");
  }

  /** CreateTable with a name already taken. */
  public static ResourceInUseException tableExists(String tableName) {
    return new ResourceInUseException("Table already exists: " + tableName);
  }

  /** An item lacks a key attribute. */
  public static ValidationException missingKey(String attribute) {
    return new ValidationException("One or more parameter values were invalid: Missing the key " + attribute + " in the item");
  }

  /** A key attribute has the wrong type. */
  public static ValidationException keyTypeMismatch(String attribute, String expected, String actual) {
    return new ValidationException("One or more parameter values were invalid: Type mismatch for key "
        + attribute + " expected: " + expected + " actual: " + actual);
  }

  /** A Key parameter does not match the table's key schema. */
  public static ValidationException keyDoesNotMatchSchema() {
    return new ValidationException("The provided key element does not match the schema");
  }

  // ---- Control plane: shared by CreateTable, DescribeTable, UpdateTable, DeleteTable ----

  private static final String INVALID = "One or more parameter values were invalid: ";

  /** A table name outside 3..255 characters. */
  public static ValidationException tableNameLength() {
    return new ValidationException("TableName must be at least 3 characters long and at most 255 characters long");
  }

  /** A table name with characters outside [a-zA-Z0-9_.-] (with other model violations: see RequestConstraints). */
  public static String tableNamePattern(String name) {
    return "Value '" + name + "' at 'tableName' failed to satisfy constraint: "
        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
  }

  /** The model's "N validation errors detected" message for {@code violations}. */
  public static ValidationException validationErrors(java.util.List<String> violations) {
    StringBuilder sb = new StringBuilder().append(violations.size())
        .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    sb.append(String.join("; ", violations));
    return new ValidationException(sb.toString());
  }

  /** A control-plane change to a table that is not ACTIVE. */
  public static ResourceInUseException tableInUse(String tableName, io.dynamo4j.api.TableStatus status) {
    String doing = switch (status) {
      case CREATING -> "being created";
      case DELETING -> "being deleted";
      default -> "being updated";
    };
    return new ResourceInUseException("Attempt to change a resource which is still in use: Table is " + doing + ": " + tableName);
  }

  // ---- CreateTable (and the index definitions of UpdateTable) ----

  /** BillingMode PROVISIONED (or absent) without ProvisionedThroughput. */
  public static ValidationException throughputRequired() {
    return new ValidationException(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
  }

  /** BillingMode PAY_PER_REQUEST with ProvisionedThroughput. */
  public static ValidationException throughputForbidden() {
    return new ValidationException(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
  }

  /** A capacity beyond what DynamoDB can represent. */
  public static ValidationException throughputOutOfBounds(String member, long value) {
    return new ValidationException("Given value " + value + " for " + member + " is out of bounds");
  }

  /** A capacity above the per-table quota (see DescribeLimits). */
  public static LimitExceededException throughputOverTableLimit(long limit) {
    return new LimitExceededException("Subscriber limit exceeded: Provisioned throughput for a table or a global secondary index "
        + "cannot exceed " + limit + " units. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
  }

  /** CreateTable without AttributeDefinitions or KeySchema (reported with the other model violations). */
  public static String nullMember(String path) {
    return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
  }

  /** A table key schema with more than a HASH and a RANGE element. */
  public static ValidationException keySchemaTooBig() {
    return new ValidationException("Key Schema too big.  Key Schema must at most consist of the hash and range key of a table");
  }

  /** A two-element key schema naming an attribute that has no definition. */
  public static ValidationException keyAttributeWithoutDefinition() {
    return new ValidationException("Invalid KeySchema: Some index key attribute have no definition");
  }

  /** Key attributes of a table or index that AttributeDefinitions does not define. */
  public static ValidationException keysNotDefined(java.util.Collection<String> keys, java.util.Collection<String> definitions) {
    return new ValidationException(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
        + list(keys) + ", AttributeDefinitions: " + list(definitions));
  }

  /** A key schema naming one attribute as both HASH and RANGE key. */
  public static ValidationException hashAndRangeSameName() {
    return new ValidationException("Both the Hash Key and the Range Key element in the KeySchema have the same name");
  }

  /** A key schema whose first element is not HASH. */
  public static ValidationException firstKeyNotHash() {
    return new ValidationException("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }

  /** A two-element table or local-index key schema whose second element is not RANGE. */
  public static ValidationException secondKeyNotRange() {
    return new ValidationException("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }

  /** A global index key schema with a HASH element after a RANGE element. */
  public static ValidationException hashAfterRange(String index) {
    return new ValidationException(INVALID + "Index KeySchema for index: " + index
        + " lists a HASH key element after a RANGE key element; every HASH element must come before every RANGE element");
  }

  /** A global index key schema with more than four HASH or four RANGE elements. */
  public static ValidationException tooManyKeyElements(String index, String keyType) {
    return new ValidationException(INVALID + "Index KeySchema for index: " + index + " has more than 4 " + keyType
        + " key elements; a global secondary index key can have up to 4 HASH and up to 4 RANGE elements");
  }

  /** A multi-attribute key schema naming one attribute twice. */
  public static ValidationException duplicateKeyAttribute(String index, String attribute) {
    return new ValidationException(INVALID + "Duplicate AttributeName in KeySchema of index: " + index + ": " + attribute);
  }

  /** A local index key schema with more than two elements. */
  public static ValidationException localIndexKeySchemaTooBig(String index) {
    return new ValidationException(INVALID + "Index KeySchema for index: " + index
        + " has more than 2 elements; a local secondary index key is the table's HASH key and one RANGE key");
  }

  /** AttributeDefinitions naming one attribute twice. */
  public static ValidationException duplicateAttributeDefinition(String attribute) {
    return new ValidationException(INVALID + "Duplicate AttributeName in AttributeDefinitions: " + attribute);
  }

  /** A table without indexes whose AttributeDefinitions are not exactly its key attributes. */
  public static ValidationException attributeCountMismatch() {
    return new ValidationException(INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
  }

  /** AttributeDefinitions naming attributes no key uses. */
  public static ValidationException unusedAttributeDefinitions(java.util.Collection<String> definitions, java.util.Collection<String> used) {
    return new ValidationException(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: " + list(definitions)
        + ", keys used: " + list(used));
  }

  /** An empty LocalSecondaryIndexes or GlobalSecondaryIndexes list. */
  public static ValidationException emptyIndexList(String member) {
    return new ValidationException(INVALID + "List of " + member + " is empty");
  }

  /** A local index on a table without a sort key. */
  public static ValidationException localIndexWithoutTableRange() {
    return new ValidationException(INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
  }

  /** A local index without a sort key. */
  public static ValidationException localIndexWithoutRange(String index) {
    return new ValidationException(INVALID + "Index KeySchema does not have a range key for index: " + index);
  }

  /** A local index whose partition key is not the table's. */
  public static ValidationException localIndexHashDiffers(String index, String indexHash, String tableHash) {
    return new ValidationException(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
        + index + ". index hash key: " + indexHash + ", table hash key: " + tableHash);
  }

  /** A projection without ProjectionType. */
  public static ValidationException unknownProjectionType() {
    return new ValidationException(INVALID + "Unknown ProjectionType: null");
  }

  /** NonKeyAttributes with ProjectionType ALL or KEYS_ONLY. */
  public static ValidationException nonKeyAttributesNotAllowed(io.dynamo4j.api.ProjectionType type) {
    return new ValidationException(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
  }

  /** ProjectionType INCLUDE without NonKeyAttributes. */
  public static ValidationException includeWithoutNonKeyAttributes() {
    return new ValidationException("If Projection type INCLUDE is specified, some non-key attributes to include in the projection must be specified as well");
  }

  /** More than 100 projected non-key attributes across the indexes of a table. */
  public static ValidationException tooManyProjectedAttributes(int count) {
    return new ValidationException(INVALID + "The number of projected non-key attributes across all secondary indexes of a table "
        + "exceeds the limit of 100: " + count);
  }

  /** Two indexes of one table with the same name. */
  public static ValidationException duplicateIndexName(String index) {
    return new ValidationException(INVALID + "Duplicate index name: " + index);
  }

  /** More than five local indexes. */
  public static ValidationException tooManyLocalIndexes() {
    return new ValidationException(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
  }

  /** More than twenty global indexes. */
  public static ValidationException tooManyGlobalIndexes() {
    return new ValidationException(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
  }

  /** A global index of a provisioned table without ProvisionedThroughput. */
  public static ValidationException indexThroughputRequired(String index) {
    return new ValidationException(INVALID + "ProvisionedThroughput must be specified for index: " + index);
  }

  /** A global index of an on-demand table with ProvisionedThroughput. */
  public static ValidationException indexThroughputForbidden(String index) {
    return new ValidationException(INVALID + "ProvisionedThroughput should not be specified for index: " + index
        + " when BillingMode is PAY_PER_REQUEST");
  }

  /** StreamEnabled true without StreamViewType. */
  public static ValidationException streamViewTypeMissing() {
    return new ValidationException("Invalid StreamViewType: Stream ViewType must not be null or empty when enabling streams.");
  }

  /** StreamEnabled false with a StreamViewType. */
  public static ValidationException streamViewTypeWithoutStream() {
    return new ValidationException("Invalid StreamViewType: Stream StreamEnabled was false but a StreamViewType was present.");
  }

  /** A KMSMasterKeyId when encryption with a customer key is not requested. */
  public static ValidationException kmsKeyWithoutKmsEncryption() {
    return new ValidationException(INVALID + "KMSMasterKeyId can only be specified when SSESpecification.Enabled is true and SSEType is KMS");
  }

  /** OnDemandThroughput on a provisioned table or index. */
  public static ValidationException onDemandThroughputOnProvisioned() {
    return new ValidationException(INVALID + "OnDemandThroughput can only be specified when BillingMode is PAY_PER_REQUEST");
  }

  // ---- DeleteTable ----

  /** DeleteTable on a table with deletion protection on. */
  public static ValidationException deletionProtected() {
    return new ValidationException("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
  }

  // ---- UpdateTable ----

  /** UpdateTable that changes nothing. */
  public static ValidationException nothingToUpdate() {
    return new ValidationException("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates "
        + "or SSESpecification or ReplicaUpdates is required");
  }

  /** UpdateTable asking for the table's current throughput. */
  public static ValidationException throughputUnchanged(long currentRead, long read, long currentWrite, long write) {
    return new ValidationException("The provisioned throughput for the table will not change. The requested value equals the current value. "
        + "Current ReadCapacityUnits provisioned for the table: " + currentRead + ". Requested ReadCapacityUnits: " + read + ". "
        + "Current WriteCapacityUnits provisioned for the table: " + currentWrite + ". Requested WriteCapacityUnits: " + write + ". "
        + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
  }

  /** UpdateTable asking for an index's current throughput. */
  public static ValidationException indexThroughputUnchanged(String index, long currentRead, long read, long currentWrite, long write) {
    return new ValidationException("The provisioned throughput for the index " + index + " will not change. The requested value equals the current value. "
        + "Current ReadCapacityUnits provisioned for the index: " + currentRead + ". Requested ReadCapacityUnits: " + read + ". "
        + "Current WriteCapacityUnits provisioned for the index: " + currentWrite + ". Requested WriteCapacityUnits: " + write + ". "
        + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
  }

  /** More than one index created or deleted by one UpdateTable. */
  public static LimitExceededException oneIndexChangeAtATime() {
    return new LimitExceededException("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
  }

  /** A GlobalSecondaryIndexUpdate with no action. */
  public static ValidationException indexUpdateActionNull() {
    return new ValidationException("Update global secondary index action is null");
  }

  /** A GlobalSecondaryIndexUpdate with more than one action. */
  public static ValidationException indexUpdateSeveralActions() {
    return new ValidationException(INVALID + "Only one of Create, Update or Delete can be specified in one GlobalSecondaryIndexUpdate");
  }

  /** An Update action naming an index the table does not have. */
  public static ValidationException unknownIndexToUpdate() {
    return new ValidationException("Invalid global secondary index name");
  }

  /** A Delete action naming an index the table does not have. */
  public static ResourceNotFoundException unknownIndexToDelete() {
    return new ResourceNotFoundException("Requested resource not found");
  }

  /** A Create action naming an index the table already has. */
  public static ValidationException indexExists(String index) {
    return new ValidationException(INVALID + "Index with name " + index + " already exists");
  }

  /** AttributeDefinitions redefining the type of an attribute the table already uses as a key. */
  public static ValidationException attributeTypeChanged(String attribute) {
    return new ValidationException(INVALID + "Cannot change the type of attribute " + attribute + " which is already defined for this table");
  }

  /** Enabling a stream on a table that has one. */
  public static ValidationException streamAlreadyEnabled() {
    return new ValidationException("Table already has an enabled stream");
  }

  /** Disabling the stream of a table that has none. */
  public static ValidationException noStreamToDisable() {
    return new ValidationException("Table has no stream to disable");
  }

  // ---- TagResource, UntagResource, ListTagsOfResource ----

  /** A resource ARN that is not an ARN. */
  public static ValidationException arnMustStartWithArn(String arn) {
    return new ValidationException("Invalid TableArn: Invalid ResourceArn provided as input " + arn + ": ARNs must start with 'arn:'");
  }

  /** An ARN that does not name a DynamoDB table of this engine's format. */
  public static ValidationException invalidArn(String arn) {
    return new ValidationException("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
  }

  /** A well-formed table ARN naming no table. */
  public static ResourceNotFoundException arnNotFound(String arn) {
    return new ResourceNotFoundException("Requested resource not found: ResourcArn: " + arn + " not found");
  }

  /** TagResource with an empty tag list. */
  public static ValidationException noTags() {
    return new ValidationException(INVALID + "Tags must contain at least one tag");
  }

  /** UntagResource with an empty key list. */
  public static ValidationException noTagKeys() {
    return new ValidationException(INVALID + "TagKeys must contain at least one tag key");
  }

  /** A resource that would carry more than 50 tags. */
  public static ValidationException tooManyTags() {
    return new ValidationException(INVALID + "The number of tags on a resource cannot exceed 50");
  }

  /** A tag key with the reserved aws: prefix. */
  public static ValidationException reservedTagKey(String key) {
    return new ValidationException(INVALID + "Tag keys starting with 'aws:' are reserved for system use: " + key);
  }

  /** A tag key or value with a character DynamoDB does not allow. */
  public static ValidationException invalidTagCharacters(String member, String text) {
    return new ValidationException(INVALID + "Tag " + member + " '" + text + "' contains characters other than letters, numbers, "
        + "white space and + - = . _ : / @");
  }

  // ---- Query, Scan ----

  /** IndexName naming no index of the table. */
  public static ValidationException noSuchIndex(String index) {
    return new ValidationException("The table does not have the specified index: " + index);
  }

  /** A read of a global index that UpdateTable is still backfilling. */
  public static ValidationException indexBackfilling(String index) {
    return new ValidationException("Cannot read from backfilling global secondary index: " + index);
  }

  /** ConsistentRead true on a global index (the real service's text; DynamoDB Local words it differently). */
  public static ValidationException consistentReadOnGlobalIndex() {
    return new ValidationException("Consistent reads are not supported on global secondary indexes");
  }

  /** A filter or projection path below a table key ({@code Key: a}) or an index key ({@code IndexKey: a}). */
  public static ValidationException keyPathNotScalar(String attribute, boolean indexKey) {
    return new ValidationException("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: "
        + (indexKey ? "IndexKey: " : "Key: ") + attribute);
  }

  /** Select SPECIFIC_ATTRIBUTES without AttributesToGet or ProjectionExpression. */
  public static ValidationException specificAttributesWithoutProjection() {
    return new ValidationException("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
  }

  /**
   * A Select contradicting AttributesToGet or ProjectionExpression: {@code parameter} is the one
   * given, {@code choice} says what Select asked for ("ALL_ATTRIBUTES", "only the Count").
   */
  public static ValidationException selectWithProjection(String parameter, String choice) {
    return new ValidationException("Cannot specify the " + parameter + " when choosing to get " + choice);
  }

  /** Select ALL_PROJECTED_ATTRIBUTES without IndexName. */
  public static ValidationException allProjectedWithoutIndex() {
    return new ValidationException("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
  }

  /** Select ALL_ATTRIBUTES on a global index that does not project every attribute. */
  public static ValidationException allAttributesOnPartialGlobalIndex(String index) {
    return new ValidationException(INVALID + "Select type ALL_ATTRIBUTES is not supported for global secondary index " + index
        + " because its projection type is not ALL");
  }

  /** A filter naming attributes an index does not project (sorted, as DynamoDB lists them). */
  public static ValidationException filterNotProjected(String index, java.util.Collection<String> attributes) {
    return new ValidationException(INVALID + "Secondary index " + index + " does not project one or more filter attributes: "
        + list(attributes));
  }

  /** A projection naming attributes a global index does not project (sorted). */
  public static ValidationException projectionNotProjected(String index, java.util.Collection<String> attributes) {
    return new ValidationException(INVALID + "Global secondary index " + index + " does not project " + list(attributes));
  }

  /**
   * An empty string or binary key value in a key condition ({@code index} null for a table key
   * attribute) or, behind {@link #startKeyInvalid(String)}, in an ExclusiveStartKey.
   */
  public static String emptyKeyValue(String attribute, boolean binary, String index) {
    String what = binary ? "binary" : "string";
    return index == null
        ? "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
            + what + " value. Key: " + attribute
        : "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
            + "The AttributeValue for a key attribute cannot contain an empty " + what + " value. IndexName: " + index
            + ", IndexKey: " + attribute;
  }

  /** A key condition with an empty string or binary value; see {@link #emptyKeyValue}. */
  public static ValidationException keyConditionEmptyValue(String attribute, boolean binary, String index) {
    return new ValidationException(emptyKeyValue(attribute, binary, index));
  }

  /** Sort key condition values longer than DynamoDB's sort key limit. */
  public static ValidationException sortKeyConditionTooLarge() {
    return new ValidationException(INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
  }

  /** An ExclusiveStartKey with more or fewer attributes than the table and index keys. */
  public static ValidationException startKeySize() {
    return new ValidationException("Exclusive Start Key must have same size as table's key schema");
  }

  /** An ExclusiveStartKey lacking a key attribute. */
  public static ValidationException startKeyInvalid() {
    return new ValidationException("The provided starting key is invalid");
  }

  /** An ExclusiveStartKey that is invalid for {@code reason}. */
  public static ValidationException startKeyInvalid(String reason) {
    return new ValidationException("The provided starting key is invalid: " + reason);
  }

  /** An ExclusiveStartKey with an empty partition key value (DynamoDB's text has this prefix). */
  public static ValidationException startKeyEmptyPartitionValue(String reason) {
    return new ValidationException("The query can return at most one row and cannot be restarted. The provided starting key is invalid: "
        + reason);
  }

  /** Why an ExclusiveStartKey with a table key attribute of the wrong type is invalid. */
  static final String KEY_DOES_NOT_MATCH_SCHEMA = "The provided key element does not match the schema";

  /** An index key attribute of the wrong type in an ExclusiveStartKey. */
  public static ValidationException startKeyIndexTypeMismatch() {
    return new ValidationException(KEY_DOES_NOT_MATCH_SCHEMA);
  }

  /** A Query ExclusiveStartKey outside the sort key condition. */
  public static ValidationException startKeyOutsideRange() {
    return new ValidationException("The provided starting key does not match the range key predicate");
  }

  /** A Query ExclusiveStartKey in another partition, the query having no sort key condition. */
  public static ValidationException startKeyOutsidePartition() {
    return new ValidationException("The provided starting key is outside query boundaries based on provided conditions");
  }

  /** A Query ExclusiveStartKey in another partition that satisfies the sort key condition. */
  public static ValidationException startKeyCannotRestart() {
    return new ValidationException("The query can return at most one row and cannot be restarted");
  }

  /** A Scan ExclusiveStartKey that lies in another segment. */
  public static ValidationException startKeyWrongSegment(int totalSegments, int segment) {
    return startKeyInvalid("Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: "
        + totalSegments + " Segment: " + segment);
  }

  /** Segment without TotalSegments. */
  public static ValidationException segmentWithoutTotal() {
    return new ValidationException("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
  }

  /** TotalSegments without Segment. */
  public static ValidationException totalWithoutSegment() {
    return new ValidationException("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
  }

  /** Segment not below TotalSegments. */
  public static ValidationException segmentOutOfRange(int segment, int totalSegments) {
    return new ValidationException("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
        + segment + " is not less than TotalSegments: " + totalSegments);
  }

  // ---- Items: PutItem, GetItem, UpdateItem, DeleteItem, BatchGetItem, BatchWriteItem ----
  // Texts of the real service where public tests pin them (dynalite's suite, run against DynamoDB);
  // DynamoDB Local's otherwise.

  /** PutItem or DeleteItem with ReturnValues UPDATED_OLD, ALL_NEW or UPDATED_NEW. */
  public static ValidationException returnValuesAllOldOrNone() {
    return new ValidationException("ReturnValues can only be ALL_OLD or NONE");
  }

  /** An item to write larger than 400 KB. */
  public static ValidationException itemTooLarge() {
    return new ValidationException("Item size has exceeded the maximum allowed size");
  }

  /** An UpdateItem whose result would be larger than 400 KB. */
  public static ValidationException updatedItemTooLarge() {
    return new ValidationException("Item size to update has exceeded the maximum allowed size");
  }

  /** An attribute name (top-level or a map key) that is empty. */
  public static ValidationException emptyAttributeName() {
    return new ValidationException("Empty attribute name");
  }

  /** An attribute name (top-level or a map key) of 64 KB or more in UTF-8. */
  public static ValidationException attributeNameTooLong() {
    return new ValidationException("Attribute name is too large, must be less than 65536 bytes");
  }

  /** A value nested deeper than 32 levels. */
  public static ValidationException nestingTooDeep() {
    return new ValidationException(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
  }

  /** An empty string or binary value for a table key attribute. */
  public static ValidationException emptyKeyValue(String attribute, io.dynamo4j.model.AttributeValue.Type type) {
    return new ValidationException("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
        + emptyKind(type) + " value. Key: " + attribute);
  }

  /** A partition key (or the partition key attributes of an index) longer than 2048 bytes (DynamoDB's text, no space before 2048). */
  public static ValidationException partitionKeyTooLarge() {
    return new ValidationException(INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }

  /** A sort key (or the sort key attributes of an index) longer than 1024 bytes. */
  public static ValidationException sortKeyTooLarge() {
    return new ValidationException(INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
  }

  /** An item's secondary index key attribute of another type than the index defines. */
  public static ValidationException indexKeyTypeMismatch(String attribute, String expected, String actual, String index) {
    return new ValidationException(INVALID + "Type mismatch for Index Key " + attribute + " Expected: " + expected
        + " Actual: " + actual + " IndexName: " + index);
  }

  /** An item's secondary index key attribute that is an empty string or binary. */
  public static ValidationException emptyIndexKeyValue(String index, String attribute, io.dynamo4j.model.AttributeValue.Type type) {
    return new ValidationException("One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
        + "The AttributeValue for a key attribute cannot contain an empty " + emptyKind(type) + " value. IndexName: " + index
        + ", IndexKey: " + attribute);
  }

  /** An update writing inside (a map key or list element of) a secondary index key attribute. */
  public static ValidationException indexKeyNotScalar(String attribute) {
    return new ValidationException(
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: " + attribute);
  }

  /** An update that gave a secondary index key attribute another type than the index defines (known only from the item). */
  public static ValidationException updatedIndexKeyType() {
    return new ValidationException("The update expression attempted to update the secondary index key to unsupported type");
  }

  /** An update that made a secondary index key attribute an empty string or binary. */
  public static ValidationException updatedIndexKeyEmpty(io.dynamo4j.model.AttributeValue.Type type) {
    return new ValidationException("One or more parameter values are not valid. The update expression attempted to update a secondary "
        + "index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty " + emptyKind(type)
        + " value.");
  }

  /** An update that made a secondary index key longer than its limit. */
  public static ValidationException updatedIndexKeyTooLarge() {
    return new ValidationException("The update expression attempted to update the secondary index key beyond allowed size limits");
  }

  /** A write whose condition is false; {@code item} is the item as it was when ReturnValuesOnConditionCheckFailure is ALL_OLD. */
  public static io.dynamo4j.error.ConditionalCheckFailedException conditionalCheckFailed(io.dynamo4j.model.Item item) {
    return new io.dynamo4j.error.ConditionalCheckFailedException(io.dynamo4j.error.ConditionalCheckFailedException.MESSAGE, item);
  }

  /** A BatchGetItem of more than 100 keys over all its tables. */
  public static ValidationException batchGetTooManyKeys() {
    return new ValidationException("Too many items requested for the BatchGetItem call");
  }

  /** Two keys of one BatchGetItem table, or two requests of one BatchWriteItem table, naming the same item. */
  public static ValidationException batchDuplicateKeys() {
    return new ValidationException("Provided list of item keys contains duplicates");
  }

  /** A BatchWriteItem of more than 25 requests over all its tables. */
  public static ValidationException batchWriteTooManyRequests() {
    return new ValidationException("Too many items requested for the BatchWriteItem call");
  }

  /** A BatchWriteItem table with an empty list of requests. */
  public static ValidationException batchWriteEmptyList(String table) {
    return new ValidationException("The batch write request list for a table cannot be null or empty: " + table);
  }

  /** A WriteRequest with both or neither of PutRequest and DeleteRequest (DynamoDB's text, oddly about values). */
  public static ValidationException writeRequestNotOneOf() {
    return new ValidationException(io.dynamo4j.model.Messages.MULTIPLE_DATATYPES);
  }

  // ---- Streams, TTL, backups, point-in-time recovery: ListStreams, DescribeStream, GetShardIterator,
  // GetRecords, UpdateTimeToLive, DescribeTimeToLive, CreateBackup, DescribeBackup, ListBackups,
  // DeleteBackup, RestoreTableFromBackup, UpdateContinuousBackups, DescribeContinuousBackups,
  // RestoreTableToPointInTime. DynamoDB Local's texts for streams; the real service's where public
  // evidence shows them (the rest: DynamoDB Local has no TTL deletion, backups or PITR).

  /** A StreamArn (or ExclusiveStartStreamArn) that is not a stream ARN. */
  public static ValidationException invalidStreamArn() {
    return new ValidationException("Invalid StreamArn");
  }

  /** DescribeStream of a stream that does not exist. */
  public static ResourceNotFoundException streamNotFound(String arn) {
    return new ResourceNotFoundException("Requested resource not found: Stream: " + arn + " not found");
  }

  /** GetShardIterator on a stream that does not exist. */
  public static ResourceNotFoundException streamDoesNotExist() {
    return new ResourceNotFoundException("Stream does not exist");
  }

  /** GetShardIterator on a shard the stream does not have. */
  public static ResourceNotFoundException shardDoesNotExist() {
    return new ResourceNotFoundException("Shard does not exist");
  }

  /** DescribeStream with a Limit over 100. */
  public static ValidationException describeStreamLimit() {
    return new ValidationException(INVALID + "Limit cannot be greater than the maximum: 100");
  }

  /** ListStreams with a Limit over 100. */
  public static ValidationException listStreamsLimit() {
    return new ValidationException(INVALID + "Limit cannot be greater than the maximum allowed size: 100");
  }

  /** GetRecords with a Limit over 1000. */
  public static ValidationException getRecordsLimit() {
    return new ValidationException(INVALID + "Limit should be less than or equal to 1000");
  }

  /** AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER without a usable SequenceNumber. */
  public static ValidationException sequenceNumberRequired() {
    return new ValidationException(INVALID + "Invalid SequenceNumber");
  }

  /** AT_TIMESTAMP without a Timestamp. */
  public static ValidationException timestampRequired() {
    return new ValidationException(INVALID + "Timestamp must be specified for AT_TIMESTAMP shard iterator type");
  }

  /** TRIM_HORIZON or LATEST with a SequenceNumber. */
  public static ValidationException sequenceNumberNotAllowed() {
    return new ValidationException(INVALID + "SequenceNumber should not be passed for this iterator type");
  }

  /** A SequenceNumber outside the shard's range. */
  public static ValidationException sequenceNumberNotInShard() {
    return new ValidationException("Invalid SequenceNumber for the shard");
  }

  /** A ShardIterator this engine did not issue. */
  public static ValidationException invalidShardIterator() {
    return new ValidationException("Invalid ShardIterator");
  }

  /** A ShardIterator older than 15 minutes (the service model's text). */
  public static io.dynamo4j.error.ExpiredIteratorException expiredIterator() {
    return new io.dynamo4j.error.ExpiredIteratorException("The provided iterator exceeds the maximum age allowed.");
  }

  /** A position whose records were trimmed (older than 24 hours); the service model's text. */
  public static io.dynamo4j.error.TrimmedDataAccessException trimmedData() {
    return new io.dynamo4j.error.TrimmedDataAccessException("The data you are trying to access has been trimmed.");
  }

  /** UpdateTimeToLive enabling TTL that is enabled. */
  public static ValidationException timeToLiveAlreadyEnabled() {
    return new ValidationException("TimeToLive is already enabled");
  }

  /** UpdateTimeToLive disabling TTL that is disabled. */
  public static ValidationException timeToLiveAlreadyDisabled() {
    return new ValidationException("TimeToLive is already disabled");
  }

  /** UpdateTimeToLive naming another attribute than the enabled one. */
  public static ValidationException timeToLiveOtherAttribute() {
    return new ValidationException("TimeToLive is active on a different AttributeName");
  }

  /** UpdateTimeToLive within an hour of the last change (the real service's text). */
  public static ValidationException timeToLiveChangedRecently() {
    return new ValidationException("Time to live has been modified multiple times within a fixed interval");
  }

  /** DescribeTimeToLive on a table being created or deleted (the real service's text). */
  public static ValidationException timeToLiveTableState(io.dynamo4j.api.TableStatus status) {
    return new ValidationException("Cannot describe time to live while table is in " + status + " state: Current table state is "
        + status);
  }

  /** Backup and PITR operations on a table that does not exist (or is being created). */
  public static io.dynamo4j.error.TableNotFoundException tableNotFoundForBackup(String name) {
    return new io.dynamo4j.error.TableNotFoundException("Table not found: " + name);
  }

  /** A restore into a table name that is taken. */
  public static io.dynamo4j.error.TableAlreadyExistsException tableAlreadyExists(String name) {
    return new io.dynamo4j.error.TableAlreadyExistsException("Table already exists: " + name);
  }

  /** A restore into the name of a table whose own restore is in progress. */
  public static io.dynamo4j.error.TableInUseException tableBeingRestored(String name, String backupArn) {
    return new io.dynamo4j.error.TableInUseException("Table: " + name + " is already being restored from backup: " + backupArn);
  }

  /** A BackupArn that is not a backup ARN. */
  public static ValidationException invalidBackupArn() {
    return new ValidationException("Invalid Backup ARN");
  }

  /** A backup that does not exist. */
  public static io.dynamo4j.error.BackupNotFoundException backupNotFound(String arn) {
    return new io.dynamo4j.error.BackupNotFoundException("Backup not found: " + arn);
  }

  /** DeleteBackup of a backup a restore reads. */
  public static io.dynamo4j.error.BackupInUseException backupInUseByRestore(String arn) {
    return new io.dynamo4j.error.BackupInUseException("Backup is being used to restore table: " + arn);
  }

  /** RestoreTableFromBackup from a backup another restore reads. */
  public static io.dynamo4j.error.BackupInUseException backupInUseByOtherRestore(String arn) {
    return new io.dynamo4j.error.BackupInUseException("Backup is being used to restore another table: " + arn);
  }

  /** DeleteBackup of a SYSTEM backup. */
  public static ValidationException systemBackupNotDeletable(String arn, java.time.Instant expiry) {
    return new ValidationException("User is not allowed to delete the system backup with arn " + arn
        + ". It will automatically expire on " + expiry);
  }

  /** ListBackups with TimeRangeLowerBound after TimeRangeUpperBound. */
  public static ValidationException backupTimeRange() {
    return new ValidationException("Time range lower bound must be less than or equal to upper bound");
  }

  /** ExclusiveStartBackupArn that is not a backup ARN. */
  public static ValidationException invalidExclusiveStartBackupArn() {
    return new ValidationException("Invalid ExclusiveStartBackupArn");
  }

  /** A restore override of ProvisionedThroughput while the restored table is on demand. */
  public static ValidationException restoreThroughputNotProvisioned() {
    return new ValidationException("Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED");
  }

  /** A restore to PROVISIONED without ProvisionedThroughputOverride. */
  public static ValidationException restoreThroughputRequired() {
    return new ValidationException("Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED");
  }

  /** A restore override of OnDemandThroughput while the restored table is provisioned. */
  public static ValidationException restoreOnDemandNotPayPerRequest() {
    return new ValidationException("Cannot override OnDemandThroughput unless BillingMode is PAY_PER_REQUEST");
  }

  /** An index override that matches no index of the source. */
  public static ValidationException restoreNewIndex(String index) {
    return new ValidationException("Index " + index + " does not match a secondary index that existed in the source table "
        + "and cannot be created during the restore operation");
  }

  /** UpdateContinuousBackups disabling PITR with a RecoveryPeriodInDays. */
  public static ValidationException recoveryPeriodWhenDisabling() {
    return new ValidationException("Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
  }

  /** RestoreTableToPointInTime with both SourceTableArn and SourceTableName. */
  public static ValidationException restoreSourceBoth() {
    return new ValidationException("Must provide exactly one of: sourceTableArn, sourceTableName");
  }

  /** RestoreTableToPointInTime with neither SourceTableArn nor SourceTableName. */
  public static ValidationException restoreSourceMissing() {
    return new ValidationException("The parameter 'TableName' is required");
  }

  /** RestoreTableToPointInTime with a SourceTableArn that is not a table ARN. */
  public static ValidationException restoreSourceArnInvalid() {
    return new ValidationException("sourceTableArn is not a valid ARN");
  }

  /** RestoreTableToPointInTime with both RestoreDateTime and UseLatestRestorableTime. */
  public static ValidationException restoreTimeBoth() {
    return new ValidationException("Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for "
        + "point-in-time restore request. Please specify either RestoreDateTime time or UseLatestRestorableTime");
  }

  /** RestoreTableToPointInTime with neither RestoreDateTime nor UseLatestRestorableTime. */
  public static ValidationException restoreTimeMissing() {
    return new ValidationException("Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be "
        + "specified, but not both");
  }

  /** RestoreTableToPointInTime from a table without point-in-time recovery. */
  public static io.dynamo4j.error.PointInTimeRecoveryUnavailableException pointInTimeRecoveryNotEnabled(String name) {
    return new io.dynamo4j.error.PointInTimeRecoveryUnavailableException(
        "Point in time recovery is not enabled for table '" + name + "'");
  }

  /** A RestoreDateTime outside the restorable window. */
  public static io.dynamo4j.error.InvalidRestoreTimeException restoreTimeOutsideWindow(java.time.Instant at,
      java.time.Instant earliest, java.time.Instant latest) {
    return new io.dynamo4j.error.InvalidRestoreTimeException("RestoreDateTime '" + second(at)
        + "' must be within EarliestRestorableDateTime '" + second(earliest) + "' and LatestRestorableDateTime '"
        + second(latest) + "'");
  }

  private static String second(java.time.Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  // ---- Transactions, throughput and item collections: TransactWriteItems, TransactGetItems, throttling of every
  // data-plane operation, ItemCollectionSizeLimitExceeded, UpdateTable's decrease limit ----
  // Texts of the real service where public evidence shows them (the API Reference's list of cancellation reasons,
  // reports of real errors); DynamoDB Local's for transaction validation otherwise.

  /** The text of a ConditionalCheckFailed cancellation reason (no trailing period, as the service sends it). */
  static final String REASON_CONDITIONAL_CHECK_FAILED = "The conditional request failed";
  /** The text of a TransactionConflict cancellation reason and of TransactionConflictException. */
  static final String TRANSACTION_CONFLICT = "Transaction is ongoing for the item";
  /** The text of an ItemCollectionSizeLimitExceeded cancellation reason and exception. */
  static final String COLLECTION_SIZE_EXCEEDED = "Collection size exceeded";
  /** A transaction action whose key attribute has the wrong type (DynamoDB Local's transaction text). */
  static final String REASON_KEY_TYPE_MISMATCH = INVALID + "Type mismatch for key";
  /** A transaction Put whose secondary index key attribute has the wrong type (DynamoDB Local's transaction text). */
  static final String REASON_INDEX_KEY_TYPE_MISMATCH = INVALID + "Type mismatch for Index Key";

  /** A transaction cancelled for {@code reasons}, one per action in request order. */
  public static io.dynamo4j.error.TransactionCanceledException transactionCanceled(
      java.util.List<io.dynamo4j.api.CancellationReason> reasons) {
    return new io.dynamo4j.error.TransactionCanceledException(
        io.dynamo4j.error.TransactionCanceledException.messageFor(reasons), reasons);
  }

  /** A single-item write that met an item a transaction in flight holds. */
  public static io.dynamo4j.error.TransactionConflictException transactionConflict() {
    return new io.dynamo4j.error.TransactionConflictException(TRANSACTION_CONFLICT);
  }

  /** A TransactWriteItems whose ClientRequestToken names a transaction still in flight. */
  public static io.dynamo4j.error.TransactionInProgressException transactionInProgress() {
    return new io.dynamo4j.error.TransactionInProgressException("Transaction from previous request is still in progress");
  }

  /** A ClientRequestToken used again within ten minutes with another request (DynamoDB Local sends no text). */
  public static io.dynamo4j.error.IdempotentParameterMismatchException idempotentParameterMismatch() {
    return new io.dynamo4j.error.IdempotentParameterMismatchException("");
  }

  /** A TransactWriteItem with none of ConditionCheck, Put, Delete and Update. */
  public static ValidationException transactNoAction() {
    return new ValidationException("Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
  }

  /** A TransactWriteItem with more than one of ConditionCheck, Put, Delete and Update. */
  public static ValidationException transactSeveralActions() {
    return new ValidationException("TransactItems can only contain one of Check, Put, Update or Delete");
  }

  /** Two actions of one transaction on the same item. */
  public static ValidationException transactDuplicateItem() {
    return new ValidationException("Transaction request cannot include multiple operations on one item");
  }

  /** A TransactWriteItems whose items, keys, expressions and values add up to more than 4 MB, counted to the action that passed it. */
  public static ValidationException transactPayloadTooLarge(long payload) {
    return new ValidationException("Transaction payload size cannot exceed 4MB. Payload Size: " + payload);
  }

  /** A transaction action's item or key lacking a key attribute. */
  public static ValidationException transactKeyMissing() {
    return new ValidationException("One of the required keys was not given a value");
  }

  /** A transaction action's Key with more or fewer attributes than the table's key. */
  public static ValidationException transactKeyCount() {
    return new ValidationException("The number of conditions on the keys is invalid");
  }

  /** A transaction action's key over 2048 (partition) or 1024 (sort) bytes (DynamoDB Local's transaction text). */
  public static ValidationException transactKeyTooLarge() {
    return new ValidationException("Hash primary key values must be under 2048 bytes, and range primary key values must be under 1024 bytes");
  }

  /** The message of a throttled request or cancellation reason, by what ran out. */
  static String throttleMessage(io.dynamo4j.engine.capacity.Throttle throttle) {
    return switch (throttle) {
      case TABLE -> "The level of configured provisioned throughput for the table was exceeded. "
          + "Consider increasing your provisioning level with the UpdateTable API.";
      case INDEX -> "The level of configured provisioned throughput for one or more global secondary indexes of the table was "
          + "exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with "
          + "the UpdateTable API";
      case ON_DEMAND_TABLE -> "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically "
          + "scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: "
          + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
      case ON_DEMAND_INDEX -> "Throughput exceeds the current capacity for one or more global secondary indexes. DynamoDB is "
          + "automatically scaling your index so please try again shortly.";
    };
  }

  /** The cancellation reason code of a throttled transaction action. */
  static String throttleCode(io.dynamo4j.engine.capacity.Throttle throttle) {
    return throttle.onDemand() ? "ThrottlingError" : "ProvisionedThroughputExceeded";
  }

  /**
   * A throttled request: ProvisionedThroughputExceededException for a provisioned table or index,
   * ThrottlingException for an on-demand one.
   */
  public static io.dynamo4j.error.DynamoException throttled(io.dynamo4j.engine.capacity.Throttle throttle) {
    return throttle.onDemand()
        ? new io.dynamo4j.error.ThrottlingException(throttleMessage(throttle))
        : new io.dynamo4j.error.ProvisionedThroughputExceededException(throttleMessage(throttle));
  }

  /** A write that would take an item collection past its size limit. */
  public static io.dynamo4j.error.ItemCollectionSizeLimitExceededException itemCollectionTooLarge() {
    return new io.dynamo4j.error.ItemCollectionSizeLimitExceededException(COLLECTION_SIZE_EXCEEDED);
  }

  private static final java.time.format.DateTimeFormatter DECREASE_TIME = java.time.format.DateTimeFormatter
      .ofPattern("EEEE, MMMM d, y 'at' h:mm:ss a zzzz", java.util.Locale.US).withZone(java.time.ZoneId.of("UTC"));

  /** UpdateTable decreasing throughput for the fifth time in a UTC day within an hour of the last decrease. */
  public static LimitExceededException decreaseLimit(long decreasesToday, java.time.Instant last, java.time.Instant next) {
    return new LimitExceededException("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given "
        + "UTC day. After the first 4 decreases, each subsequent decrease in the same UTC day can be performed at most once "
        + "every 3600 seconds. Number of decreases today: " + decreasesToday + ". Last decrease at " + DECREASE_TIME.format(last)
        + ". Next decrease can be made at " + DECREASE_TIME.format(next));
  }

  private static String emptyKind(io.dynamo4j.model.AttributeValue.Type type) {
    return type == io.dynamo4j.model.AttributeValue.Type.B ? "binary" : "string";
  }

  private static String list(java.util.Collection<String> names) {
    return "[" + String.join(", ", names) + "]";
  }

  /** A generic ValidationException with {@code message}. */
  public static ValidationException validation(String message) {
    return new ValidationException(message);
  }
}
