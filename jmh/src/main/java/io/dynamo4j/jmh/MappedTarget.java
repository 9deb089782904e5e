package io.dynamo4j.jmh;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.jmh.MapperBenchmark.OneKbBean;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.Mapper;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The object-mapping targets of {@link MappedGetItemBenchmark} and {@link MappedPutItemBenchmark}: an
 * application's annotated class ({@link OneKbBean}, annotated for both mappers) stored and read
 * through a mapper and a database, end to end. {@link #ENHANCED_CLIENT} is what a Java
 * application would use today; {@link #DYNAMO4J_MAPPER} is its dynamo4j counterpart. Immutable
 * and thread-safe.
 */
public enum MappedTarget {

  /** dynamo4j's {@code Mapper} and {@code MappedTable} over the memory engine ({@code DynamoClient}). */
  DYNAMO4J_MAPPER {
    @Override
    Table open(String name) {
      LocalEngine engine = MemoryEngine.create();
      DynamoClient client = DynamoClient.create(engine);
      MappedTable<OneKbBean> table = Mapper.create().table(client, name, OneKbBean.class);
      table.createTable();
      return new Table() {
        @Override
        public void put(OneKbBean bean) {
          table.put(bean);
        }

        @Override
        public OneKbBean get(String pk, int sk) {
          return table.get(pk, sk);
        }

        @Override
        public void close() {
          client.close();
          engine.close();
        }
      };
    }
  },

  /**
   * The AWS SDK's Enhanced Client ({@code TableSchema.fromBean}) over DynamoDB Local in this JVM, in
   * memory (the {@code DynamoDbClient} {@code DynamoDBEmbedded} hands out, as {@link Target#DYNAMODB_LOCAL}).
   */
  ENHANCED_CLIENT {
    @Override
    Table open(String name) {
      DynamoDbLocal.useNativeLibrary();
      var local = com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded.create(true);
      DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build();
      DynamoDbTable<OneKbBean> table = enhanced.table(name, TableSchema.fromBean(OneKbBean.class));
      table.createTable();
      return new Table() {
        @Override
        public void put(OneKbBean bean) {
          table.putItem(bean);
        }

        @Override
        public OneKbBean get(String pk, int sk) {
          return table.getItem(Key.builder().partitionValue(pk).sortValue(sk).build());
        }

        @Override
        public void close() {
          // As in DynamoDbLocal: shutdownNow(), not the client's close().
          local.shutdownNow();
        }
      };
    }
  };

  /** One table of {@link OneKbBean}s through one mapper; thread-safe. */
  interface Table extends AutoCloseable {
    void put(OneKbBean bean);

    /** The object with this key, or null. */
    OneKbBean get(String pk, int sk);

    @Override
    void close();
  }

  /** A new, empty table called {@code name}; the caller closes it. */
  abstract Table open(String name);
}
