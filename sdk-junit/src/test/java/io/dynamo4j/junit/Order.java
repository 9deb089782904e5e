package io.dynamo4j.junit;

import io.dynamo4j.mapper.annotation.CreatedAt;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.Table;
import io.dynamo4j.mapper.annotation.TimeToLive;
import java.math.BigDecimal;
import java.time.Instant;

/** A mapped order for the extension's tests: a simple key, a creation time and a TTL attribute. */
@Table("Orders")
public record Order(@PartitionKey String id, String customer, BigDecimal total, String status, @CreatedAt Instant created,
    @TimeToLive Instant expires) {

  static Order of(String id, String customer, String total) {
    return new Order(id, customer, new BigDecimal(total), "OPEN", null, null);
  }

  Order withStatus(String s) {
    return new Order(id, customer, total, s, created, expires);
  }

  Order expiringAt(Instant at) {
    return new Order(id, customer, total, status, created, at);
  }
}
