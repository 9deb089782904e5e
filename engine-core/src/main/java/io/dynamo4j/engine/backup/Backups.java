package io.dynamo4j.engine.backup;

import io.dynamo4j.api.BackupDescription;
import io.dynamo4j.api.BackupDetails;
import io.dynamo4j.api.BackupStatus;
import io.dynamo4j.api.BackupSummary;
import io.dynamo4j.api.BackupType;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.GlobalSecondaryIndexInfo;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.LocalSecondaryIndexInfo;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import io.dynamo4j.api.SourceTableDetails;
import io.dynamo4j.api.SourceTableFeatureDetails;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.TimeToLiveStatus;
import io.dynamo4j.engine.journal.ChangeFeed;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.op.Errors;
import io.dynamo4j.engine.schedule.Scheduler;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.engine.ttl.TimeToLive;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * On-demand backups: CreateBackup takes a consistent copy ({@link Snapshots}) without blocking
 * writers and keeps it in the engine's {@link BackupStore}; DescribeBackup, ListBackups and
 * DeleteBackup read and remove them; restores read them (see the RestoreTableFromBackup operation).
 * Deleting a table with point-in-time recovery leaves a SYSTEM backup of it that nobody can delete
 * and that expires after 35 days, as in DynamoDB.
 *
 * <p>A backup records what DynamoDB's records: the table's key, indexes, throughput and billing,
 * stream, TTL and encryption settings, and the items; not tags, point-in-time recovery, table
 * class or deletion protection.
 *
 * <p>Thread-safe.
 */
public final class Backups {

  /** How long a SYSTEM backup lives. */
  public static final Duration SYSTEM_RETENTION = Duration.ofDays(35);

  private static final Pattern BACKUP_ARN = Pattern.compile(
      "arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/backup/[0-9]{14}-[0-9a-f]{8}");

  private final EngineContext context;
  private final ChangeFeed feed;
  private final BackupStore store;
  private final TimeToLive timeToLive;
  private final Scheduler scheduler;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Table> restoring = new ConcurrentHashMap<>();

  /** The backups of {@code context}'s tables, kept in {@code store}. */
  public Backups(EngineContext context, ChangeFeed feed, BackupStore store, TimeToLive timeToLive, Scheduler scheduler) {
    this.context = context;
    this.feed = feed;
    this.store = store;
    this.timeToLive = timeToLive;
    this.scheduler = scheduler;
  }

  /** The store. */
  public BackupStore store() {
    return store;
  }

  /** CreateBackup: a USER backup of {@code table} named {@code name}. */
  public Backup create(Table table, String name, Instant now) {
    Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    TableSnapshot snapshot = Snapshots.take(context, feed, table, timeToLive.describe(table, at)).snapshot();
    Backup b = new Backup(newArn(table.definition().arn(), at, false), name, BackupType.USER, at, null, snapshot);
    store.put(b);
    return b;
  }

  /** The SYSTEM backup DynamoDB takes when a table with point-in-time recovery is deleted. */
  public Backup createSystem(Table table, Instant now) {
    Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    TableSnapshot snapshot = Snapshots.take(context, feed, table, timeToLive.describe(table, at)).snapshot();
    Backup b = new Backup(newArn(table.definition().arn(), at, true), table.definition().name() + "$DeletedTableBackup",
        BackupType.SYSTEM, at, at.plus(SYSTEM_RETENTION), snapshot);
    store.put(b);
    scheduler.every("backups", Duration.ofMinutes(1), this::expire);
    return b;
  }

  private String newArn(String tableArn, Instant at, boolean system) {
    while (true) {
      String arn = tableArn + "/backup/" + String.format("%014d", at.toEpochMilli()) + "-"
          + (system ? "00000000" : String.format("%08x", random.nextInt()));
      if (store.get(arn) == null) {
        return arn;
      }
      at = at.plusMillis(1);
    }
  }

  /** Whether {@code arn} has the form of a backup ARN. */
  public static boolean isBackupArn(String arn) {
    return BACKUP_ARN.matcher(arn).matches();
  }

  /** The epoch milliseconds a backup ARN carries (its creation time). */
  public static long createdMillis(String arn) {
    int at = arn.lastIndexOf("/backup/") + "/backup/".length();
    return Long.parseLong(arn.substring(at, at + 14));
  }

  /** The backup {@code arn} names: ValidationException if it is no backup ARN, BackupNotFoundException if there is none. */
  public Backup find(String arn) {
    if (!isBackupArn(arn)) {
      throw Errors.invalidBackupArn();
    }
    Backup b = store.get(arn);
    if (b == null || expired(b, context.now())) {
      throw Errors.backupNotFound(arn);
    }
    return b;
  }

  /** Every backup (expired SYSTEM backups excluded). */
  public List<Backup> all() {
    Instant now = context.now();
    List<Backup> out = new ArrayList<>();
    for (Backup b : store.all()) {
      if (!expired(b, now)) {
        out.add(b);
      }
    }
    return out;
  }

