package io.dynamo4j.mapper.convert;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Fast paths for the fixed-width forms the standard converters write for {@code Instant}
 * ({@code 2024-05-01T10:15:30.000000000Z}) and {@code LocalDateTime} (the same without the
 * {@code Z}), years 0 to 9999: a {@code DateTimeFormatter} costs several times more per value.
 * Anything else goes to the JDK's formatters and parsers, so the results are the same. Stateless.
 */
final class TimeText {

  private TimeText() {}

  /** The fixed form of {@code t}, or null if its year is outside 0 .. 9999. */
  static String format(LocalDateTime t, boolean zulu) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return null;
    }
    char[] c = new char[zulu ? 30 : 29];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, t.getNano(), 9);
    if (zulu) {
      c[29] = 'Z';
    }
    return new String(c);
  }

  static String format(Instant i) {
    String s = format(LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC), true);
    return s;
  }

  /** The date-time of a fixed form, or null if {@code s} is not one. */
  static LocalDateTime parse(String s, boolean zulu) {
    if (s.length() != (zulu ? 30 : 29) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != '.' || (zulu && s.charAt(29) != 'Z')) {
      return null;
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    int hour = number(s, 11, 2);
    int minute = number(s, 14, 2);
    int second = number(s, 17, 2);
    int nano = number(s, 20, 9);
    if ((year | month | day | hour | minute | second | nano) < 0) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nano); // validates the fields
  }

  static Instant parseInstant(String s) {
    LocalDateTime t = parse(s, true);
    return t == null ? Instant.parse(s) : Instant.ofEpochSecond(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The decimal number of {@code width} digits at {@code at}, or -1 if one is not a digit. */
  private static int number(String s, int at, int width) {
    int v = 0;
    for (int i = at; i < at + width; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
