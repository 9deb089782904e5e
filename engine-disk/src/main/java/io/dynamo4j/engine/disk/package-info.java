/**
 * The persistent engine: {@link io.dynamo4j.engine.disk.DiskEngine} opens DynamoDB's semantics
 * (engine-core) over a Chronicle Queue journal, which is the write-ahead log and the history of
 * streams and point-in-time recovery, and an H2 MVStore store of the materialised tables and
 * indexes. Everything else in this package is implementation.
 */
package io.dynamo4j.engine.disk;
