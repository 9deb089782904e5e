package io.dynamo4j.junit;

import static io.dynamo4j.api.OperationType.INSERT;
import static io.dynamo4j.api.OperationType.MODIFY;
import static io.dynamo4j.api.OperationType.REMOVE;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import io.dynamo4j.spi.Engine;
import org.junit.jupiter.api.Test;

/** Recording a table's stream and asserting on the sequence of its records. */
@DynamoTest(tables = Order.class, tableDefinitions = "tables/events.json")
@Fixture(table = "Events", value = "fixtures/events.json")
class StreamRecorderTest {

  @RecordStream("Events")
  StreamRecorder eventsField;

  static final Key S1_3 = Key.of("stream", s("s-1"), "seq", n(3));

  @Test
  void recorder_seesChangesFromItsStart_inOrder_withImages(@RecordStream("Events") StreamRecorder events,
      DynamoClient client) {
    Item created = Item.of("stream", s("s-1"), "seq", n(3), "kind", s("shipped"));
    client.putItem(r -> r.tableName("Events").item(created));
    client.updateItem(r -> r.tableName("Events").key(S1_3.toItem()).updateExpression("SET kind = :k")
        .expressionAttributeValues(java.util.Map.of(":k", s("delivered"))));
    client.deleteItem(r -> r.tableName("Events").key(Key.of("stream", s("s-1"), "seq", n(1)).toItem()));

    events.assertThat()
        .hasSize(3)
        .hasEventNames(INSERT, MODIFY, REMOVE)
        .hasKeys(S1_3, S1_3, Key.of("stream", s("s-1"), "seq", n(1)));
    events.assertThat().first().isInsert().hasNewImage(created).hasNoOldImage().isUserChange();
    events.assertThat().record(1).isModify().oldImageHas("kind", s("shipped")).newImageHas("kind", s("delivered"));
    events.assertThat().last().isRemove().hasNoNewImage().oldImageHas("kind", s("created"));
    events.assertThat().forKey(S1_3).hasEventNames(INSERT, MODIFY);
    events.assertThat().only(REMOVE).hasSize(1);
    assertThat(eventsField.records()).as("the field recorder started before the test too").hasSize(3);
  }

  @Test
  void recorder_fromTrimHorizon_seesWhatCameBefore(Engine engine) {
    StreamRecorder.fromTrimHorizon(engine, "Events").assertThat().hasEventNames(INSERT, INSERT);
    StreamRecorder.start(engine, "Events").assertThat().isEmpty();
  }

  @Test
  void recorder_tableWithoutStream_enablesOne(LocalEngine engine, MappedTable<Order> orders) {
    assertThat(engine.describeTable(r -> r.tableName("Orders")).table().streamSpecification()).isNull();

    StreamRecorder recorder = StreamRecorder.start(engine, "Orders");
    orders.put(Order.of("o-1", "c-1", "5"));

    assertThat(engine.describeTable(r -> r.tableName("Orders")).table().streamSpecification().streamViewType())
        .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    recorder.assertThat().hasSize(1).first().isInsert().newImageHas("customer", s("c-1"));
  }

  @Test
  void recorder_manyRecords_areReadAcrossPages(@RecordStream("Events") StreamRecorder events, DynamoClient client) {
    for (int i = 0; i < 1500; i++) {
      int seq = 100 + i;
      client.putItem(r -> r.tableName("Events").item(Item.of("stream", s("s-" + (seq % 7)), "seq", n(seq))));
    }
    assertThat(events.records()).hasSize(1500);
    assertThat(events.records()).extracting(r -> r.dynamodb().keys().getN("seq").intValue())
        .isSorted().startsWith(100, 101, 102);
  }

  @Test
  void assertions_failing_sayWhatWasExpected_andListTheRecords(@RecordStream("Events") StreamRecorder events,
      DynamoClient client) {
    client.putItem(r -> r.tableName("Events").item(Item.of("stream", s("s-2"), "seq", n(1))));

    assertThatThrownBy(() -> events.assertThat().hasEventNames(MODIFY))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Events's stream: expected events [MODIFY] but found [INSERT]: [\n  INSERT "
            + "{\"stream\":{\"S\":\"s-2\"},\"seq\":{\"N\":\"1\"}} #");
    assertThatThrownBy(() -> events.assertThat().first().isRemove())
        .hasMessage("Events's stream, record 0: expected REMOVE but was INSERT {\"stream\":{\"S\":\"s-2\"},\"seq\":{\"N\":\"1\"}}");
    assertThatThrownBy(() -> events.assertThat().first().newImageHas("kind", s("x")))
        .hasMessageEndingWith("expected NewImage.kind {\"S\":\"x\"} but was null");
    assertThatThrownBy(() -> events.assertThat().record(5)).hasMessageStartingWith("Events's stream: no record 5; there are 1");
    assertThatThrownBy(() -> events.assertThat().hasSize(2)).hasMessageStartingWith("Events's stream: expected 2 records but found 1");
  }
}
