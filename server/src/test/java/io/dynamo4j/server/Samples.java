package io.dynamo4j.server;

import io.dynamo4j.api.Operation;

/**
 * One plausible request per operation, as DynamoDB JSON, against a table created by the
 * CREATE_TABLE sample (key pk S + sk N, a GSI on g) holding the PUT_ITEM sample's item.
 */
final class Samples {

  private Samples() {}

  static String request(Operation op, String table) {
    String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + table;
    String key = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}";
    String json = switch (op) {
      case CREATE_TABLE -> """
          {"TableName":"$T","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
           "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
             {"AttributeName":"g","AttributeType":"S"}],
           "BillingMode":"PAY_PER_REQUEST",
           "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
             "Projection":{"ProjectionType":"ALL"}}],
           "Tags":[{"Key":"team","Value":"server"}]}""";
      case UPDATE_TABLE -> """
          {"TableName":"$T","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}""";
      case DELETE_TABLE, DESCRIBE_TABLE, DESCRIBE_TIME_TO_LIVE, DESCRIBE_CONTINUOUS_BACKUPS, LIST_STREAMS ->
          "{\"TableName\":\"$T\"}";
      case LIST_TABLES -> "{\"ExclusiveStartTableName\":\"$T\",\"Limit\":2}";
      case UPDATE_TIME_TO_LIVE -> "{\"TableName\":\"$T\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}";
      case TAG_RESOURCE -> "{\"ResourceArn\":\"$A\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}";
      case UNTAG_RESOURCE -> "{\"ResourceArn\":\"$A\",\"TagKeys\":[\"k\"]}";
      case LIST_TAGS_OF_RESOURCE -> "{\"ResourceArn\":\"$A\"}";
      case DESCRIBE_LIMITS -> "{}";
      case CREATE_BACKUP -> "{\"TableName\":\"$T\",\"BackupName\":\"nightly\"}";
      case DESCRIBE_BACKUP, DELETE_BACKUP -> "{\"BackupArn\":\"$A/backup/01767225600000-0a1b2c3d\"}";
      case LIST_BACKUPS -> "{\"TableName\":\"$T\",\"Limit\":10}";
      case RESTORE_TABLE_FROM_BACKUP -> "{\"TargetTableName\":\"$T-restored\",\"BackupArn\":\"$A/backup/01767225600000-0a1b2c3d\"}";
      case UPDATE_CONTINUOUS_BACKUPS ->
          "{\"TableName\":\"$T\",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}";
      case RESTORE_TABLE_TO_POINT_IN_TIME ->
          "{\"SourceTableName\":\"$T\",\"TargetTableName\":\"$T-pitr\",\"UseLatestRestorableTime\":true}";
      case GET_ITEM -> "{\"TableName\":\"$T\",\"Key\":$K,\"ConsistentRead\":true,\"ReturnConsumedCapacity\":\"TOTAL\"}";
      case PUT_ITEM -> """
          {"TableName":"$T","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"},"count":{"N":"1.50"},
           "data":{"M":{"l":{"L":[{"N":"-0.5"},{"BOOL":true},{"NULL":true},{"S":"é ✓"}]},"b":{"B":"AAEC"},
             "ss":{"SS":["x","y"]},"ns":{"NS":["2","1"]},"bs":{"BS":["AQ=="]}}}},
           "ReturnConsumedCapacity":"TOTAL"}""";
      case UPDATE_ITEM -> """
          {"TableName":"$T","Key":$K,"UpdateExpression":"SET #n = :v ADD c :one",
           "ExpressionAttributeNames":{"#n":"name"},"ExpressionAttributeValues":{":v":{"S":"x"},":one":{"N":"1"}},
           "ReturnValues":"ALL_NEW"}""";
      case DELETE_ITEM -> "{\"TableName\":\"$T\",\"Key\":$K,\"ReturnValues\":\"ALL_OLD\"}";
      case QUERY -> """
          {"TableName":"$T","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"a"}},
           "ScanIndexForward":false,"Limit":10}""";
      case SCAN -> "{\"TableName\":\"$T\",\"Segment\":0,\"TotalSegments\":2}";
      case BATCH_GET_ITEM -> "{\"RequestItems\":{\"$T\":{\"Keys\":[$K],\"ConsistentRead\":true}}}";
      case BATCH_WRITE_ITEM -> """
          {"RequestItems":{"$T":[{"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"N":"2"}}}},{"DeleteRequest":{"Key":$K}}]}}""";
      case TRANSACT_GET_ITEMS -> "{\"TransactItems\":[{\"Get\":{\"TableName\":\"$T\",\"Key\":$K}}]}";
      case TRANSACT_WRITE_ITEMS -> """
          {"TransactItems":[{"Put":{"TableName":"$T","Item":{"pk":{"S":"c"},"sk":{"N":"3"}}}},
            {"ConditionCheck":{"TableName":"$T","Key":$K,"ConditionExpression":"attribute_exists(pk)"}}],
           "ClientRequestToken":"token-1"}""";
      case EXECUTE_STATEMENT -> "{\"Statement\":\"SELECT * FROM \\\"$T\\\" WHERE pk = ?\",\"Parameters\":[{\"S\":\"a\"}]}";
      case BATCH_EXECUTE_STATEMENT ->
          "{\"Statements\":[{\"Statement\":\"SELECT * FROM \\\"$T\\\" WHERE pk = ? AND sk = ?\",\"Parameters\":[{\"S\":\"a\"},{\"N\":\"1\"}]}]}";
      case EXECUTE_TRANSACTION ->
          "{\"TransactStatements\":[{\"Statement\":\"SELECT * FROM \\\"$T\\\" WHERE pk = ? AND sk = ?\",\"Parameters\":[{\"S\":\"a\"},{\"N\":\"1\"}]}],"
              + "\"ClientRequestToken\":\"token-2\"}";
      case DESCRIBE_STREAM -> "{\"StreamArn\":\"$A/stream/2026-01-01T00:00:00.000\",\"Limit\":10}";
      case GET_SHARD_ITERATOR ->
          "{\"StreamArn\":\"$A/stream/2026-01-01T00:00:00.000\",\"ShardId\":\"shardId-00000001767225600000-00000000\",\"ShardIteratorType\":\"TRIM_HORIZON\"}";
      case GET_RECORDS -> "{\"ShardIterator\":\"$A/stream/2026-01-01T00:00:00.000|1|AAAA\",\"Limit\":100}";
    };
    return json.replace("$K", key).replace("$T", table).replace("$A", arn);
  }
}
