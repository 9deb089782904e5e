package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;

import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of DynamoDB expressions in dynamo4j, for four typical request shapes: compiling a
 * request's expressions without the parse cache ({@link ExpressionSet#compileUncached}: lex, parse,
 * resolve), with it ({@link ExpressionSet#compile}: cache lookup and resolve, the path every request
 * takes once its text has been seen), and running the compiled result against an item (condition
 * test, update application, projection).
 *
 * <p>Run it (from the repository root, after {@code mvn -B -q -pl jmh -am install -DskipTests}):
 *
 * <pre>{@code
 * java -cp "jmh/target/classes:$(mvn -B -q -pl jmh dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     org.openjdk.jmh.Main ExpressionBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 *
 * <p>Not thread-safe; JMH gives each thread its own state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {

  /** Request shapes, each with the expressions a typical application sends. */
  public enum Shape {
    /** A Scan's one-comparison FilterExpression. */
    SIMPLE_FILTER(ExpressionInputs.builder(Operation.SCAN)
        .filterExpression("#s = :active")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":active", s("ACTIVE")))),
    /** A PutItem's ConditionExpression with functions, BETWEEN, OR and nested paths. */
    CONDITION(ExpressionInputs.builder(Operation.PUT)
        .conditionExpression("attribute_exists(pk) AND #s = :active AND (price BETWEEN :lo AND :hi "
            + "OR contains(tags, :tag)) AND size(address.street[0]) > :len AND NOT begins_with(sku, :prefix)")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":active", s("ACTIVE"), ":lo", n(10), ":hi", n(100),
            ":tag", s("red"), ":len", n(3), ":prefix", s("X-")))),
    /** An UpdateItem with every clause and a ConditionExpression. */
    UPDATE(ExpressionInputs.builder(Operation.UPDATE)
        .updateExpression("SET price = price + :inc, address.city = :city, history = list_append(history, :event), "
            + "created = if_not_exists(created, :now) REMOVE obsolete, address.zip ADD visits :one DELETE tags :old")
        .conditionExpression("version = :version")
        .expressionAttributeValues(Map.of(":inc", n("1.25"), ":city", s("Lyon"), ":event", l(s("viewed")),
            ":now", n(1_700_000_000L), ":one", n(1), ":old", ss("old"), ":version", n(7)))),
    /** A GetItem's ProjectionExpression with nested paths and list elements. */
    PROJECTION(ExpressionInputs.builder(Operation.GET)
        .projectionExpression("pk, #s, address.city, history[1], history[0], tags, price")
        .expressionAttributeNames(Map.of("#s", "status")));

    final ExpressionInputs inputs;

    Shape(ExpressionInputs.Builder inputs) {
      this.inputs = inputs.build();
    }
  }

  @Param
  public Shape shape;

  private ExpressionInputs inputs;
  private ExpressionSet compiled;
  private Item item;

  @Setup
  public void setUp() {
    inputs = shape.inputs;
    compiled = ExpressionSet.compile(inputs);
    item = Item.builder()
        .put("pk", s("order#1234"))
        .put("sku", s("A-100"))
        .put("status", s("ACTIVE"))
        .put("price", n("42.50"))
        .put("version", n(7))
        .put("visits", n(3))
        .put("tags", ss("red", "old", "sale"))
        .put("obsolete", bool(true))
        .put("history", l(s("created"), s("paid"), s("shipped")))
        .put("address", m(Map.<String, AttributeValue>of(
            "street", l(s("1 rue de la Paix"), s("Bât. B")),
            "city", s("Paris"),
            "zip", s("75002"))))
        .build();
  }

  /** Lex, parse and resolve, bypassing the parse cache. */
  @Benchmark
  public ExpressionSet compileUncached() {
    return ExpressionSet.compileUncached(inputs);
  }

  /** Parse-cache lookup and resolve: what a request with a familiar expression text costs. */
  @Benchmark
  public ExpressionSet compileCached() {
    return ExpressionSet.compile(inputs);
  }

  /** Run the compiled expressions against the item: test the condition, apply the update, project. */
  @Benchmark
  public Object evaluate() {
    return switch (shape) {
      case SIMPLE_FILTER -> compiled.filter().test(item);
      case CONDITION -> compiled.condition().test(item);
      case UPDATE -> compiled.condition().test(item) ? compiled.update().apply(item) : null;
      case PROJECTION -> compiled.projection().apply(item);
    };
  }
}
