package io.dynamo4j.engine.tck.stream;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.TrimmedDataAccessException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid Streams requests, one per row: the exception type and DynamoDB's exact message
 * (DynamoDB Local's texts; the service model's for expired and trimmed positions; the real
 * service's ValidationException for a malformed stream ARN). Fixture: table {@code Errs} with a
 * stream and one record.
 */
class StreamErrorsTest extends EngineTest {

  /**
   * Small provisioned throughput: the table has one partition, so its stream has one shard and one
   * order of records to pin (an on-demand table starts with four partitions, as DynamoDB's).
   */
  private static final ProvisionedThroughput ONE_PARTITION = ProvisionedThroughput.of(5, 5);

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String MISSING = "arn:aws:dynamodb:us-east-1:000000000000:table/Nope/stream/2026-01-01T00:00:00.000";

  private String arn;
  private String shard;
  private String start;

  @BeforeEach
  void createFixture() {
    engine.createTable(t -> t.tableName("Errs").billingMode(BillingMode.PROVISIONED).provisionedThroughput(ONE_PARTITION)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
        .streamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY)));
    engine.putItem(p -> p.tableName("Errs").item(Item.of("pk", s("a"))));
    arn = StreamReader.arn(engine, "Errs");
    shard = engine.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
    start = engine.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).sequenceNumberRange()
        .startingSequenceNumber();
  }

  /** A request against the fixture: the engine, then the fixture's stream ARN, shard id and starting sequence number. */
  private interface Call {
    void run(LocalEngine engine, String arn, String shard, String start);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void request_invalid_failsWithDynamoDbsErrorAndMessage(String name, Call call, Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> call.run(engine, arn, shard, start)).isInstanceOf(type).hasMessage(message);
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    c.add(Arguments.of("ListStreams Limit 0", (Call) (e, a, s, n) -> e.listStreams(l -> l.limit(0)), ValidationException.class,
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(Arguments.of("ListStreams Limit 101", (Call) (e, a, s, n) -> e.listStreams(l -> l.limit(101)), ValidationException.class,
        INVALID + "Limit cannot be greater than the maximum allowed size: 100"));
    c.add(Arguments.of("ListStreams bad start ARN", (Call) (e, a, s, n) -> e.listStreams(l -> l.exclusiveStartStreamArn("x".repeat(40))),
        ValidationException.class, "Invalid StreamArn"));
    c.add(Arguments.of("DescribeStream Limit 0", (Call) (e, a, s, n) -> e.describeStream(d -> d.streamArn(a).limit(0)),
        ValidationException.class,
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(Arguments.of("DescribeStream Limit 101", (Call) (e, a, s, n) -> e.describeStream(d -> d.streamArn(a).limit(101)),
        ValidationException.class, INVALID + "Limit cannot be greater than the maximum: 100"));
    c.add(Arguments.of("DescribeStream malformed ARN", (Call) (e, a, s, n) -> e.describeStream(d -> d.streamArn("x".repeat(40))),
        ValidationException.class, "Invalid StreamArn"));
    c.add(Arguments.of("DescribeStream unknown stream", (Call) (e, a, s, n) -> e.describeStream(d -> d.streamArn(MISSING)),
        ResourceNotFoundException.class, "Requested resource not found: Stream: " + MISSING + " not found"));
    c.add(Arguments.of("DescribeStream ARN too short", (Call) (e, a, s, n) -> e.describeStream(d -> d.streamArn("arn")),
        ValidationException.class,
        "1 validation error detected: Value 'arn' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37"));
    c.add(Arguments.of("GetShardIterator unknown stream",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(MISSING).shardId(s).shardIteratorType(ShardIteratorType.LATEST)),
        ResourceNotFoundException.class, "Stream does not exist"));
    c.add(Arguments.of("GetShardIterator malformed ARN",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn("y".repeat(40)).shardId(s).shardIteratorType(ShardIteratorType.LATEST)),
        ValidationException.class, "Invalid StreamArn"));
    c.add(Arguments.of("GetShardIterator unknown shard",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId("shardId-00000000000000000000-ffffffff")
            .shardIteratorType(ShardIteratorType.LATEST)),
        ResourceNotFoundException.class, "Shard does not exist"));
    c.add(Arguments.of("GetShardIterator AT_SEQUENCE_NUMBER without number",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)),
        ValidationException.class, INVALID + "Invalid SequenceNumber"));
    c.add(Arguments.of("GetShardIterator AFTER_SEQUENCE_NUMBER not a number",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
            .sequenceNumber("x".repeat(21))),
        ValidationException.class, INVALID + "Invalid SequenceNumber"));
    c.add(Arguments.of("GetShardIterator TRIM_HORIZON with number",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.TRIM_HORIZON)
            .sequenceNumber(n)),
        ValidationException.class, INVALID + "SequenceNumber should not be passed for this iterator type"));
    c.add(Arguments.of("GetShardIterator LATEST with number",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.LATEST)
            .sequenceNumber(n)),
        ValidationException.class, INVALID + "SequenceNumber should not be passed for this iterator type"));
    c.add(Arguments.of("GetShardIterator number before the shard",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
            .sequenceNumber("000000000000000000000")),
        ValidationException.class, "Invalid SequenceNumber for the shard"));
    c.add(Arguments.of("GetShardIterator number too short",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
            .sequenceNumber("1")),
        ValidationException.class,
        "1 validation error detected: Value '1' at 'sequenceNumber' failed to satisfy constraint: Member must have length greater than or equal to 21"));
    c.add(Arguments.of("GetShardIterator without type",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s)),
        ValidationException.class,
        "1 validation error detected: Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null"));
    c.add(Arguments.of("GetShardIterator AT_TIMESTAMP without timestamp",
        (Call) (e, a, s, n) -> e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.AT_TIMESTAMP)),
        ValidationException.class, INVALID + "Timestamp must be specified for AT_TIMESTAMP shard iterator type"));
    c.add(Arguments.of("GetRecords foreign iterator", (Call) (e, a, s, n) -> e.getRecords(g -> g.shardIterator("sdfsdfsgagaddafgagasgasg")),
        ValidationException.class, "Invalid ShardIterator"));
    c.add(Arguments.of("GetRecords tampered iterator", (Call) (e, a, s, n) -> {
      String it = e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
      e.getRecords(g -> g.shardIterator(it.substring(0, it.length() - 2) + "AA"));
    }, ValidationException.class, "Invalid ShardIterator"));
    c.add(Arguments.of("GetRecords foreign iterator and Limit 0 (the iterator is checked first)",
        (Call) (e, a, s, n) -> e.getRecords(g -> g.shardIterator("sdfsdfsgagaddafgagasgasg").limit(0)),
        ValidationException.class, "Invalid ShardIterator"));
    c.add(Arguments.of("GetRecords Limit 0", (Call) (e, a, s, n) -> {
      String it = e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
      e.getRecords(g -> g.shardIterator(it).limit(0));
    }, ValidationException.class,
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    c.add(Arguments.of("GetRecords Limit 1001", (Call) (e, a, s, n) -> {
      String it = e.getShardIterator(g -> g.streamArn(a).shardId(s).shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
      e.getRecords(g -> g.shardIterator(it).limit(1001));
    }, ValidationException.class, INVALID + "Limit should be less than or equal to 1000"));
    c.add(Arguments.of("GetRecords without iterator", (Call) (e, a, s, n) -> e.getRecords(g -> g.limit(5)), ValidationException.class,
        "1 validation error detected: Value null at 'shardIterator' failed to satisfy constraint: Member must not be null"));
    return c.stream();
  }

  @Test
  void trimmedPosition_after24Hours_isTrimmedDataAccessException() {
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    String early = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
    clock.advance(Duration.ofMinutes(2)); // the record is now older than 24 hours, and trimmed
    assertThatThrownBy(() -> engine.getRecords(g -> g.shardIterator(early)))
        .isInstanceOf(TrimmedDataAccessException.class).hasMessage("The data you are trying to access has been trimmed.");
    assertThatThrownBy(() -> engine.getShardIterator(g -> g.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(start)))
        .isInstanceOf(TrimmedDataAccessException.class).hasMessage("The data you are trying to access has been trimmed.");
  }
}
