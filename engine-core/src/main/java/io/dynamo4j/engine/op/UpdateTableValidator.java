package io.dynamo4j.engine.op;

import io.dynamo4j.api.GlobalSecondaryIndexUpdate;
import io.dynamo4j.api.UpdateTableRequest;

/**
 * UpdateTable's checks that need no table, after the model constraints and before the table is
 * looked up, in DynamoDB's order: something to update, one action per GlobalSecondaryIndexUpdate
 * and at most one index created or deleted, stream specification, throughput bounds, encryption.
 * The checks against the table's current state are in {@link UpdateTableOperation}.
 *
 * <p>Stateless and thread-safe.
 */
final class UpdateTableValidator {

  private UpdateTableValidator() {}

  static void validate(UpdateTableRequest r) {
    boolean somethingToUpdate = r.billingMode() != null || r.provisionedThroughput() != null
        || r.globalSecondaryIndexUpdates() != null || r.streamSpecification() != null || r.sseSpecification() != null
        || r.replicaUpdates() != null || r.tableClass() != null || r.deletionProtectionEnabled() != null
        || r.onDemandThroughput() != null || r.warmThroughput() != null || r.multiRegionConsistency() != null
        || r.globalTableWitnessUpdates() != null || r.vectorIndexUpdates() != null;
    if (!somethingToUpdate) {
      throw Errors.nothingToUpdate();
    }
    if (r.replicaUpdates() != null || r.globalTableWitnessUpdates() != null || r.multiRegionConsistency() != null) {
      throw Errors.validation("One or more parameter values were invalid: global tables (ReplicaUpdates, "
          + "GlobalTableWitnessUpdates, MultiRegionConsistency) are not supported by dynamo4j");
    }
    if (r.vectorIndexUpdates() != null) {
      throw Errors.validation("One or more parameter values were invalid: VectorIndexUpdates are not supported by dynamo4j");
    }
    if (r.globalSecondaryIndexUpdates() != null) {
      int createsAndDeletes = 0;
      for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
        int actions = (u.create() != null ? 1 : 0) + (u.update() != null ? 1 : 0) + (u.delete() != null ? 1 : 0);
        if (actions == 0) {
          throw Errors.indexUpdateActionNull();
        }
        if (actions > 1) {
          throw Errors.indexUpdateSeveralActions();
        }
        if (u.create() != null || u.delete() != null) {
          createsAndDeletes++;
        }
      }
      if (createsAndDeletes > 1) {
        throw Errors.oneIndexChangeAtATime();
      }
    }
    CreateTableValidator.checkStream(r.streamSpecification());
    CreateTableValidator.checkThroughput(r.provisionedThroughput());
    CreateTableValidator.checkSse(r.sseSpecification());
  }
}
