package io.dynamo4j.mapper.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.SortKey;
import io.dynamo4j.mapper.annotation.Table;
import io.dynamo4j.mapper.annotation.Version;
import io.dynamo4j.spi.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's mapper example, compiled and run; and the README shows exactly this code. */
class ReadmeMapperTest {

  // README mapper begins
  @Table("Orders")
  public record Order(@PartitionKey String customer, @SortKey int number, BigDecimal total, @Version Long version) {}

  static void example() {
    try (Engine engine = MemoryEngine.create()) {
      MappedTable<Order> orders = Mapper.create().table(DynamoClient.create(engine), Order.class);
      orders.createTable();
      orders.put(new Order("ada", 1, new BigDecimal("12.50"), null));
      orders.put(new Order("ada", 2, new BigDecimal("7"), null));
      System.out.println(orders.get("ada", 1).version()); // 1
      System.out.println(orders.query("ada").sortGt(1).list()); // [Order[customer=ada, number=2, total=7, version=1]]
    }
  }
  // README mapper ends

  @Test
  void example_runsAndPrintsWhatTheReadmeSays() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      example();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("1", "[Order[customer=ada, number=2, total=7, version=1]]");
  }

  @Test
  void readme_showsExactlyTheCompiledExample() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String source = Files.readString(module.resolve("src/test/java/io/dynamo4j/mapper/readme/ReadmeMapperTest.java"));
    String readme = Files.readString(module.getParent().resolve("README.md"));
    String begin = "// README mapper begins\n";
    String code = source.substring(source.indexOf(begin) + begin.length(), source.indexOf("  // README mapper ends"));
    String readmeBlock = readme.substring(readme.indexOf("```java\n", readme.indexOf("## Mapper")) + "```java\n".length());
    readmeBlock = readmeBlock.substring(0, readmeBlock.indexOf("```"));
    assertThat(readmeBlock).isEqualTo(code.replaceAll("(?m)^  ", ""));
  }
}
