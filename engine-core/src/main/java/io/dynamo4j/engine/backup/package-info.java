/**
 * On-demand backups and point-in-time recovery.
 *
 * <p>SPI: {@link io.dynamo4j.engine.backup.BackupStore} (where an engine keeps
 * {@link io.dynamo4j.engine.backup.Backup}s of {@link io.dynamo4j.engine.backup.TableSnapshot}s; in
 * memory here). Engine internals: {@link io.dynamo4j.engine.backup.Snapshots} (consistent copies
 * of a live table without blocking writers), {@link io.dynamo4j.engine.backup.Backups},
 * {@link io.dynamo4j.engine.backup.PointInTimeRecovery} (the state at any second of the window,
 * rebuilt from a copy and the journal).
 */
package io.dynamo4j.engine.backup;