  private static boolean expired(Backup b, Instant now) {
    return b.expires() != null && !now.isBefore(b.expires());
  }

  /** DeleteBackup: removes a USER backup not being restored; returns it. */
  public Backup delete(String arn) {
    Backup b = find(arn);
    if (b.type() == BackupType.SYSTEM) {
      throw Errors.systemBackupNotDeletable(arn, b.expires());
    }
    if (inUse(arn)) {
      throw Errors.backupInUseByRestore(arn);
    }
    store.remove(arn);
    return b;
  }

  /** Whether a restore from {@code arn} is in progress (its target still CREATING). */
  public boolean inUse(String arn) {
    Table target = restoring.get(arn);
    if (target == null) {
      return false;
    }
    if (target.status(context.now()) != TableStatus.CREATING) {
      restoring.remove(arn, target);
      return false;
    }
    return true;
  }

  /** Notes that {@code target} is being restored from backup {@code arn} (while it is CREATING). */
  public void restoring(String arn, Table target) {
    if (target.status(context.now()) == TableStatus.CREATING) {
      restoring.put(arn, target);
    }
  }

  /** Removes expired SYSTEM backups. Scheduled. */
  public void expire() {
    Instant now = context.now();
    for (Backup b : store.all()) {
      if (expired(b, now)) {
        store.remove(b.arn());
      }
    }
  }

  // ---- How backups are described ----

  /** BackupDetails with {@code status}. */
  public static BackupDetails details(Backup b, BackupStatus status) {
    return BackupDetails.builder()
        .backupArn(b.arn())
        .backupName(b.name())
        .backupSizeBytes(b.snapshot().sizeBytes())
        .backupStatus(status)
        .backupType(b.type())
        .backupCreationDateTime(b.created())
        .backupExpiryDateTime(b.expires())
        .build();
  }

  /** DescribeBackup's (and DeleteBackup's) description, with {@code status}. */
  public static BackupDescription description(Backup b, BackupStatus status) {
    TableSnapshot s = b.snapshot();
    TableDefinition d = s.definition();
    TableDescription t = d.description();
    ProvisionedThroughputDescription pt = t.provisionedThroughput();
    BillingMode billing = t.billingModeSummary() == null ? BillingMode.PROVISIONED : t.billingModeSummary().billingMode();
    SourceTableDetails source = SourceTableDetails.builder()
        .tableName(d.name())
        .tableId(d.id())
        .tableArn(d.arn())
        .tableSizeBytes(s.sizeBytes())
        .keySchema(t.keySchema())
        .tableCreationDateTime(t.creationDateTime())
        .provisionedThroughput(throughput(pt))
        .onDemandThroughput(t.onDemandThroughput())
        .itemCount((long) s.items().size())
        .billingMode(billing)
        .build();
    List<LocalSecondaryIndexInfo> lsis = new ArrayList<>();
    List<GlobalSecondaryIndexInfo> gsis = new ArrayList<>();
    for (IndexDefinition i : d.indexes()) {
      if (i.isGlobal()) {
        GlobalSecondaryIndexDescription g = i.globalDescription();
        gsis.add(new GlobalSecondaryIndexInfo(g.indexName(), g.keySchema(), g.projection(), throughput(g.provisionedThroughput()),
            g.onDemandThroughput()));
      } else {
        LocalSecondaryIndexDescription l = i.localDescription();
        lsis.add(new LocalSecondaryIndexInfo(l.indexName(), l.keySchema(), l.projection()));
      }
    }
    StreamSpecification stream = t.streamSpecification();
    SourceTableFeatureDetails features = SourceTableFeatureDetails.builder()
        .localSecondaryIndexes(lsis.isEmpty() ? null : lsis)
        .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis)
        .streamDescription(stream != null && Boolean.TRUE.equals(stream.streamEnabled()) ? stream : null)
        .timeToLiveDescription(s.timeToLive() != null && s.timeToLive().timeToLiveStatus() == TimeToLiveStatus.ENABLED
            ? s.timeToLive() : null)
        .sseDescription(t.sseDescription())
        .build();
    return new BackupDescription(details(b, status), source, features);
  }

  /** ListBackups' summary. */
  public static BackupSummary summary(Backup b) {
    TableDefinition d = b.snapshot().definition();
    return BackupSummary.builder()
        .tableName(d.name())
        .tableId(d.id())
        .tableArn(d.arn())
        .backupArn(b.arn())
        .backupName(b.name())
        .backupCreationDateTime(b.created())
        .backupExpiryDateTime(b.expires())
        .backupStatus(BackupStatus.AVAILABLE)
        .backupType(b.type())
        .backupSizeBytes(b.snapshot().sizeBytes())
        .build();
  }

  private static ProvisionedThroughput throughput(ProvisionedThroughputDescription p) {
    if (p == null) {
      return null;
    }
    return new ProvisionedThroughput(p.readCapacityUnits() == null ? 0L : p.readCapacityUnits(),
        p.writeCapacityUnits() == null ? 0L : p.writeCapacityUnits());
  }
}
