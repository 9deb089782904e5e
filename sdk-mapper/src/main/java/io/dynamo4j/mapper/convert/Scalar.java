package io.dynamo4j.mapper.convert;

import static io.dynamo4j.mapper.convert.Converters.binary;
import static io.dynamo4j.mapper.convert.Converters.mismatch;
import static io.dynamo4j.mapper.convert.Converters.number;
import static io.dynamo4j.mapper.convert.Converters.string;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.UUID;

/**
 * The standard converters of single values, one instance per Java type, all in one class: no
 * lambda and no formatter is made before a value needs it, so the first schema of a fresh JVM
 * loads little. Immutable and thread-safe.
 */
final class Scalar implements AttributeConverter<Object> {

  static final int STRING = 0;
  static final int BOOLEAN = 1;
  static final int INT = 2;
  static final int LONG = 3;
  static final int SHORT = 4;
  static final int BYTE = 5;
  static final int DOUBLE = 6;
  static final int FLOAT = 7;
  static final int CHAR = 8;
  static final int BIG_DECIMAL = 9;
  static final int BIG_INTEGER = 10;
  static final int BYTE_ARRAY = 11;
  static final int BYTE_BUFFER = 12;
  static final int BYTES = 13;
  static final int UUIDS = 14;
  static final int INSTANT = 15;
  static final int LOCAL_DATE = 16;
  static final int LOCAL_TIME = 17;
  static final int LOCAL_DATE_TIME = 18;
  static final int OFFSET_DATE_TIME = 19;
  static final int ZONED_DATE_TIME = 20;
  static final int DURATION = 21;
  static final int INSTANT_EPOCH_SECONDS = 22;

  private final int kind;
  private final AttributeValue.Type type;

  Scalar(int kind, AttributeValue.Type type) {
    this.kind = kind;
    this.type = type;
  }

  @Override
  public AttributeValue.Type attributeType() {
    return type;
  }

