package io.dynamo4j.engine.tck.model;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.tck.Invariants;
import io.dynamo4j.engine.tck.model.ReferenceModel.Page;
import io.dynamo4j.engine.tck.model.ReferenceModel.Target;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random operation sequences run against the engine and against {@link ReferenceModel}: every
 * result (items, Count, ScannedCount, LastEvaluatedKey, returned attributes, condition failures)
 * must agree, and every few operations the full contents of the table and of each index, in
 * keyspace order, must agree too.
 *
 * <p>A failure names its seed; rerun one seed with {@code -Ddynamo4j.seed=<seed>} (and
 * {@code -Ddynamo4j.operations=<n>} to change the sequence length).
 *
 * <h2>What runs</h2>
 *
 * {@link #ENABLED} lists the operations drawn: all of them. PutItem (with and without conditions,
 * ReturnValues ALL_OLD), GetItem, UpdateItem (SET, REMOVE, ADD, with conditions and ReturnValues),
 * DeleteItem (with conditions, ReturnValues ALL_OLD), Query and Scan.
 */
class RandomOperationsTest extends EngineTest {

  /** The operations a sequence draws from. */
  enum Op { PUT, GET, QUERY, SCAN, CONDITIONAL_PUT, UPDATE, DELETE }

  /** The one place that says what runs (see the class comment). */
  static final Set<Op> ENABLED = EnumSet.allOf(Op.class);

  private static final String TABLE = "Model";
  private static final List<String> PKS = List.of("a", "b", "c", "d", "e", "f", "g", "h");
  private static final List<String> SKS = List.of("-2", "-1", "0", "1", "1.5", "2", "3");

  static List<Long> seeds() {
    String fixed = System.getProperty("dynamo4j.seed");
    if (fixed != null) {
      return List.of(Long.parseLong(fixed));
    }
    return List.of(1L, 2L, 3L, 42L, System.nanoTime());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomOperations_engineAndReferenceModel_agree(long seed) {
    int operations = Integer.getInteger("dynamo4j.operations", 2500);
    createTable();
    ReferenceModel model = new ReferenceModel();
    Random random = new Random(seed);
    List<Op> ops = new ArrayList<>(ENABLED);
    String step = "setup";
    try {
      for (int i = 0; i < operations; i++) {
        Op op = ops.get(random.nextInt(ops.size()));
        step = "operation " + i + " (" + op + ")";
        switch (op) {
          case PUT -> put(random, model, false);
          case CONDITIONAL_PUT -> put(random, model, true);
          case GET -> get(random, model);
          case QUERY -> query(random, model);
          case SCAN -> scan(random, model);
          case UPDATE -> update(random, model);
          case DELETE -> delete(random, model);
        }
        if (i % 250 == 249) {
          step = "contents after operation " + i;
          compareContents(model);
        }
      }
      step = "final contents";
      compareContents(model);
      Invariants.check(engine);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + seed + " failed at " + step + " (rerun with -Ddynamo4j.seed=" + seed + "): "
          + e.getMessage(), e);
    }
  }

