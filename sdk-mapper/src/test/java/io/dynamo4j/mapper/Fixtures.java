package io.dynamo4j.mapper;

import io.dynamo4j.mapper.fixtures.Address;
import io.dynamo4j.mapper.fixtures.AllTypes;
import io.dynamo4j.mapper.fixtures.Customer;
import io.dynamo4j.mapper.fixtures.Entity;
import io.dynamo4j.mapper.fixtures.Order;
import io.dynamo4j.mapper.fixtures.Product;
import io.dynamo4j.mapper.fixtures.Shape;
import io.dynamo4j.model.Bytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Sample instances of every fixture type, full and sparse. */
final class Fixtures {

  private Fixtures() {}

  /** A record no other test maps. */
  public record Pair(@io.dynamo4j.mapper.annotation.PartitionKey String k, int v) {}

  static AllTypes allTypes() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("nil", null);
    return new AllTypes("id-1", true, (byte) -7, (short) 300, 42, 1L << 40, 1.5f, -2.25e10, 'x', false, (byte) 1,
        (short) 2, 3, 4L, 0.1f, 0.3, 'y', new BigDecimal("12.340"), new BigInteger("123456789012345678901234567890"),
        new byte[] {1, 2, 3}, ByteBuffer.wrap(new byte[] {9, 8}), Bytes.of(new byte[] {5}), AllTypes.Color.GREEN,
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), Instant.parse("2024-05-01T10:15:30.5Z"),
        LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 1, 7), LocalDateTime.of(2024, 1, 1, 0, 0),
        OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 1, ZoneOffset.ofHours(2)),
        ZonedDateTime.of(2024, 7, 1, 8, 30, 0, 0, ZoneId.of("Europe/Paris")), Duration.ofMillis(-1500),
        Optional.of("opt"), Arrays.asList("x", null, "z"), List.of(1, 2, 3), new LinkedHashSet<>(List.of("b", "a")),
        new LinkedHashSet<>(List.of(10L, -3L)), new LinkedHashSet<>(List.of(ByteBuffer.wrap(new byte[] {1}))),
        new LinkedHashSet<>(List.of(AllTypes.Color.RED)), map, Map.of("k", List.of("v1", "v2")),
        new ArrayList<>(List.of(new Address("1 Main", "Springfield", 12345), new Address(null, "X", null))),
        new Address("2 Side", null, 1));
  }

  static AllTypes sparse() {
    return new AllTypes("id-2", false, (byte) 0, (short) 0, 0, 0, 0, 0, '\0', null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, Optional.empty(), null,
        List.of(), null, null, null, null, Map.of(), null, List.of(), null);
  }

  static Customer customer() {
    Customer c = new Customer();
    c.setId("c-1");
    c.setName("Ada");
    c.setScratch("not stored");
    c.setCode("abc");
    c.setHome(new Address("1 Home", null, 75001));
    c.setWork(new Address("Office", null, null));
    c.setOther(new Address(null, "Lyon", null));
    c.setTags(List.of("vip"));
    c.visits = 3;
    return c;
  }

  static Product product() {
    return Product.builder().sku("p-1").title("Pen").price(new BigDecimal("1.99")).stock(7)
        .tags(new LinkedHashSet<>(Set.of("blue"))).build();
  }

  static Order order() {
    return new Order("c-7", 42, "EU", Order.Status.OPEN, new BigDecimal("99.95"), List.of("l1", "l2"),
        Set.of("gift"), 3L, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"), 105L,
        Instant.ofEpochSecond(1_900_000_000L));
  }

  static List<Entity> entities() {
    Shape.Circle circle = new Shape.Circle();
    circle.color = "red";
    circle.radius = 2.5;
    Shape.Square square = new Shape.Square();
    square.side = 4;
    return List.of(
        new Entity.Profile("c-1", "PROFILE", "Ada", 1L),
        new Entity.Purchase("c-1", "PURCHASE#1", new BigDecimal("10.5"), List.of(circle, square)),
        new Entity.Payment("c-1", "PAYMENT#1", 1050));
  }

  /**
   * Asserts that {@code actual} holds the same values as {@code expected}, field by field: sets in
   * any order, numbers by value (DynamoDB normalises 12.340 to 12.34), byte buffers by content.
   */
  static void assertSameValues(Object actual, Object expected) {
    org.assertj.core.api.Assertions.assertThat(actual).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .ignoringCollectionOrderInFieldsMatchingRegexes(".*[sS]et.*", "tags")
        .isEqualTo(expected);
  }

  /** One instance of each fixture shape, keyed by a name for test display. */
  static Map<String, Object> all() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("record with every type", allTypes());
    all.put("sparse record", sparse());
    all.put("bean with field annotations", customer());
    all.put("empty bean", new Customer());
    all.put("builder class", product());
    all.put("record with generated attributes", order());
    List<Entity> entities = entities();
    for (Entity e : entities) {
      all.put("sealed subtype " + e.getClass().getSimpleName(), e);
    }
    return all;
  }
}