  @Override
  public AttributeValue toAttributeValue(Object v) {
    switch (kind) {
      case STRING:
        return AttributeValue.s((String) v);
      case BOOLEAN:
        return AttributeValue.bool((Boolean) v);
      case INT:
      case LONG:
      case SHORT:
      case BYTE:
        return AttributeValue.n(((Number) v).longValue());
      case DOUBLE:
        return Converters.number((Double) v);
      case FLOAT: {
        float f = (Float) v;
        return f != f || Float.isInfinite(f) ? AttributeValue.n((double) f) : AttributeValue.n(new BigDecimal(Float.toString(f)));
      }
      case CHAR:
        return AttributeValue.s(String.valueOf((char) (Character) v));
      case BIG_DECIMAL:
        return AttributeValue.n((BigDecimal) v);
      case BIG_INTEGER:
        return AttributeValue.n((BigInteger) v);
      case BYTE_ARRAY:
        return AttributeValue.b((byte[]) v);
      case BYTE_BUFFER:
        return AttributeValue.b(Bytes.of((ByteBuffer) v));
      case BYTES:
        return AttributeValue.b((Bytes) v);
      case UUIDS:
        return AttributeValue.s(v.toString());
      case INSTANT: {
        String fast = TimeText.format((Instant) v);
        return AttributeValue.s(fast != null ? fast : Formats.INSTANT.format((Instant) v));
      }
      case LOCAL_DATE:
        return AttributeValue.s(DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) v));
      case LOCAL_TIME:
        return AttributeValue.s(Formats.TIME.format((LocalTime) v));
      case LOCAL_DATE_TIME: {
        String fast = TimeText.format((LocalDateTime) v, false);
        return AttributeValue.s(fast != null ? fast : Formats.LOCAL_DATE_TIME.format((LocalDateTime) v));
      }
      case OFFSET_DATE_TIME:
        return AttributeValue.s(Formats.OFFSET_DATE_TIME.format((OffsetDateTime) v));
      case ZONED_DATE_TIME: {
        ZonedDateTime z = (ZonedDateTime) v;
        String text = Formats.OFFSET_DATE_TIME.format(z);
        return AttributeValue.s(z.getZone() instanceof ZoneOffset ? text : text + "[" + z.getZone().getId() + "]");
      }
      case DURATION: {
        Duration d = (Duration) v;
        return AttributeValue.n(BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)));
      }
      default:
        return AttributeValue.n(((Instant) v).getEpochSecond());
    }
  }

  @Override
  public Object fromAttributeValue(AttributeValue v) {
    switch (kind) {
      case STRING:
        return string(v);
      case BOOLEAN:
        if (v instanceof AttributeValue.Bool b) {
          return b.value();
        }
        throw mismatch("BOOL", v);
      case INT:
        return exact(number(v), Integer.MIN_VALUE, Integer.MAX_VALUE, "int").intValue();
      case LONG:
        return exact(number(v), Long.MIN_VALUE, Long.MAX_VALUE, "long").longValue();
      case SHORT:
        return exact(number(v), Short.MIN_VALUE, Short.MAX_VALUE, "short").shortValue();
      case BYTE:
        return exact(number(v), Byte.MIN_VALUE, Byte.MAX_VALUE, "byte").byteValue();
      case DOUBLE:
        return number(v).doubleValue();
      case FLOAT:
        return number(v).floatValue();
      case CHAR: {
        String s = string(v);
        if (s.length() != 1) {
          throw new ConversionException("expected a string of one character, found " + s.length() + " characters");
        }
        return s.charAt(0);
      }
      case BIG_DECIMAL:
        return number(v);
      case BIG_INTEGER: {
        BigDecimal d = number(v);
        try {
          return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
          throw new ConversionException("expected an integer, found " + d.toPlainString());
        }
      }
      case BYTE_ARRAY:
        return binary(v).toByteArray();
      case BYTE_BUFFER:
        return ByteBuffer.wrap(binary(v).toByteArray());
      case BYTES:
        return binary(v);
      case DURATION: {
        BigDecimal n = number(v);
        BigDecimal seconds = n.setScale(0, RoundingMode.FLOOR);
        BigDecimal nanos = n.subtract(seconds).movePointRight(9);
        try {
          return Duration.ofSeconds(seconds.longValueExact(), nanos.setScale(0, RoundingMode.FLOOR).longValueExact());
        } catch (ArithmeticException e) {
          throw new ConversionException("expected a duration in seconds, found " + n.toPlainString());
        }
      }
      case INSTANT_EPOCH_SECONDS:
        try {
          return Instant.ofEpochSecond(number(v).setScale(0, RoundingMode.FLOOR).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
          throw new ConversionException("expected epoch seconds, found " + number(v).toPlainString());
        }
      default:
        return text(string(v));
    }
  }

  /** The types stored as text. */
  private Object text(String s) {
    try {
      switch (kind) {
        case UUIDS:
          return UUID.fromString(s);
        case INSTANT:
          return TimeText.parseInstant(s);
        case LOCAL_DATE:
          return LocalDate.parse(s);
        case LOCAL_TIME:
          return LocalTime.parse(s);
        case LOCAL_DATE_TIME: {
          LocalDateTime fast = TimeText.parse(s, false);
          return fast != null ? fast : LocalDateTime.parse(s);
        }
        case OFFSET_DATE_TIME:
          return OffsetDateTime.parse(s);
        default:
          return ZonedDateTime.parse(s);
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new ConversionException("cannot read \"" + s + "\": " + e.getMessage(), e);
    }
  }

  private static BigDecimal exact(BigDecimal d, long min, long max, String type) {
    if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0
        || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new ConversionException("expected a number that fits " + type + ", found " + d.toPlainString());
    }
    return d;
  }

  /** The formatters, made when a value first needs one. */
  static final class Formats {
    static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
        .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
        .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
        .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
        .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
        .toFormatter();
    static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').append(TIME).toFormatter();
    static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
        .append(LOCAL_DATE_TIME).appendOffsetId().toFormatter();

    private Formats() {}
  }
}
