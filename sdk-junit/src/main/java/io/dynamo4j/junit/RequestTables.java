package io.dynamo4j.junit;

import io.dynamo4j.api.*;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables a request names, so that a fault can be aimed at a table. For transactions, one entry
 * per action in request order (cancellation reasons are per action). Requests that name a table
 * only inside a PartiQL statement or an opaque shard iterator name none. Stateless.
 */
final class RequestTables {

  private RequestTables() {}

  static List<String> of(Object request) {
    if (request instanceof TransactWriteItemsRequest r) {
      List<String> tables = new ArrayList<>();
      for (TransactWriteItem item : r.transactItems()) {
        tables.add(item.put() != null ? item.put().tableName()
            : item.update() != null ? item.update().tableName()
            : item.delete() != null ? item.delete().tableName()
            : item.conditionCheck() != null ? item.conditionCheck().tableName() : null);
      }
      return tables;
    }
    if (request instanceof TransactGetItemsRequest r) {
      List<String> tables = new ArrayList<>();
      for (TransactGetItem item : r.transactItems()) {
        tables.add(item.get() == null ? null : item.get().tableName());
      }
      return tables;
    }
    if (request instanceof BatchWriteItemRequest r) {
      return List.copyOf(r.requestItems().keySet());
    }
    if (request instanceof BatchGetItemRequest r) {
      return List.copyOf(r.requestItems().keySet());
    }
    String table = single(request);
    return table == null ? List.of() : List.of(table);
  }

  private static String single(Object request) {
    if (request instanceof GetItemRequest r) {
      return r.tableName();
    } else if (request instanceof PutItemRequest r) {
      return r.tableName();
    } else if (request instanceof UpdateItemRequest r) {
      return r.tableName();
    } else if (request instanceof DeleteItemRequest r) {
      return r.tableName();
    } else if (request instanceof QueryRequest r) {
      return r.tableName();
    } else if (request instanceof ScanRequest r) {
      return r.tableName();
    } else if (request instanceof CreateTableRequest r) {
      return r.tableName();
    } else if (request instanceof UpdateTableRequest r) {
      return r.tableName();
    } else if (request instanceof DeleteTableRequest r) {
      return r.tableName();
    } else if (request instanceof DescribeTableRequest r) {
      return r.tableName();
    } else if (request instanceof UpdateTimeToLiveRequest r) {
      return r.tableName();
    } else if (request instanceof DescribeTimeToLiveRequest r) {
      return r.tableName();
    } else if (request instanceof CreateBackupRequest r) {
      return r.tableName();
    } else if (request instanceof ListBackupsRequest r) {
      return r.tableName();
    } else if (request instanceof UpdateContinuousBackupsRequest r) {
      return r.tableName();
    } else if (request instanceof DescribeContinuousBackupsRequest r) {
      return r.tableName();
    } else if (request instanceof RestoreTableFromBackupRequest r) {
      return r.targetTableName();
    } else if (request instanceof RestoreTableToPointInTimeRequest r) {
      return r.targetTableName();
    } else if (request instanceof DescribeStreamRequest r) {
      return fromArn(r.streamArn());
    } else if (request instanceof GetShardIteratorRequest r) {
      return fromArn(r.streamArn());
    } else if (request instanceof ListStreamsRequest r) {
      return r.tableName();
    } else if (request instanceof TagResourceRequest r) {
      return fromArn(r.resourceArn());
    } else if (request instanceof UntagResourceRequest r) {
      return fromArn(r.resourceArn());
    } else if (request instanceof ListTagsOfResourceRequest r) {
      return fromArn(r.resourceArn());
    }
    return null;
  }

  /** The table of a table, stream or backup ARN ({@code arn:aws:dynamodb:r:a:table/NAME/...}), or null. */
  static String fromArn(String arn) {
    if (arn == null) {
      return null;
    }
    int at = arn.indexOf(":table/");
    if (at < 0) {
      return null;
    }
    int start = at + ":table/".length();
    int end = arn.indexOf('/', start);
    return end < 0 ? arn.substring(start) : arn.substring(start, end);
  }
}
