package io.dynamo4j.junit;

import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.Table;

/** A mapped account for transaction tests. */
@Table("Accounts")
public record Account(@PartitionKey String id, long balance) {}
