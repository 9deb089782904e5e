package io.dynamo4j.engine.tck.stream;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.Delete;
import io.dynamo4j.api.DeleteRequest;
import io.dynamo4j.api.Identity;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.OperationType;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.StreamRecord;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every write kind against every view type produces exactly the records DynamoDB writes: INSERT,
 * MODIFY, REMOVE with the images the view type includes, SizeBytes of keys and images,
 * ApproximateCreationDateTime rounded down to the second, and no record at all for a write that
 * changes nothing or fails its condition.
 */
class StreamRecordsTest extends EngineTest {

  /**
   * Small provisioned throughput: the table has one partition, so its stream has one shard and one
   * order of records to pin (an on-demand table starts with four partitions, as DynamoDB's).
   */
  private static final ProvisionedThroughput ONE_PARTITION = ProvisionedThroughput.of(5, 5);

  private static final Item A = Item.of("pk", s("a"), "sk", n(1));
  private static final Item B = Item.of("pk", s("b"), "sk", n(1));
  private static final Item C = Item.of("pk", s("c"), "sk", n(1));

  /** One expected change: old and new item (either may be null). */
  private record Change(Item oldItem, Item newItem, boolean byService) {}

  private void createTable(StreamViewType viewType) {
    engine.createTable(t -> t.tableName("Rec").billingMode(BillingMode.PROVISIONED).provisionedThroughput(ONE_PARTITION)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"))
        .streamSpecification(new StreamSpecification(true, viewType)));
  }

