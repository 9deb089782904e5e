package io.dynamo4j.mapper;

import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.convert.AttributeConverter;
import io.dynamo4j.mapper.convert.ConverterProvider;
import io.dynamo4j.mapper.convert.Converters;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converter providers, lookups, the reflective fallback and the dump switch. */
class MapperOptionsTest {

  public record Money(String currency, long cents) {}

  public record Wallet(@PartitionKey String id, Money main, List<Money> history, Map<String, Money> byName,
      Optional<Money> maybe) {}

  /** Money as one string, "EUR 1234". */
  static final ConverterProvider MONEY = (type, lookup) -> type == Money.class ? new AttributeConverter<Money>() {
    @Override
    public AttributeValue toAttributeValue(Money value) {
      return s(value.currency() + " " + value.cents());
    }

    @Override
    public Money fromAttributeValue(AttributeValue value) {
      String[] parts = Converters.string(value).split(" ");
      return new Money(parts[0], Long.parseLong(parts[1]));
    }

    @Override
    public AttributeValue.Type attributeType() {
      return AttributeValue.Type.S;
    }
  } : null;

  @Test
  void converterProvider_servesTheTypeAndContainersOfIt() {
    Mapper mapper = Mapper.builder().converters(MONEY).build();
    Wallet w = new Wallet("w", new Money("EUR", 1234), List.of(new Money("USD", 1)), Map.of("a", new Money("GBP", 2)),
        Optional.of(new Money("CHF", 3)));
    Item item = mapper.schema(Wallet.class).toItem(w);
    assertThat(item.get("main")).isEqualTo(s("EUR 1234"));
    assertThat(item.get("history")).isEqualTo(l(s("USD 1")));
    assertThat(item.get("byName")).isEqualTo(m(Map.of("a", s("GBP 2"))));
    assertThat(item.get("maybe")).isEqualTo(s("CHF 3"));
    assertThat(mapper.schema(Wallet.class).fromItem(item)).isEqualTo(w);
  }

  @Test
  void withoutProvider_sameTypeIsANestedMap() {
    Wallet w = new Wallet("w", new Money("EUR", 1234), List.of(), Map.of(), Optional.empty());
    Item item = Mapper.create().schema(Wallet.class).toItem(w);
    assertThat(item.get("main")).isEqualTo(m(Map.of("currency", s("EUR"), "cents", n(1234))));
    assertThat(item).doesNotContainKey("maybe");
    assertThat(Mapper.create().schema(Wallet.class).fromItem(item)).isEqualTo(w);
  }

  public record OnlyHere(@PartitionKey String id, int n) {}

  @Test
  void lookupWithoutAccess_fallsBackToReflection_andSaysSo() {
    List<LogRecord> logged = new ArrayList<>();
    Logger logger = Logger.getLogger("io.dynamo4j.mapper");
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      Mapper mapper = Mapper.builder().lookup(MethodHandles.publicLookup()).build();
      TableSchema<OnlyHere> schema = mapper.schema(OnlyHere.class);
      assertThat(schema.accessorKind()).isEqualTo(AccessorKind.REFLECTIVE);
      assertThat(schema.fromItem(schema.toItem(new OnlyHere("x", 3)))).isEqualTo(new OnlyHere("x", 3));
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(logged).anySatisfy(r -> assertThat(r.getMessage())
        .startsWith("dynamo4j mapper: cannot generate the accessor of " + OnlyHere.class.getName())
        .contains("using reflection"));
  }

  public record Dumped(@PartitionKey String id) {}

  @Test
  void dumpSwitch_writesGeneratedClassFiles(@TempDir Path dir) throws Exception {
    Mapper mapper = Mapper.builder().lookup(MethodHandles.lookup()).dumpGeneratedClasses(dir).build();
    assertThat(mapper.schema(Dumped.class).accessorKind()).isEqualTo(AccessorKind.GENERATED);
    Path file = dir.resolve(Dumped.class.getName().replace('.', '/') + "$$Dynamo4jAccessor.class");
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
  }

  @Test
  void secondMapper_reusesTheDefinedClass() {
    TableSchema<Fixtures.Pair> a = Mapper.create().schema(Fixtures.Pair.class);
    TableSchema<Fixtures.Pair> b = Mapper.create().schema(Fixtures.Pair.class);
    assertThat(a.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(b.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(b.fromItem(a.toItem(new Fixtures.Pair("k", 1)))).isEqualTo(new Fixtures.Pair("k", 1));
  }
}