  private void createTable() {
    engine.createTable(t -> t.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.number("gs"), AttributeDefinition.string("l"))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"), KeySchemaElement.range("gs"))
                .projection(Projection.include("v")).build(),
            GlobalSecondaryIndex.builder().indexName("byGs").keySchema(KeySchemaElement.hash("gs"))
                .projection(Projection.keysOnly()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.all()).build()));
  }

  // ---------------------------------------------------------------- random values

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private static Item randomKey(Random r) {
    return Item.of("pk", s(pick(r, PKS)), "sk", n(pick(r, SKS)));
  }

  private static Item randomItem(Random r) {
    Item.Builder b = Item.builder().put("pk", s(pick(r, PKS))).put("sk", n(pick(r, SKS)));
    if (r.nextInt(4) > 0) {
      b.put("g", s(pick(r, List.of("x", "y", "z"))));
    }
    if (r.nextInt(4) > 0) {
      b.put("gs", n(r.nextInt(4)));
    }
    if (r.nextInt(3) > 0) {
      b.put("l", s(pick(r, List.of("l1", "l2", "l3", "m"))));
    }
    if (r.nextInt(3) > 0) {
      b.put("v", n(r.nextInt(5) - 2));
    }
    if (r.nextBoolean()) {
      b.put("w", s(pick(r, List.of("a", "ab", "b", "ba"))));
    }
    return b.build();
  }

  /** A filter: the expression, its values, and what it means. */
  private record Filter(String expression, Map<String, AttributeValue> values, Predicate<Item> test) {}

  /** A random filter over attributes {@code target} projects, or null. */
  private static Filter randomFilter(Random r, Target target) {
    if (target == Target.BY_GS || r.nextInt(3) == 0) {
      return null;
    }
    int choice = target == Target.BY_G ? r.nextInt(2) : r.nextInt(4);
    int v = r.nextInt(5) - 2;
    return switch (choice) {
      case 0 -> new Filter("v > :f", Map.of(":f", n(v)), i -> {
        BigDecimal x = ReferenceModel.number(i.get("v"));
        return x != null && x.compareTo(BigDecimal.valueOf(v)) > 0;
      });
      case 1 -> new Filter("v = :f OR attribute_not_exists(v)", Map.of(":f", n(v)),
          i -> i.get("v") == null || n(v).equals(i.get("v")));
      case 2 -> new Filter("attribute_exists(w)", Map.of(), i -> i.get("w") != null);
      default -> new Filter("begins_with(w, :f)", Map.of(":f", s("a")),
          i -> i.get("w") instanceof AttributeValue.S w && w.value().startsWith("a"));
    };
  }

  /** A condition on the current item: the expression, its values, and what it means. */
  private record Cond(String expression, Map<String, AttributeValue> values, Predicate<Item> test) {}

  private static Cond randomCondition(Random r) {
    int v = r.nextInt(5) - 2;
    return switch (r.nextInt(5)) {
      case 0 -> null;
      case 1 -> new Cond("attribute_not_exists(pk)", Map.of(), i -> i == null);
      case 2 -> new Cond("attribute_exists(pk)", Map.of(), i -> i != null);
      case 3 -> new Cond("v = :c", Map.of(":c", n(v)), i -> i != null && n(v).equals(i.get("v")));
      default -> new Cond("attribute_not_exists(v) OR v < :c", Map.of(":c", n(v)), i -> {
        BigDecimal x = i == null ? null : ReferenceModel.number(i.get("v"));
        return i == null || i.get("v") == null || (x != null && x.compareTo(BigDecimal.valueOf(v)) < 0);
      });
    };
  }

  private static Map<String, AttributeValue> merge(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    Map<String, AttributeValue> m = new HashMap<>(a);
    m.putAll(b);
    return m.isEmpty() ? null : m;
  }

  // ---------------------------------------------------------------- operations

  private void put(Random r, ReferenceModel model, boolean conditional) {
    Item item = randomItem(r);
    Cond cond = conditional ? randomCondition(r) : null;
    Item old = model.get(item);
    boolean passes = cond == null || cond.test().test(old);
    boolean returnOld = conditional && r.nextBoolean(); // ReturnValues comes with conditional writes
    try {
      var response = engine.putItem(p -> p.tableName(TABLE).item(item)
          .conditionExpression(cond == null ? null : cond.expression())
          .expressionAttributeValues(cond == null || cond.values().isEmpty() ? null : cond.values())
          .returnValues(returnOld ? ReturnValue.ALL_OLD : null));
      assertThat(passes).as("PutItem %s succeeded; condition %s on %s", item, cond, old).isTrue();
      if (returnOld) {
        assertThat(response.attributes()).as("PutItem ALL_OLD").isEqualTo(old);
      }
      model.put(item);
    } catch (ConditionalCheckFailedException e) {
      assertThat(passes).as("PutItem %s failed its condition %s on %s", item, cond, old).isFalse();
    }
  }

  private void get(Random r, ReferenceModel model) {
    Item key = randomKey(r);
    boolean consistent = r.nextBoolean();
    Item got = engine.getItem(g -> g.tableName(TABLE).key(key).consistentRead(consistent)).item();
    assertThat(got).as("GetItem %s", key).isEqualTo(model.get(key));
  }

  private void update(Random r, ReferenceModel model) {
    Item key = randomKey(r);
    Item old = model.get(key);
    Cond cond = randomCondition(r);
    boolean passes = cond == null || cond.test().test(old);
    int shape = r.nextInt(4);
    Map<String, AttributeValue> values = new HashMap<>();
    String expression;
    Item.Builder next = (old == null ? key : old).toBuilder();
    switch (shape) {
      case 0 -> {
        AttributeValue v = n(r.nextInt(5) - 2);
        values.put(":v", v);
        values.put(":w", s("b"));
        expression = "SET v = :v, w = :w";
        next.put("v", v).put("w", s("b"));
      }
      case 1 -> {
        expression = "REMOVE g, l";
        next.remove("g").remove("l");
      }
      case 2 -> {
        AttributeValue gs = n(r.nextInt(4));
        values.put(":gs", gs);
        values.put(":g", s("x"));
        expression = "SET gs = :gs, g = :g";
        next.put("gs", gs).put("g", s("x"));
      }
      default -> {
        values.put(":one", n(1));
        expression = "ADD v :one";
        BigDecimal before = old == null ? null : ReferenceModel.number(old.get("v"));
        next.put("v", n(before == null ? BigDecimal.ONE : before.add(BigDecimal.ONE)));
      }
    }
    boolean addOnNonNumber = shape == 3 && old != null && old.get("v") != null && !(old.get("v") instanceof AttributeValue.N);
    // An update of only REMOVE actions does not create a missing item (DynamoDB's behaviour).
    boolean createsNothing = shape == 1 && old == null;
    Item updated = createsNothing ? null : next.build();
    ReturnValue returnValue = pick(r, List.of(ReturnValue.NONE, ReturnValue.ALL_OLD, ReturnValue.ALL_NEW));
    try {
      var response = engine.updateItem(u -> u.tableName(TABLE).key(key).updateExpression(expression)
          .conditionExpression(cond == null ? null : cond.expression())
          .expressionAttributeValues(merge(values, cond == null ? Map.of() : cond.values())).returnValues(returnValue));
      assertThat(passes && !addOnNonNumber).as("UpdateItem %s %s succeeded; condition %s on %s", key, expression, cond, old).isTrue();
      if (returnValue == ReturnValue.ALL_OLD) {
        assertThat(response.attributes()).as("UpdateItem ALL_OLD").isEqualTo(old);
      } else if (returnValue == ReturnValue.ALL_NEW) {
        assertThat(response.attributes()).as("UpdateItem ALL_NEW").isEqualTo(updated);
      }
      if (!createsNothing) {
        model.put(updated);
      }
    } catch (ConditionalCheckFailedException e) {
      assertThat(passes).as("UpdateItem %s failed its condition %s on %s", key, cond, old).isFalse();
    }
  }

  private void delete(Random r, ReferenceModel model) {
    Item key = randomKey(r);
    Item old = model.get(key);
    Cond cond = randomCondition(r);
    boolean passes = cond == null || cond.test().test(old);
    try {
      var response = engine.deleteItem(d -> d.tableName(TABLE).key(key)
          .conditionExpression(cond == null ? null : cond.expression())
          .expressionAttributeValues(cond == null || cond.values().isEmpty() ? null : cond.values())
          .returnValues(ReturnValue.ALL_OLD));
      assertThat(passes).as("DeleteItem %s succeeded; condition %s on %s", key, cond, old).isTrue();
      assertThat(response.attributes()).as("DeleteItem ALL_OLD").isEqualTo(old);
      model.delete(key);
    } catch (ConditionalCheckFailedException e) {
      assertThat(passes).as("DeleteItem %s failed its condition %s on %s", key, cond, old).isFalse();
    }
  }

  /** A random Query of a random target, paged to the end or stopped after a page. */
  private void query(Random r, ReferenceModel model) {
    Target target = pick(r, List.of(Target.TABLE, Target.TABLE, Target.BY_G, Target.BY_GS, Target.BY_L));
    AttributeValue partition = switch (target) {
      case BY_G -> s(pick(r, List.of("x", "y", "z")));
      case BY_GS -> n(r.nextInt(4));
      default -> s(pick(r, PKS));
    };
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":p", partition);
    String condition = target.partition + " = :p";
    Predicate<Item> selected = e -> partition.equals(e.get(target.partition));
    boolean sortCondition = target.sort != null && r.nextBoolean();
    if (sortCondition) {
      AttributeValue a = target == Target.BY_L ? s(pick(r, List.of("l", "l1", "l2", "l3", "m"))) : n(r.nextInt(6) - 2);
      AttributeValue b = target == Target.BY_L ? s(pick(r, List.of("l2", "m", "z"))) : n(r.nextInt(3) + 2);
      String op = pick(r, target == Target.BY_L ? List.of("=", "<", "<=", ">", ">=", "between", "begins_with")
          : List.of("=", "<", "<=", ">", ">=", "between"));
      values.put(":a", a);
      String sort = target.sort;
      condition += switch (op) {
        case "between" -> " AND " + sort + " BETWEEN :a AND :b";
        case "begins_with" -> " AND begins_with(" + sort + ", :a)";
        default -> " AND " + sort + " " + op + " :a";
      };
      if (op.equals("between")) {
        if (ReferenceModel.compare(a, b) > 0) {
          AttributeValue t = a;
          a = b;
          b = t;
          values.put(":a", a);
        }
        values.put(":b", b);
      }
      AttributeValue low = a;
      AttributeValue high = b;
      Predicate<Item> range = e -> {
        AttributeValue v = e.get(sort);
        int c = ReferenceModel.compare(v, low);
        return switch (op) {
          case "=" -> c == 0;
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          case ">=" -> c >= 0;
          case "between" -> c >= 0 && ReferenceModel.compare(v, high) <= 0;
          default -> ((AttributeValue.S) v).value().startsWith(((AttributeValue.S) low).value());
        };
      };
      selected = selected.and(range);
    }
    Filter filter = randomFilter(r, target);
    if (filter != null) {
      values.putAll(filter.values());
    }
    boolean reverse = r.nextBoolean();
    int limit = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(6);
    boolean count = r.nextInt(5) == 0;
    boolean consistent = target != Target.BY_G && target != Target.BY_GS && r.nextBoolean();
    // an arbitrary start in the partition, for queries without a sort condition
    Item start = null;
    if (!sortCondition && target == Target.TABLE && r.nextInt(4) == 0) {
      start = Item.of("pk", partition, "sk", n(pick(r, SKS)));
    }
    String keyCondition = condition;
    Predicate<Item> keep = selected;
    boolean allPages = r.nextBoolean();
    do {
      Item from = start;
      QueryResponse response = engine.query(q -> q.tableName(TABLE).indexName(target.indexName)
          .keyConditionExpression(keyCondition).filterExpression(filter == null ? null : filter.expression())
          .expressionAttributeValues(values).scanIndexForward(reverse ? false : null).limit(limit == 0 ? null : limit)
          .select(count ? Select.COUNT : null).consistentRead(consistent).exclusiveStartKey(from));
      Page expected = model.page(target, keep, reverse, from, limit, filter == null ? null : filter.test(), count);
      String what = "Query " + target + " " + keyCondition + " " + values + " filter " + (filter == null ? "-" : filter.expression())
          + " reverse " + reverse + " limit " + limit + " from " + from;
      assertThat(response.items()).as(what + ": items").isEqualTo(expected.items());
      assertThat(response.count()).as(what + ": Count").isEqualTo(expected.count());
      assertThat(response.scannedCount()).as(what + ": ScannedCount").isEqualTo(expected.scannedCount());
      assertThat(response.lastEvaluatedKey()).as(what + ": LastEvaluatedKey").isEqualTo(expected.lastEvaluatedKey());
      start = response.lastEvaluatedKey();
    } while (allPages && start != null);
  }

  /** A random Scan of a random target, whole or one segment, paged to the end or stopped after a page. */
  private void scan(Random r, ReferenceModel model) {
    Target target = pick(r, List.of(Target.TABLE, Target.BY_G, Target.BY_GS, Target.BY_L));
    Filter filter = randomFilter(r, target);
    int limit = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(12);
    boolean segmented = r.nextInt(3) == 0;
    int total = segmented ? 1 + r.nextInt(4) : 0;
    int segment = segmented ? r.nextInt(total) : 0;
    Predicate<Item> selected = segmented
        ? e -> ReferenceModel.inSegment(e.get(target.partition), segment, total) : e -> true;
    boolean count = r.nextInt(6) == 0;
    Item start = null;
    if (!segmented && target == Target.TABLE && r.nextInt(5) == 0) {
      start = randomKey(r);
    }
    boolean allPages = r.nextBoolean();
    do {
      Item from = start;
      ScanResponse response = engine.scan(q -> q.tableName(TABLE).indexName(target.indexName)
          .filterExpression(filter == null ? null : filter.expression())
          .expressionAttributeValues(filter == null || filter.values().isEmpty() ? null : filter.values())
          .limit(limit == 0 ? null : limit).select(count ? Select.COUNT : null)
          .segment(segmented ? segment : null).totalSegments(segmented ? total : null).exclusiveStartKey(from));
      Page expected = model.page(target, selected, false, from, limit, filter == null ? null : filter.test(), count);
      String what = "Scan " + target + " filter " + (filter == null ? "-" : filter.expression()) + " limit " + limit
          + (segmented ? " segment " + segment + "/" + total : "") + " from " + from;
      assertThat(response.items()).as(what + ": items").isEqualTo(expected.items());
      assertThat(response.count()).as(what + ": Count").isEqualTo(expected.count());
      assertThat(response.scannedCount()).as(what + ": ScannedCount").isEqualTo(expected.scannedCount());
      assertThat(response.lastEvaluatedKey()).as(what + ": LastEvaluatedKey").isEqualTo(expected.lastEvaluatedKey());
      start = response.lastEvaluatedKey();
    } while (allPages && start != null);
  }

  /** The table and every index, read whole by Scan, equal the model's contents in keyspace order. */
  private void compareContents(ReferenceModel model) {
    for (Target target : Target.values()) {
      List<Item> all = new ArrayList<>();
      Item start = null;
      do {
        Item from = start;
        ScanResponse page = engine.scan(q -> q.tableName(TABLE).indexName(target.indexName).limit(17).exclusiveStartKey(from));
        all.addAll(page.items());
        start = page.lastEvaluatedKey();
      } while (start != null);
      assertThat(all).as("contents of %s", target).isEqualTo(model.entries(target));
    }
  }
}
