package io.dynamo4j.engine.memory;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.model.Item;
import io.dynamo4j.spi.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run; and the README shows exactly this code. */
class ReadmeQuickStartTest {

  private static void quickStart() {
    // README quick start begins
    try (Engine engine = MemoryEngine.create()) {
      DynamoClient client = DynamoClient.create(engine);
      client.createTable(t -> t.tableName("Orders")
          .keySchema(KeySchemaElement.hash("id"))
          .attributeDefinitions(AttributeDefinition.string("id"))
          .billingMode(BillingMode.PAY_PER_REQUEST));
      client.putItem(p -> p.tableName("Orders").item(Item.of("id", s("o-1"), "total", n("12.50"))));
      Item order = client.getItem(g -> g.tableName("Orders").key(Item.of("id", s("o-1")))).item();
      System.out.println(order.getN("total")); // 12.5
    }
    // README quick start ends
  }

  @Test
  void quickStart_runsAndPrintsTheTotal() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      quickStart();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("12.5");
  }

  @Test
  void readme_showsExactlyTheCompiledQuickStart() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String source = Files.readString(module.resolve("src/test/java/io/dynamo4j/engine/memory/ReadmeQuickStartTest.java"));
    String readme = Files.readString(module.getParent().resolve("README.md"));
    String begin = "// README quick start begins\n";
    String code = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("    // README quick start ends"));
    String readmeBlock = readme.substring(readme.indexOf("```java\n", readme.indexOf("## Quick start")) + "```java\n".length());
    readmeBlock = readmeBlock.substring(0, readmeBlock.indexOf("```"));
    assertThat(readmeBlock).isEqualTo(code.replaceAll("(?m)^    ", ""));
  }
}
