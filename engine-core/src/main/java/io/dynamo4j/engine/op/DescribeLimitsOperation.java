package io.dynamo4j.engine.op;

import io.dynamo4j.api.DescribeLimitsRequest;
import io.dynamo4j.api.DescribeLimitsResponse;

/**
 * DynamoDB's DescribeLimits: the default provisioned-capacity quotas of an account in a region
 * (80,000 read and write units per account, 40,000 per table), the ones CreateTable and
 * UpdateTable enforce.
 *
 * <p>Stateless and thread-safe.
 */
final class DescribeLimitsOperation {

  static final long ACCOUNT_MAX_CAPACITY = 80_000;

  DescribeLimitsResponse execute(DescribeLimitsRequest request) {
    RequestConstraints.check(request);
    return new DescribeLimitsResponse(ACCOUNT_MAX_CAPACITY, ACCOUNT_MAX_CAPACITY,
        CreateTableValidator.TABLE_MAX_CAPACITY, CreateTableValidator.TABLE_MAX_CAPACITY);
  }
}
