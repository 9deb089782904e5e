package io.dynamo4j.engine.expr;

import io.dynamo4j.api.AttributeValueUpdate;
import io.dynamo4j.api.ConditionCheck;
import io.dynamo4j.api.ConditionalOperator;
import io.dynamo4j.api.Delete;
import io.dynamo4j.api.DeleteItemRequest;
import io.dynamo4j.api.ExpectedAttributeValue;
import io.dynamo4j.api.Get;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.Update;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * Everything expression-related in one DynamoDB request, the input of
 * {@link ExpressionSet#compile}. Build it from a request with one of the {@code of} factories:
 *
 * <pre>{@code
 * ExpressionSet expressions = ExpressionSet.compile(ExpressionInputs.of(updateItemRequest));
 * }</pre>
 *
 * <p>Members are named as in DynamoDB's API; an absent member is null. The {@link Operation} decides
 * which members apply, the order in which they are checked and the wording of some messages.
 *
 * <p>Immutable and thread-safe if the maps and lists given are (those of the API records are).
 *
 * @param operation the kind of request (transaction items use the operation they resemble)
 * @param conditionExpression ConditionExpression
 * @param updateExpression UpdateExpression
 * @param projectionExpression ProjectionExpression
 * @param filterExpression FilterExpression
 * @param keyConditionExpression KeyConditionExpression
 * @param expressionAttributeNames ExpressionAttributeNames
 * @param expressionAttributeValues ExpressionAttributeValues
 * @param expected the legacy Expected
 * @param conditionalOperator the legacy ConditionalOperator
 * @param attributeUpdates the legacy AttributeUpdates
 * @param keyConditions the legacy KeyConditions
 * @param queryFilter the legacy QueryFilter
 * @param scanFilter the legacy ScanFilter
 * @param attributesToGet the legacy AttributesToGet
 */
public record ExpressionInputs(
    Operation operation,
    String conditionExpression,
    String updateExpression,
    String projectionExpression,
    String filterExpression,
    String keyConditionExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    Map<String, ExpectedAttributeValue> expected,
    ConditionalOperator conditionalOperator,
    Map<String, AttributeValueUpdate> attributeUpdates,
    Map<String, io.dynamo4j.api.Condition> keyConditions,
    Map<String, io.dynamo4j.api.Condition> queryFilter,
    Map<String, io.dynamo4j.api.Condition> scanFilter,
    List<String> attributesToGet) {

  /** The kinds of request that carry expressions. */
  public enum Operation {
    /** PutItem, and Put in TransactWriteItems. */
    PUT,
    /** UpdateItem, and Update in TransactWriteItems. */
    UPDATE,
    /** DeleteItem, and Delete in TransactWriteItems. */
    DELETE,
    /** ConditionCheck in TransactWriteItems. */
    CONDITION_CHECK,
    /** GetItem, and Get in TransactGetItems. */
    GET,
    /** One table's KeysAndAttributes in BatchGetItem. */
    BATCH_GET,
    /** Query. */
    QUERY,
    /** Scan. */
    SCAN
  }

  public ExpressionInputs {
    if (operation == null) {
      throw new IllegalArgumentException("ExpressionInputs: operation is required");
    }
  }

  /** A builder for the given operation with every member absent. */
  public static Builder builder(Operation operation) {
    return new Builder(operation);
  }

  public static ExpressionInputs of(PutItemRequest r) {
    return builder(Operation.PUT).conditionExpression(r.conditionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .expected(r.expected()).conditionalOperator(r.conditionalOperator()).build();
  }

  public static ExpressionInputs of(UpdateItemRequest r) {
    return builder(Operation.UPDATE).updateExpression(r.updateExpression()).conditionExpression(r.conditionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .expected(r.expected()).conditionalOperator(r.conditionalOperator()).attributeUpdates(r.attributeUpdates())
        .build();
  }

  public static ExpressionInputs of(DeleteItemRequest r) {
    return builder(Operation.DELETE).conditionExpression(r.conditionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .expected(r.expected()).conditionalOperator(r.conditionalOperator()).build();
  }

  public static ExpressionInputs of(GetItemRequest r) {
    return builder(Operation.GET).projectionExpression(r.projectionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).attributesToGet(r.attributesToGet()).build();
  }

  public static ExpressionInputs of(QueryRequest r) {
    return builder(Operation.QUERY).keyConditionExpression(r.keyConditionExpression())
        .filterExpression(r.filterExpression()).projectionExpression(r.projectionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .keyConditions(r.keyConditions()).queryFilter(r.queryFilter()).conditionalOperator(r.conditionalOperator())
        .attributesToGet(r.attributesToGet()).build();
  }

  public static ExpressionInputs of(ScanRequest r) {
    return builder(Operation.SCAN).filterExpression(r.filterExpression()).projectionExpression(r.projectionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .scanFilter(r.scanFilter()).conditionalOperator(r.conditionalOperator()).attributesToGet(r.attributesToGet())
        .build();
  }

  /** One table's entry of a BatchGetItem request. */
  public static ExpressionInputs of(KeysAndAttributes r) {
    return builder(Operation.BATCH_GET).projectionExpression(r.projectionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).attributesToGet(r.attributesToGet()).build();
  }

  public static ExpressionInputs of(Put r) {
    return builder(Operation.PUT).conditionExpression(r.conditionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .build();
  }

  public static ExpressionInputs of(Update r) {
    return builder(Operation.UPDATE).updateExpression(r.updateExpression()).conditionExpression(r.conditionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .build();
  }

  public static ExpressionInputs of(Delete r) {
    return builder(Operation.DELETE).conditionExpression(r.conditionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .build();
  }

  public static ExpressionInputs of(ConditionCheck r) {
    return builder(Operation.CONDITION_CHECK).conditionExpression(r.conditionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).expressionAttributeValues(r.expressionAttributeValues())
        .build();
  }

  public static ExpressionInputs of(Get r) {
    return builder(Operation.GET).projectionExpression(r.projectionExpression())
        .expressionAttributeNames(r.expressionAttributeNames()).build();
  }

  /** Builds {@link ExpressionInputs}. Not thread-safe. */
  public static final class Builder {
    private final Operation operation;
    private String conditionExpression;
    private String updateExpression;
    private String projectionExpression;
    private String filterExpression;
    private String keyConditionExpression;
    private Map<String, String> expressionAttributeNames;
    private Map<String, AttributeValue> expressionAttributeValues;
    private Map<String, ExpectedAttributeValue> expected;
    private ConditionalOperator conditionalOperator;
    private Map<String, AttributeValueUpdate> attributeUpdates;
    private Map<String, io.dynamo4j.api.Condition> keyConditions;
    private Map<String, io.dynamo4j.api.Condition> queryFilter;
    private Map<String, io.dynamo4j.api.Condition> scanFilter;
    private List<String> attributesToGet;

    private Builder(Operation operation) {
      this.operation = operation;
    }

    public Builder conditionExpression(String value) {
      this.conditionExpression = value;
      return this;
    }

    public Builder updateExpression(String value) {
      this.updateExpression = value;
      return this;
    }

    public Builder projectionExpression(String value) {
      this.projectionExpression = value;
      return this;
    }

    public Builder filterExpression(String value) {
      this.filterExpression = value;
      return this;
    }

    public Builder keyConditionExpression(String value) {
      this.keyConditionExpression = value;
      return this;
    }

    public Builder expressionAttributeNames(Map<String, String> value) {
      this.expressionAttributeNames = value;
      return this;
    }

    public Builder expressionAttributeValues(Map<String, AttributeValue> value) {
      this.expressionAttributeValues = value;
      return this;
    }

    public Builder expected(Map<String, ExpectedAttributeValue> value) {
      this.expected = value;
      return this;
    }

    public Builder conditionalOperator(ConditionalOperator value) {
      this.conditionalOperator = value;
      return this;
    }

    public Builder attributeUpdates(Map<String, AttributeValueUpdate> value) {
      this.attributeUpdates = value;
      return this;
    }

    public Builder keyConditions(Map<String, io.dynamo4j.api.Condition> value) {
      this.keyConditions = value;
      return this;
    }

    public Builder queryFilter(Map<String, io.dynamo4j.api.Condition> value) {
      this.queryFilter = value;
      return this;
    }

    public Builder scanFilter(Map<String, io.dynamo4j.api.Condition> value) {
      this.scanFilter = value;
      return this;
    }

    public Builder attributesToGet(List<String> value) {
      this.attributesToGet = value;
      return this;
    }

    public ExpressionInputs build() {
      return new ExpressionInputs(operation, conditionExpression, updateExpression, projectionExpression,
          filterExpression, keyConditionExpression, expressionAttributeNames, expressionAttributeValues, expected,
          conditionalOperator, attributeUpdates, keyConditions, queryFilter, scanFilter, attributesToGet);
    }
  }
}
