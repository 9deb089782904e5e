package io.dynamo4j.jmh;

import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.disk.DiskOptions;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.server.DynamoServer;
import io.dynamo4j.server.awssdk.InProcessHttpClient;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a benchmark measures: a benchmark takes one as a JMH {@code @Param}, so dynamo4j and the
 * incumbents run in the same run, on the same data, with the same benchmark code. Pick some with
 * {@code -p target=DYNAMO4J_MEMORY,DYNAMODB_LOCAL}.
 *
 * <p>Each target names its {@link #baseline()}: the DynamoDB Local target an application would use
 * instead, which the summary divides by. In-process targets compare with DynamoDB Local in process,
 * servers with DynamoDB Local's server, both through the same AWS SDK client and HTTP client.
 *
 * <p>To add a target, add a constant and a {@link Database} for it. Immutable and thread-safe.
 */
public enum Target {

  /** dynamo4j's in-memory engine ({@code MemoryEngine}) through {@code DynamoClient}. */
  DYNAMO4J_MEMORY {
    @Override
    Database open() {
      return new Dynamo4jDatabase(MemoryEngine.create());
    }

    @Override
    Target baseline() {
      return DYNAMODB_LOCAL;
    }
  },

  /**
   * dynamo4j's persistent engine ({@code DiskEngine}, durability {@code process}: an acknowledged
   * write survives kill -9) over a new temporary folder that {@link Database#close()} deletes,
   * through {@code DynamoClient}. The JVM needs Chronicle Queue's flags ({@code
   * DiskEngine.JVM_FLAGS}; scripts/bench.sh passes them).
   */
  DYNAMO4J_DISK {
    @Override
    Database open() {
      return Dynamo4jDatabase.onDisk(DiskOptions.defaults());
    }

    @Override
    Target baseline() {
      return DYNAMODB_LOCAL_FILE;
    }
  },

  /** As {@link #DYNAMO4J_DISK} with durability {@code fsync}: acknowledged writes survive power loss. */
  DYNAMO4J_DISK_FSYNC {
    @Override
    Database open() {
      return Dynamo4jDatabase.onDisk(DiskOptions.builder().durability(DiskOptions.Durability.FSYNC).build());
    }

    @Override
    Target baseline() {
      return DYNAMODB_LOCAL_FILE;
    }
  },

  /**
   * dynamo4j's server ({@code DynamoServer}, Netty) over a memory engine, in this JVM, on a free
   * loopback port, through the AWS SDK v2 {@code DynamoDbClient} with the Apache HTTP client.
   */
  DYNAMO4J_SERVER {
    @Override
    Database open() {
      LocalEngine engine = MemoryEngine.create();
      DynamoServer server = DynamoServer.builder().engine(engine).port(0).start();
      return AwsSdkDatabase.overHttp(server.endpoint(), () -> {
        server.close();
        engine.close();
      });
    }

    @Override
    Target baseline() {
      return DYNAMODB_LOCAL_SERVER;
    }
  },

  /**
   * The AWS SDK v2 {@code DynamoDbClient} over a memory engine through dynamo4j's in-process HTTP
   * client (no socket): what the SDK itself costs (marshalling, signing, JSON), the floor under
   * both servers' figures. Compared with DynamoDB Local in process.
   */
  DYNAMO4J_SDK_IN_PROCESS {
    @Override
    Database open() {
      LocalEngine engine = MemoryEngine.create();
      DynamoDbClient client = DynamoDbClient.builder()
          .endpointOverride(URI.create("http://localhost:8000")) // never contacted
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
          .httpClient(InProcessHttpClient.create(engine))
          .build();
      return new AwsSdkDatabase(client, () -> {
        client.close();
        engine.close();
      });
    }

    @Override
    Target baseline() {
      return DYNAMODB_LOCAL;
    }
  },

  /**
   * Amazon's DynamoDB Local 2.x in this JVM ({@code DynamoDBEmbedded}, in memory, telemetry off),
   * through the AWS SDK v2 {@code DynamoDbClient} it hands out (no HTTP).
   */
  DYNAMODB_LOCAL {
    @Override
    Database open() {
      return DynamoDbLocal.inMemory();
    }
  },

  /** DynamoDB Local in this JVM in file mode (over a new temporary folder), as {@link #DYNAMODB_LOCAL}. */
  DYNAMODB_LOCAL_FILE {
    @Override
    Database open() {
      return DynamoDbLocal.inFolder();
    }
  },

  /**
   * DynamoDB Local's HTTP server ({@code ServerRunner}, Jetty) in this JVM, in memory, on a free
   * loopback port, through the AWS SDK v2 {@code DynamoDbClient} with the Apache HTTP client.
   */
  DYNAMODB_LOCAL_SERVER {
    @Override
    Database open() {
      return DynamoDbLocal.server();
    }
  };

  /** A fresh, empty instance of this target; the caller closes it. */
  abstract Database open();

  /** The DynamoDB Local target this one is compared with; itself for DynamoDB Local's targets. */
  Target baseline() {
    return this;
  }
}
