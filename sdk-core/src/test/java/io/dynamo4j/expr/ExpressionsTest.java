package io.dynamo4j.expr;

import static io.dynamo4j.expr.ConditionExpression.attributeNotExists;
import static io.dynamo4j.expr.ConditionExpression.eq;
import static io.dynamo4j.expr.ConditionExpression.gt;
import static io.dynamo4j.expr.ConditionExpressionTest.names;
import static io.dynamo4j.expr.ConditionExpressionTest.values;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.ConditionCheck;
import io.dynamo4j.api.Delete;
import io.dynamo4j.api.DeleteItemRequest;
import io.dynamo4j.api.Get;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.Update;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.model.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

  static final AttributePath STOCK = AttributePath.of("stock");
  static final Item KEY = Item.of("pk", s("k"));

  static final Expressions WRITE = Expressions.builder()
      .update(UpdateExpression.empty().set(STOCK, SetValue.minus(STOCK, n(1))))
      .condition(gt(STOCK, n(0)))
      .build();
  static final Expressions CONDITION = Expressions.builder().condition(attributeNotExists(AttributePath.of("pk"))).build();
  static final Expressions PROJECTION = Expressions.builder().projection(ProjectionExpression.attributes("id", "name")).build();

  @Test
  void build_readExpressions_shareOneNameAndValueMap() {
    Expressions e = Expressions.builder()
        .keyCondition(KeyConditionExpression.partition("customer", s("c-7")))
        .filter(gt(AttributePath.of("total"), n(100)))
        .projection(ProjectionExpression.attributes("orderId", "total"))
        .build();

    assertThat(e.keyConditionExpression()).isEqualTo("#n0 = :v0");
    assertThat(e.filterExpression()).isEqualTo("#n1 > :v1");
    assertThat(e.projectionExpression()).isEqualTo("#n2, #n1");
    assertThat(e.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "customer", "#n1", "total", "#n2", "orderId"));
    assertThat(e.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", s("c-7"), ":v1", n(100)));
    assertThat(e.updateExpression()).isNull();
    assertThat(e.conditionExpression()).isNull();
  }

  @Test
  void build_updateAndCondition_shareTheNameOfOnePath() {
    assertThat(WRITE.updateExpression()).isEqualTo("SET #n0 = #n0 - :v0");
    assertThat(WRITE.conditionExpression()).isEqualTo("#n0 > :v1");
    assertThat(WRITE.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "stock"));
    assertThat(WRITE.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", n(1), ":v1", n(0)));
  }

  @Test
  void build_allKinds_numberInOrderKeyUpdateConditionFilterProjection() {
    Expressions e = Expressions.builder()
        .projection(ProjectionExpression.attributes("e"))
        .filter(eq(AttributePath.of("d"), n(4)))
        .condition(eq(AttributePath.of("c"), n(3)))
        .update(UpdateExpression.empty().set(AttributePath.of("b"), n(2)))
        .keyCondition(KeyConditionExpression.partition("a", n(1)))
        .build();

    assertThat(e.keyConditionExpression()).isEqualTo("#n0 = :v0");
    assertThat(e.updateExpression()).isEqualTo("SET #n1 = :v1");
    assertThat(e.conditionExpression()).isEqualTo("#n2 = :v2");
    assertThat(e.filterExpression()).isEqualTo("#n3 = :v3");
    assertThat(e.projectionExpression()).isEqualTo("#n4");
  }

  @Test
  void build_rawFragmentsInDifferentExpressions_neverCollide() {
    Expressions e = Expressions.builder()
        .update(UpdateExpression.raw("SET #n0 = :v0", Map.of("#n0", "a"), Map.of(":v0", n(1))))
        .condition(ConditionExpression.raw("#n0 <> :v0", Map.of("#n0", "b"), Map.of(":v0", n(2))))
        .build();

    assertThat(e.updateExpression()).isEqualTo("SET #n0 = :v0");
    assertThat(e.conditionExpression()).isEqualTo("#n1 <> :v1");
    assertThat(e.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "a", "#n1", "b"));
    assertThat(e.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", n(1), ":v1", n(2)));
  }

  @Test
  void build_nothingSet_isEmpty() {
    Expressions e = Expressions.builder().build();
    assertThat(e.expressionAttributeNames()).isEmpty();
    assertThat(e.expressionAttributeValues()).isEmpty();
    assertThat(e.conditionExpression()).isNull();
  }

  @Test
  void builder_setNull_removesKind() {
    Expressions e = Expressions.builder().condition(gt(STOCK, n(0))).condition(null).projection(ProjectionExpression.attributes("a")).build();
    assertThat(e.conditionExpression()).isNull();
    assertThat(e.projectionExpression()).isEqualTo("#n0");
  }

  @Test
  void maps_areUnmodifiable() {
    assertThatThrownBy(() -> WRITE.expressionAttributeNames().put("#x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> WRITE.expressionAttributeValues().put(":x", n(1))).isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- applyTo, each shape

  @Test
  void applyTo_putItemRequest_setsConditionAndMaps() {
    PutItemRequest r = CONDITION.applyTo(PutItemRequest.builder().tableName("t").item(KEY)).build();
    assertThat(r.tableName()).isEqualTo("t");
    assertThat(r.conditionExpression()).isEqualTo("attribute_not_exists(#n0)");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "pk"));
    assertThat(r.expressionAttributeValues()).isNull();
  }

  @Test
  void applyTo_updateItemRequest_setsUpdateConditionAndMaps() {
    UpdateItemRequest r = WRITE.applyTo(UpdateItemRequest.builder().tableName("t").key(KEY)).build();
    assertThat(r.key()).isEqualTo(KEY);
    assertThat(r.updateExpression()).isEqualTo("SET #n0 = #n0 - :v0");
    assertThat(r.conditionExpression()).isEqualTo("#n0 > :v1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "stock"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", n(1), ":v1", n(0)));
  }

  @Test
  void applyTo_deleteItemRequest_setsConditionAndMaps() {
    DeleteItemRequest r = Expressions.builder().condition(gt(STOCK, n(0))).build().applyTo(DeleteItemRequest.builder().tableName("t").key(KEY)).build();
    assertThat(r.conditionExpression()).isEqualTo("#n0 > :v0");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "stock"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", n(0)));
  }

  @Test
  void applyTo_getItemRequest_setsProjectionAndNames() {
    GetItemRequest r = PROJECTION.applyTo(GetItemRequest.builder().tableName("t").key(KEY).consistentRead(true)).build();
    assertThat(r.consistentRead()).isTrue();
    assertThat(r.projectionExpression()).isEqualTo("#n0, #n1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "id", "#n1", "name"));
  }

  @Test
  void applyTo_queryRequest_setsKeyConditionFilterProjectionAndMaps() {
    Expressions e = Expressions.builder()
        .keyCondition(KeyConditionExpression.partition("pk", s("k")).sortBeginsWith("sk", s("o#")))
        .filter(gt(STOCK, n(0)))
        .projection(ProjectionExpression.attributes("sk", "stock"))
        .build();
    QueryRequest r = e.applyTo(QueryRequest.builder().tableName("t").indexName("i").limit(5)).build();
    assertThat(r.indexName()).isEqualTo("i");
    assertThat(r.limit()).isEqualTo(5);
    assertThat(r.keyConditionExpression()).isEqualTo("#n0 = :v0 AND begins_with(#n1, :v1)");
    assertThat(r.filterExpression()).isEqualTo("#n2 > :v2");
    assertThat(r.projectionExpression()).isEqualTo("#n1, #n2");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "pk", "#n1", "sk", "#n2", "stock"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", s("k"), ":v1", s("o#"), ":v2", n(0)));
  }

  @Test
  void applyTo_scanRequest_setsFilterProjectionAndMaps() {
    Expressions e = Expressions.builder().filter(gt(STOCK, n(0))).projection(ProjectionExpression.attributes("id")).build();
    ScanRequest r = e.applyTo(ScanRequest.builder().tableName("t").segment(0).totalSegments(2)).build();
    assertThat(r.totalSegments()).isEqualTo(2);
    assertThat(r.filterExpression()).isEqualTo("#n0 > :v0");
    assertThat(r.projectionExpression()).isEqualTo("#n1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "stock", "#n1", "id"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", n(0)));
  }

  @Test
  void applyTo_transactionPut_setsConditionAndMaps() {
    Put r = CONDITION.applyTo(Put.builder().tableName("t").item(KEY)).build();
    assertThat(r.item()).isEqualTo(KEY);
    assertThat(r.conditionExpression()).isEqualTo("attribute_not_exists(#n0)");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "pk"));
    assertThat(r.expressionAttributeValues()).isNull();
  }

  @Test
  void applyTo_transactionUpdate_setsUpdateConditionAndMaps() {
    Update r = WRITE.applyTo(Update.builder().tableName("t").key(KEY)).build();
    assertThat(r.updateExpression()).isEqualTo("SET #n0 = #n0 - :v0");
    assertThat(r.conditionExpression()).isEqualTo("#n0 > :v1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "stock"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", n(1), ":v1", n(0)));
  }

  @Test
  void applyTo_transactionDelete_setsConditionAndMaps() {
    Delete r = CONDITION.applyTo(Delete.builder().tableName("t").key(KEY)).build();
    assertThat(r.conditionExpression()).isEqualTo("attribute_not_exists(#n0)");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "pk"));
  }

  @Test
  void applyTo_conditionCheck_setsConditionAndMaps() {
    ConditionCheck r = Expressions.builder().condition(gt(STOCK, n(0))).build().applyTo(ConditionCheck.builder().tableName("t").key(KEY)).build();
    assertThat(r.conditionExpression()).isEqualTo("#n0 > :v0");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "stock"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", n(0)));
  }

  @Test
  void applyTo_transactionGet_setsProjectionAndNames() {
    Get r = PROJECTION.applyTo(Get.builder().tableName("t").key(KEY)).build();
    assertThat(r.projectionExpression()).isEqualTo("#n0, #n1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "id", "#n1", "name"));
  }

  @Test
  void applyTo_keysAndAttributes_setsProjectionAndNames() {
    KeysAndAttributes r = PROJECTION.applyTo(KeysAndAttributes.builder().keys(java.util.List.of(KEY))).build();
    assertThat(r.keys()).containsExactly(KEY);
    assertThat(r.projectionExpression()).isEqualTo("#n0, #n1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "id", "#n1", "name"));
  }

  // ---------------------------------------------------------------- applyTo, merging and misuse

  @Test
  void applyTo_kindTheRequestDoesNotTake_throws() {
    assertThatThrownBy(() -> WRITE.applyTo(PutItemRequest.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot apply a UpdateExpression to a PutItemRequest, which takes only ConditionExpression");
    assertThatThrownBy(() -> CONDITION.applyTo(QueryRequest.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot apply a ConditionExpression to a QueryRequest, which takes only KeyConditionExpression,"
            + " FilterExpression, ProjectionExpression");
    assertThatThrownBy(() -> CONDITION.applyTo(GetItemRequest.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot apply a ConditionExpression to a GetItemRequest, which takes only ProjectionExpression");
    assertThatThrownBy(() -> PROJECTION.applyTo(ConditionCheck.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot apply a ProjectionExpression to a ConditionCheck, which takes only ConditionExpression");
  }

  @Test
  void applyTo_requestWithOtherExpressions_keepsThemAndRenamesOursAroundThem() {
    QueryRequest.Builder b = QueryRequest.builder().tableName("t")
        .projectionExpression("#a, #n0")
        .filterExpression("#old = :v0")
        .expressionAttributeNames(Map.of("#a", "x", "#n0", "stock", "#old", "gone"))
        .expressionAttributeValues(Map.of(":v0", s("gone")));
    Expressions e = Expressions.builder()
        .keyCondition(KeyConditionExpression.partition("pk", s("k")))
        .filter(gt(STOCK, n(0)))
        .build();

    QueryRequest r = e.applyTo(b).build();

    assertThat(r.projectionExpression()).isEqualTo("#a, #n0");
    assertThat(r.keyConditionExpression()).isEqualTo("#n1 = :v0");
    assertThat(r.filterExpression()).isEqualTo("#n0 > :v1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#a", "x", "#n0", "stock", "#n1", "pk"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", s("k"), ":v1", n(0)));
  }

  @Test
  void applyTo_existingValuesClashWithOurs_renamesOurs() {
    UpdateItemRequest.Builder b = UpdateItemRequest.builder()
        .updateExpression("SET #n0 = :v0")
        .expressionAttributeNames(Map.of("#n0", "other"))
        .expressionAttributeValues(Map.of(":v0", s("old")));
    Expressions e = Expressions.builder().condition(gt(STOCK, n(0))).build();

    UpdateItemRequest r = e.applyTo(b).build();

    assertThat(r.updateExpression()).isEqualTo("SET #n0 = :v0");
    assertThat(r.conditionExpression()).isEqualTo("#n1 > :v1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "other", "#n1", "stock"));
    assertThat(r.expressionAttributeValues()).containsExactlyEntriesOf(values(":v0", s("old"), ":v1", n(0)));
  }

  @Test
  void applyTo_replacedExpression_dropsItsPlaceholders() {
    PutItemRequest.Builder b = PutItemRequest.builder()
        .conditionExpression("#x = :x")
        .expressionAttributeNames(Map.of("#x", "old"))
        .expressionAttributeValues(Map.of(":x", n(9)));

    PutItemRequest r = CONDITION.applyTo(b).build();

    assertThat(r.conditionExpression()).isEqualTo("attribute_not_exists(#n0)");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "pk"));
    assertThat(r.expressionAttributeValues()).isNull();
  }

  @Test
  void applyTo_existingTextWithUndefinedPlaceholder_keepsItAndGeneratesAroundIt() {
    QueryRequest r = PROJECTION.applyTo(QueryRequest.builder().filterExpression("#n0 = :v0")).build();
    assertThat(r.filterExpression()).isEqualTo("#n0 = :v0");
    assertThat(r.projectionExpression()).isEqualTo("#n1, #n2");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n1", "id", "#n2", "name"));
    assertThat(r.expressionAttributeValues()).isNull();
  }

  @Test
  void applyTo_sameKindAgain_replacesIt() {
    GetItemRequest r = PROJECTION.applyTo(GetItemRequest.builder().projectionExpression("#p")
        .expressionAttributeNames(Map.of("#p", "old"))).build();
    assertThat(r.projectionExpression()).isEqualTo("#n0, #n1");
    assertThat(r.expressionAttributeNames()).containsExactlyEntriesOf(names("#n0", "id", "#n1", "name"));
  }

  @Test
  void applyTo_emptyExpressions_leavesBuilderUnchanged() {
    PutItemRequest.Builder b = PutItemRequest.builder().conditionExpression("#a = :a")
        .expressionAttributeNames(Map.of("#a", "x", "#unused", "y")).expressionAttributeValues(Map.of(":a", n(1)));
    PutItemRequest r = Expressions.builder().build().applyTo(b).build();
    assertThat(r.conditionExpression()).isEqualTo("#a = :a");
    assertThat(r.expressionAttributeNames()).containsOnlyKeys("#a", "#unused");
  }

  @Test
  void applyTo_nullBuilder_throws() {
    assertThatThrownBy(() -> CONDITION.applyTo((PutItemRequest.Builder) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request builder must not be null");
  }

  @Test
  void equalsAndToString() {
    Expressions again = Expressions.builder().condition(attributeNotExists(AttributePath.of("pk"))).build();
    assertThat(CONDITION).isEqualTo(again).hasSameHashCodeAs(again).isNotEqualTo(PROJECTION);
    assertThat(WRITE).hasToString("Expressions{UpdateExpression=SET #n0 = #n0 - :v0, ConditionExpression=#n0 > :v1,"
        + " ExpressionAttributeNames={#n0=stock}, ExpressionAttributeValues={:v0={N: 1}, :v1={N: 0}}}");
  }
}
