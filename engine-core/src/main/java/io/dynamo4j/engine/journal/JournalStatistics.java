package io.dynamo4j.engine.journal;

/**
 * How much history a {@link Journal} holds: the base of streams and point-in-time recovery.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tables the number of tables with records
 * @param records the number of records held
 * @param estimatedBytes an estimate of the memory (or disk) the records take
 */
public record JournalStatistics(long tables, long records, long estimatedBytes) {}
