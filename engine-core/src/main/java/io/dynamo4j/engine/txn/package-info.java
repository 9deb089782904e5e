/**
 * What transactions need besides the write path: idempotency by ClientRequestToken
 * ({@link io.dynamo4j.engine.txn.ClientTokens}). The transactions themselves are
 * {@code TransactWriteItemsOperation} and {@code TransactGetItemsOperation} in
 * {@link io.dynamo4j.engine.op}, over {@link io.dynamo4j.engine.op.KeyLocks} (conflict detection)
 * and one storage batch per commit.
 */
package io.dynamo4j.engine.txn;