  @ParameterizedTest
  @EnumSource(StreamViewType.class)
  void writes_everyKind_produceExactlyDynamoDbsRecords(StreamViewType viewType) {
    clock.set(Instant.parse("2026-03-04T05:06:07.750Z"));
    createTable(viewType);
    List<Change> expected = new ArrayList<>();

    Item a1 = A.with("v", n(1));
    engine.putItem(p -> p.tableName("Rec").item(a1));
    expected.add(new Change(null, a1, false));

    engine.putItem(p -> p.tableName("Rec").item(a1)); // the same item: nothing changes, no record

    Item a2 = A.with("w", s("x"));
    engine.putItem(p -> p.tableName("Rec").item(a2));
    expected.add(new Change(a1, a2, false));

    engine.updateItem(u -> u.tableName("Rec").key(A).updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", n(5))));
    Item a3 = a2.with("n", n(5));
    expected.add(new Change(a2, a3, false));

    engine.updateItem(u -> u.tableName("Rec").key(A).updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", n(5))));

    engine.updateItem(u -> u.tableName("Rec").key(B).updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(1))));
    Item b1 = B.with("v", n(1));
    expected.add(new Change(null, b1, false));

    assertThatThrownBy(() -> engine.putItem(p -> p.tableName("Rec").item(A.with("z", s("no")))
        .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
    assertThatThrownBy(() -> engine.updateItem(u -> u.tableName("Rec").key(A).updateExpression("SET z = :z")
        .conditionExpression("n = :z").expressionAttributeValues(Map.of(":z", n(0)))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    engine.deleteItem(d -> d.tableName("Rec").key(C)); // nothing to delete

    Item c1 = C.with("v", n(3));
    engine.batchWriteItem(b -> b.requestItems(Map.of("Rec", List.of(
        new WriteRequest(new PutRequest(c1), null), new WriteRequest(null, new DeleteRequest(B))))));
    expected.add(new Change(null, c1, false));
    expected.add(new Change(b1, null, false));

    assertThatThrownBy(() -> engine.deleteItem(d -> d.tableName("Rec").key(C).conditionExpression("attribute_not_exists(v)")))
        .isInstanceOf(ConditionalCheckFailedException.class);
    engine.deleteItem(d -> d.tableName("Rec").key(A));
    expected.add(new Change(a3, null, false));

    // A TTL deletion: REMOVE in the service's name.
    engine.updateTimeToLive(u -> u.tableName("Rec").timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("exp")));
    Item c2 = c1.with("exp", n(clock.instant().getEpochSecond() - 10));
    engine.putItem(p -> p.tableName("Rec").item(c2));
    expected.add(new Change(c1, c2, false));
    assertThat(engine.sweepExpiredItems()).isEqualTo(1);
    expected.add(new Change(c2, null, true));

    List<Record> records = StreamReader.readAll(engine, StreamReader.arn(engine, "Rec"));
    assertThat(records).hasSize(expected.size());
    Set<String> eventIds = new HashSet<>();
    String previous = "";
    for (int i = 0; i < records.size(); i++) {
      Record r = records.get(i);
      Change c = expected.get(i);
      assertThat(r.eventID()).matches("[0-9a-f]{32}");
      assertThat(eventIds.add(r.eventID())).as("eventID %s unique", r.eventID()).isTrue();
      String seq = r.dynamodb().sequenceNumber();
      assertThat(seq).matches("[0-9]{21,40}");
      assertThat(seq.compareTo(previous)).as("sequence numbers increase").isPositive();
      previous = seq;
      assertThat(r.toBuilder().dynamodb(r.dynamodb().toBuilder().sequenceNumber(null).build()).eventID(null).build())
          .as("record %d", i).isEqualTo(expected(c, viewType));
    }
  }

  /** The record DynamoDB writes for {@code c}, without eventID and SequenceNumber. */
  private static Record expected(Change c, StreamViewType viewType) {
    Item any = c.newItem() != null ? c.newItem() : c.oldItem();
    Item keys = Item.of("pk", any.get("pk"), "sk", any.get("sk"));
    boolean withNew = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    boolean withOld = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    Item newImage = withNew ? c.newItem() : null;
    Item oldImage = withOld ? c.oldItem() : null;
    long size = keys.sizeInBytes() + (newImage == null ? 0 : newImage.sizeInBytes()) + (oldImage == null ? 0 : oldImage.sizeInBytes());
    OperationType type = c.oldItem() == null ? OperationType.INSERT : c.newItem() == null ? OperationType.REMOVE : OperationType.MODIFY;
    return new Record(null, type, "1.1", "aws:dynamodb", "us-east-1",
        new StreamRecord(Instant.parse("2026-03-04T05:06:07Z"), keys, newImage, oldImage, null, size, viewType),
        c.byService() ? new Identity("dynamodb.amazonaws.com", "Service") : null);
  }

  @ParameterizedTest
  @EnumSource(StreamViewType.class)
  void transaction_writesOfEveryItem_produceOneRecordEach(StreamViewType viewType) {
    createTable(viewType);
    engine.putItem(p -> p.tableName("Rec").item(B.with("v", n(1))));
    List<TransactWriteItem> items = List.of(
        TransactWriteItem.builder().put(Put.builder().tableName("Rec").item(A.with("v", n(2))).build()).build(),
        TransactWriteItem.builder().delete(Delete.builder().tableName("Rec").key(B).build()).build());
    try {
      engine.transactWriteItems(t -> t.transactItems(items));
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("this engine does not implement TransactWriteItems yet: " + e.getMessage());
    }
    List<Record> records = StreamReader.readAll(engine, StreamReader.arn(engine, "Rec"));
    assertThat(records).extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.INSERT, OperationType.REMOVE);
    assertThat(records.get(1).dynamodb().keys()).isEqualTo(A);
    assertThat(records.get(2).dynamodb().keys()).isEqualTo(B);
  }

  @ParameterizedTest
  @EnumSource(StreamViewType.class)
  void records_approximateCreationDateTime_isTheCommitSecond(StreamViewType viewType) {
    createTable(viewType);
    engine.putItem(p -> p.tableName("Rec").item(A));
    clock.advance(Duration.ofMillis(2_500));
    engine.putItem(p -> p.tableName("Rec").item(A.with("v", n(1))));
    List<Record> records = StreamReader.readAll(engine, StreamReader.arn(engine, "Rec"));
    assertThat(records).extracting(r -> r.dynamodb().approximateCreationDateTime())
        .containsExactly(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:02Z"));
  }
}
