/**
 * The engine's history of committed changes: the {@link io.dynamo4j.engine.journal.Journal} SPI
 * (one ordered log of versioned after-image records per table; in memory here, a persistent engine
 * brings its own), {@link io.dynamo4j.engine.journal.ChangeFeed} (the commit listener that appends
 * to it for the tables that need history, and hands changes to backups in progress), and
 * {@link io.dynamo4j.engine.journal.JournalRetention} (the one component that decides what is kept:
 * 24 hours for streams, the recovery window for point-in-time recovery, within a memory bound).
 */
package io.dynamo4j.engine.journal;
