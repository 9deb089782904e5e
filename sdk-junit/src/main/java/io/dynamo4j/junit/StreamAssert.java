package io.dynamo4j.junit;

import io.dynamo4j.api.OperationType;
import io.dynamo4j.api.Record;
import io.dynamo4j.json.DynamoJson;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on a sequence of stream records (from {@link StreamRecorder#assertThat()}).
 * Each method checks and returns an assertion to go on with; a failure throws an
 * {@link AssertionError} that lists the records.
 *
 * <pre>{@code
 * recorder.assertThat()
 *     .hasEventNames(INSERT, MODIFY, REMOVE)
 *     .forKey(Key.of("id", s("o-1"))).hasSize(3)
 *     .last().isRemove().isTimeToLiveDeletion();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StreamAssert {

  private final String description;
  private final List<Record> records;

  StreamAssert(String description, List<Record> records) {
    this.description = description;
    this.records = List.copyOf(records);
  }

  /** The records asserted on. */
  public List<Record> records() {
    return records;
  }

  /** The records' event names, in order. */
  public List<OperationType> eventNames() {
    List<OperationType> names = new ArrayList<>(records.size());
    for (Record r : records) {
      names.add(r.eventName());
    }
    return names;
  }

  /** Checks there are exactly {@code count} records. */
  public StreamAssert hasSize(int count) {
    if (records.size() != count) {
      throw new AssertionFailedError(description + ": expected " + count + " records but found " + records.size()
          + ": " + this, count, records.size());
    }
    return this;
  }

  /** Checks there are no records. */
  public StreamAssert isEmpty() {
    return hasSize(0);
  }

  /** Checks the records are exactly these events, in this order. */
  public StreamAssert hasEventNames(OperationType... names) {
    List<OperationType> expected = Arrays.asList(names);
    if (!eventNames().equals(expected)) {
      throw new AssertionFailedError(description + ": expected events " + expected + " but found " + eventNames()
          + ": " + this, expected, eventNames());
    }
    return this;
  }

  /** Checks the records' keys are exactly these, in this order. */
  public StreamAssert hasKeys(Key... keys) {
    List<Item> expected = new ArrayList<>();
    for (Key k : keys) {
      expected.add(k.toItem());
    }
    List<Item> actual = new ArrayList<>();
    for (Record r : records) {
      actual.add(r.dynamodb().keys());
    }
    if (!actual.equals(expected)) {
      throw new AssertionFailedError(description + ": expected keys " + expected + " but found " + actual + ": " + this,
          expected, actual);
    }
    return this;
  }

  /** The records of the item with key {@code key}, in order. */
  public StreamAssert forKey(Key key) {
    Item k = key.toItem();
    List<Record> mine = new ArrayList<>();
    for (Record r : records) {
      if (k.equals(r.dynamodb().keys())) {
        mine.add(r);
      }
    }
    return new StreamAssert(description + " for " + DynamoJson.writeItem(k), mine);
  }

  /** The records of one kind of event, in order. */
  public StreamAssert only(OperationType eventName) {
    List<Record> mine = new ArrayList<>();
    for (Record r : records) {
      if (r.eventName() == eventName) {
        mine.add(r);
      }
    }
    return new StreamAssert(description + " (" + eventName + " only)", mine);
  }

  /** Assertions on record {@code index} (from 0). */
  public RecordAssert record(int index) {
    if (index < 0 || index >= records.size()) {
      throw new AssertionError(description + ": no record " + index + "; there are " + records.size() + ": " + this);
    }
    return new RecordAssert(description + ", record " + index, records.get(index));
  }

  /** Assertions on the first record. */
  public RecordAssert first() {
    return record(0);
  }

  /** Assertions on the last record. */
  public RecordAssert last() {
    if (records.isEmpty()) {
      throw new AssertionError(description + ": no records");
    }
    return record(records.size() - 1);
  }

  /** The records, one line each: event name, keys, sequence number. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (Record r : records) {
      sb.append("\n  ").append(r.eventName()).append(' ').append(DynamoJson.writeItem(r.dynamodb().keys()))
          .append(" #").append(r.dynamodb().sequenceNumber());
    }
    return sb.append(records.isEmpty() ? "]" : "\n]").toString();
  }
}
