package io.dynamo4j.junit.example;

import io.dynamo4j.mapper.annotation.CreatedAt;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.Table;
import io.dynamo4j.mapper.annotation.TimeToLive;
import java.time.Instant;

/** An order of one product. An unpaid order expires (Time to Live) a day after it was placed. */
@Table("Orders")
public record ShopOrder(@PartitionKey String id, String sku, long quantity, String status, @CreatedAt Instant placed,
    @TimeToLive Instant expires) {}
