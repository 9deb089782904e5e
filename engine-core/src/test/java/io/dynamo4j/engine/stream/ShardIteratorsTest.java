package io.dynamo4j.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardIteratorsTest {

  private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/2026-01-01T00:00:00.000";

  @Test
  void encode_thenDecode_givesThePositionBack_inDynamoDbsForm() {
    ShardIterators iterators = new ShardIterators();
    ShardIterators.Position p = new ShardIterators.Position(ARN, "shardId-00000001767225600000-00000001", 42, 1_767_225_600_000L);
    String it = iterators.encode(p);
    assertThat(it).startsWith(ARN + "|1|").hasSizeLessThanOrEqualTo(2048);
    assertThat(iterators.decode(it)).isEqualTo(p);
  }

  @Test
  void decode_foreignOrTampered_isNull() {
    ShardIterators iterators = new ShardIterators();
    String it = iterators.encode(new ShardIterators.Position(ARN, "shardId-00000001767225600000-00000001", 42, 7));
    assertThat(new ShardIterators().decode(it)).as("another engine's iterator").isNull();
    assertThat(iterators.decode(it.replace("|1|", "|2|"))).isNull();
    assertThat(iterators.decode(it.substring(0, it.length() - 1))).isNull();
    assertThat(iterators.decode("not an iterator")).isNull();
    assertThat(iterators.decode(ARN + "|1|%%%")).isNull();
  }

  @Test
  void sequenceNumbers_are21DigitsAndParseBack() {
    assertThat(StreamRecords.sequenceNumber(47151)).isEqualTo("000000000000000047151");
    assertThat(StreamRecords.parseSequenceNumber("000000000000000047151")).isEqualTo(47151);
    assertThat(StreamRecords.parseSequenceNumber("99999999999999999999999999")).isEqualTo(-1);
    assertThat(StreamRecords.parseSequenceNumber("00000000000000000000x")).isEqualTo(-1);
  }
}
