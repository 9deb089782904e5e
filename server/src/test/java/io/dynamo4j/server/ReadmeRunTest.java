package io.dynamo4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.server.awssdk.InProcessHttpClient;
import io.dynamo4j.spi.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The README's "Run" section: its Java example compiled and run, its command the launcher's. */
class ReadmeRunTest {

  private static void inProcess() {
    // README in-process begins
    try (Engine engine = MemoryEngine.create();
        DynamoDbClient ddb = DynamoDbClient.builder()
            .httpClient(InProcessHttpClient.create(engine))
            .endpointOverride(URI.create("http://localhost:8000")) // never contacted
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
            .build()) {
      ddb.createTable(t -> t.tableName("Orders")
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .billingMode(BillingMode.PAY_PER_REQUEST));
      ddb.putItem(p -> p.tableName("Orders")
          .item(Map.of("id", AttributeValue.fromS("o-1"), "total", AttributeValue.fromN("12.50"))));
      Map<String, AttributeValue> order = ddb.getItem(g -> g.tableName("Orders")
          .key(Map.of("id", AttributeValue.fromS("o-1")))).item();
      System.out.println(order.get("total").n()); // 12.5
    }
    // README in-process ends
  }

  @Test
  void inProcessExample_runsAndPrintsTheTotal() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      inProcess();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("12.5");
  }

  @Test
  void readme_showsExactlyTheCompiledExample_andTheLauncherCommand() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String source = Files.readString(module.resolve("src/test/java/io/dynamo4j/server/ReadmeRunTest.java"));
    String readme = Files.readString(module.getParent().resolve("README.md"));
    String run = readme.substring(readme.indexOf("## Run"));
    run = run.substring(0, run.indexOf("\n## ", 1));

    String begin = "// README in-process begins\n";
    String code = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("    // README in-process ends"));
    String block = run.substring(run.indexOf("```java\n") + "```java\n".length());
    block = block.substring(0, block.indexOf("```"));
    assertThat(block).isEqualTo(code.replaceAll("(?m)^    ", ""));

    assertThat(run).contains("mvn -B -q -pl server -am package -DskipTests && java "
        + "-XX:SharedArchiveFile=server/target/dynamo4j-server.jsa -jar server/target/dynamo4j-server.jar\n");
    String pom = Files.readString(module.resolve("pom.xml"));
    assertThat(pom).contains("<finalName>dynamo4j-server</finalName>",
        "<argument>-XX:ArchiveClassesAtExit=${project.build.directory}/dynamo4j-server.jsa</argument>");
  }
}
