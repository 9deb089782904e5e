package io.dynamo4j.junit;

import io.dynamo4j.api.Identity;
import io.dynamo4j.api.OperationType;
import io.dynamo4j.api.Record;
import io.dynamo4j.json.DynamoJson;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on one stream record (from {@link StreamAssert#record(int)}); each checks and
 * returns this assertion. Immutable and thread-safe.
 */
public final class RecordAssert {

  /** Who DynamoDB names as the user of a deletion by Time to Live. */
  private static final Identity TIME_TO_LIVE = new Identity("dynamodb.amazonaws.com", "Service");

  private final String description;
  private final Record record;

  RecordAssert(String description, Record record) {
    this.description = description;
    this.record = record;
  }

  /** The record asserted on. */
  public Record record() {
    return record;
  }

  /** Checks the record is an INSERT. */
  public RecordAssert isInsert() {
    return is(OperationType.INSERT);
  }

  /** Checks the record is a MODIFY. */
  public RecordAssert isModify() {
    return is(OperationType.MODIFY);
  }

  /** Checks the record is a REMOVE. */
  public RecordAssert isRemove() {
    return is(OperationType.REMOVE);
  }

  private RecordAssert is(OperationType expected) {
    if (record.eventName() != expected) {
      throw new AssertionFailedError(description + ": expected " + expected + " but was " + record.eventName()
          + " " + keys(), expected, record.eventName());
    }
    return this;
  }

  /** Checks the record's keys. */
  public RecordAssert hasKey(Key key) {
    return equal("Keys", key.toItem(), record.dynamodb().keys());
  }

  /** Checks the record's new image is {@code image}. */
  public RecordAssert hasNewImage(Item image) {
    return equal("NewImage", image, record.dynamodb().newImage());
  }

  /** Checks the record's old image is {@code image}. */
  public RecordAssert hasOldImage(Item image) {
    return equal("OldImage", image, record.dynamodb().oldImage());
  }

  /** Checks the record has no old image (an INSERT, or a view type without old images). */
  public RecordAssert hasNoOldImage() {
    return equal("OldImage", null, record.dynamodb().oldImage());
  }

  /** Checks the record has no new image (a REMOVE, or a view type without new images). */
  public RecordAssert hasNoNewImage() {
    return equal("NewImage", null, record.dynamodb().newImage());
  }

  /** Checks the new image's attribute {@code name} is {@code value} (null: absent). */
  public RecordAssert newImageHas(String name, AttributeValue value) {
    Item image = record.dynamodb().newImage();
    return equal("NewImage." + name, value, image == null ? null : image.get(name));
  }

  /** Checks the old image's attribute {@code name} is {@code value} (null: absent). */
  public RecordAssert oldImageHas(String name, AttributeValue value) {
    Item image = record.dynamodb().oldImage();
    return equal("OldImage." + name, value, image == null ? null : image.get(name));
  }

  /** Checks the record is a deletion by Time to Live (userIdentity: the DynamoDB service). */
  public RecordAssert isTimeToLiveDeletion() {
    isRemove();
    return equal("userIdentity", TIME_TO_LIVE, record.userIdentity());
  }

  /** Checks the record is a change a request made (no userIdentity), not a Time to Live deletion. */
  public RecordAssert isUserChange() {
    return equal("userIdentity", null, record.userIdentity());
  }

  private RecordAssert equal(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionFailedError(description + " " + keys() + ": expected " + what + " " + show(expected)
          + " but was " + show(actual), expected, actual);
    }
    return this;
  }

  private String keys() {
    return record.dynamodb().keys() == null ? "" : DynamoJson.writeItem(record.dynamodb().keys());
  }

  private static String show(Object o) {
    return o instanceof Item i ? DynamoJson.writeItem(i) : o instanceof AttributeValue v ? DynamoJson.writeValue(v)
        : String.valueOf(o);
  }
}
