package io.dynamo4j.junit.example;

import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.Table;

/** A product and how many are in stock. */
@Table("Products")
public record Product(@PartitionKey String sku, String name, long stock) {}
