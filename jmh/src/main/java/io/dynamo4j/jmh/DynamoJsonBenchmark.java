package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;

import io.dynamo4j.json.DynamoJson;
import io.dynamo4j.model.Item;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DynamoDB JSON: writing and reading an item of about 300 bytes, and computing its size.
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar DynamoJsonBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DynamoJsonBenchmark {

  private Item item;
  private String json;

  @Setup
  public void setUp() {
    item = Item.builder()
        .put("pk", s("customer#000123"))
        .put("sk", s("order#2026-11-23T14:00:00Z"))
        .put("total", n("1234.56"))
        .put("status", s("SHIPPED"))
        .put("tags", ss("gift", "express", "fragile"))
        .put("address", m(Map.of("street", s("1 Main St"), "city", s("Springfield"), "zip", s("12345"))))
        .put("lines", l(m(Map.of("sku", s("A-1"), "qty", n(2))), m(Map.of("sku", s("B-7"), "qty", n(1)))))
        .build();
    json = DynamoJson.writeItem(item);
  }

  @Benchmark
  public String writeItem() {
    return DynamoJson.writeItem(item);
  }

  @Benchmark
  public Item readItem() {
    return DynamoJson.readItem(json);
  }

  @Benchmark
  public int sizeInBytes() {
    return Item.copyOf(item).toBuilder().build().sizeInBytes();
  }
}
