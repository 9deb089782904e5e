package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.bs;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.ns;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeAction;
import io.dynamo4j.api.AttributeValueUpdate;
import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applying updates: every clause on missing, present and nested targets, list shifting and
 * appending, set emptying, arithmetic at the precision boundary, and DynamoDB's runtime errors.
 * Results were compared with DynamoDB Local 2.6.1; UPDATED_OLD and UPDATED_NEW follow the real
 * service (the item projected on the updated paths).
 */
class UpdateTest {

  private static final Map<String, AttributeValue> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(":v", s("x"));
    VALUES.put(":one", n(1));
    VALUES.put(":two", n(2));
    VALUES.put(":l", l(s("e")));
    VALUES.put(":ss", ss("a"));
    VALUES.put(":s2", ss("a", "b"));
    VALUES.put(":ns", ns("1"));
    VALUES.put(":bs", bs(new byte[] {1}));
    VALUES.put(":big", n("99999999999999999999999999999999999999"));
    VALUES.put(":tiny", n("1E-130"));
    VALUES.put(":half", n("0.5"));
    VALUES.put(":huge", n("9E125"));
  }

  private static final Item LIST = item("a", l(n(0), n(1), n(2), n(3)));
  private static final Item NESTED = item("a", m(Map.of("b", l(n(2), m(Map.of("x", s("hi")))), "c", n(5))));

  static Stream<Arguments> updates() {
    return Stream.of(
        // SET on missing, present and nested targets
        Arguments.of(Item.empty(), "SET a = :v", item("a", s("x"))),
        Arguments.of(item("a", n(1)), "SET a = :v", item("a", s("x"))),
        Arguments.of(NESTED, "SET a.c = :v", item("a", m(Map.of("b", l(n(2), m(Map.of("x", s("hi")))), "c", s("x"))))),
        Arguments.of(NESTED, "SET a.d = :v", item("a", m(Map.of("b", l(n(2), m(Map.of("x", s("hi")))), "c", n(5), "d", s("x"))))),
        Arguments.of(NESTED, "SET a.b[1].x = :v", item("a", m(Map.of("b", l(n(2), m(Map.of("x", s("x")))), "c", n(5))))),
        Arguments.of(item("a", n(1), "b", n(2)), "SET a = b, b = a", item("a", n(2), "b", n(1))),
        Arguments.of(item("a", n(1)), "SET a = a + :one, b = a", item("a", n(2), "b", n(1))),
        // arithmetic, exactly, to 38 digits
        Arguments.of(item("a", n(5)), "SET a = a - :two", item("a", n(3))),
        Arguments.of(Item.empty(), "SET a = :one + :two", item("a", n(3))),
        Arguments.of(item("a", n("99999999999999999999999999999999999999")), "SET a = a + :one",
            item("a", n("100000000000000000000000000000000000000"))),
        Arguments.of(item("a", n("2E-130")), "SET a = a - :tiny", item("a", n("1E-130"))),
        Arguments.of(item("a", n("1E-130")), "SET a = a - :tiny", item("a", n(0))),
        // if_not_exists and list_append
        Arguments.of(Item.empty(), "SET a = if_not_exists(b, :v)", item("a", s("x"))),
        Arguments.of(item("b", n(7)), "SET a = if_not_exists(b, :v)", item("b", n(7), "a", n(7))),
        Arguments.of(item("a", n(1)), "SET a = if_not_exists(a, :one) + :one", item("a", n(2))),
        Arguments.of(item("a", l(s("z"))), "SET a = list_append(a, :l)", item("a", l(s("z"), s("e")))),
        Arguments.of(item("a", l(s("z"))), "SET a = list_append(:l, a)", item("a", l(s("e"), s("z")))),
        Arguments.of(Item.empty(), "SET a = list_append(if_not_exists(a, :l), :l)", item("a", l(s("e"), s("e")))),
        // lists: indexes name the list as it was; REMOVE shifts; SET or ADD past the end appends in index order
        Arguments.of(LIST, "SET a[1] = :v", item("a", l(n(0), s("x"), n(2), n(3)))),
        Arguments.of(LIST, "SET a[9] = :v", item("a", l(n(0), n(1), n(2), n(3), s("x")))),
        Arguments.of(LIST, "SET a[9] = :v, a[7] = :one", item("a", l(n(0), n(1), n(2), n(3), n(1), s("x")))),
        Arguments.of(LIST, "REMOVE a[1]", item("a", l(n(0), n(2), n(3)))),
        Arguments.of(LIST, "REMOVE a[2], a[1]", item("a", l(n(0), n(3)))),
        Arguments.of(LIST, "REMOVE a[9]", LIST),
        Arguments.of(LIST, "REMOVE a[0], a[1], a[2], a[3]", item("a", l())),
        Arguments.of(LIST, "SET a[1] = :v REMOVE a[0]", item("a", l(s("x"), n(2), n(3)))),
        Arguments.of(LIST, "REMOVE a[3] SET a[4] = :v", item("a", l(n(0), n(1), n(2), s("x")))),
        Arguments.of(LIST, "SET a[0] = a[3], a[3] = a[0]", item("a", l(n(3), n(1), n(2), n(0)))),
        Arguments.of(LIST, "ADD a[0] :one, a[9] :two", item("a", l(n(1), n(1), n(2), n(3), n(2)))),
        Arguments.of(item("b", m(Map.of("a", n(1), "b", n(2), "c", n(3))), "c", l(n(1), n(3))),
            "SET b.c = ((c[1])+(b.a)), c[1] = :v, c[4] = b.a - b.b, c[2] = b.c ADD c[8] :ss, c[6] :two",
            item("b", m(Map.of("a", n(1), "b", n(2), "c", n(4))), "c", l(n(1), s("x"), n(3), n(-1), n(2), ss("a")))),
        // REMOVE
        Arguments.of(item("a", n(1), "b", n(2)), "REMOVE a", item("b", n(2))),
        Arguments.of(Item.empty(), "REMOVE a", Item.empty()),
        Arguments.of(item("a", m(Map.of())), "REMOVE a.b", item("a", m(Map.of()))),
        Arguments.of(NESTED, "REMOVE a.b[1].x", item("a", m(Map.of("b", l(n(2), m(Map.of())), "c", n(5))))),
        // ADD to numbers and sets, creating them when absent
        Arguments.of(Item.empty(), "ADD a :one", item("a", n(1))),
        Arguments.of(item("a", n(1)), "ADD a :two", item("a", n(3))),
        Arguments.of(Item.empty(), "ADD a :ss", item("a", ss("a"))),
        Arguments.of(item("a", ss("c")), "ADD a :s2", item("a", ss("a", "b", "c"))),
        Arguments.of(item("a", ss("a")), "ADD a :s2", item("a", ss("a", "b"))),
        Arguments.of(item("a", ns("1", "2")), "ADD a :ns", item("a", ns("1", "2"))),
        Arguments.of(item("a", bs(new byte[] {2})), "ADD a :bs", item("a", bs(new byte[] {1}, new byte[] {2}))),
        Arguments.of(item("m", m(Map.of("x", n(1)))), "ADD m.x :one, m.y :one", item("m", m(Map.of("x", n(2), "y", n(1))))),
        // DELETE from sets, removing the attribute when it empties
        Arguments.of(item("a", ss("a", "b")), "DELETE a :ss", item("a", ss("b"))),
        Arguments.of(item("a", ss("a")), "DELETE a :ss", Item.empty()),
        Arguments.of(item("a", ss("a")), "DELETE a :s2", Item.empty()),
        Arguments.of(item("a", ss("c")), "DELETE a :ss", item("a", ss("c"))),
        Arguments.of(Item.empty(), "DELETE a :ss", Item.empty()),
        Arguments.of(item("a", ns("1", "2")), "DELETE a :ns", item("a", ns("2"))),
        Arguments.of(item("m", m(Map.of("x", ss("a")))), "DELETE m.x :ss, m.y :ss", item("m", m(Map.of()))),
        Arguments.of(item("l", l(ss("a"), n(1))), "DELETE l[0] :ss", item("l", l(n(1)))));
  }

  @ParameterizedTest
  @MethodSource("updates")
  void apply_update_yieldsDynamoDbsItem(Item before, String expression, Item after) {
    assertThat(update(expression).apply(before)).isEqualTo(after);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(Item.empty(), "SET a = b", "The provided expression refers to an attribute that does not exist in the item"),
        Arguments.of(item("b", s("x")), "SET a = b.c", "The provided expression refers to an attribute that does not exist in the item"),
        Arguments.of(Item.empty(), "SET a = list_append(b, :l)",
            "The provided expression refers to an attribute that does not exist in the item"),
        Arguments.of(item("b", s("x")), "SET a = b + :one", "An operand in the update expression has an incorrect data type"),
        // operands are evaluated left to right, each type-checked before the next is read
        Arguments.of(item("a", ss("a")), "SET b = a + a.c", "An operand in the update expression has an incorrect data type"),
        Arguments.of(item("a", ss("a")), "SET b = a.c + a",
            "The provided expression refers to an attribute that does not exist in the item"),
        Arguments.of(item("a", ss("a")), "SET b = list_append(a, a.c)",
            "An operand in the update expression has an incorrect data type"),
        // if_not_exists reads its fallback even when the path exists
        Arguments.of(item("a", s("x")), "SET t = if_not_exists(a, b)",
            "The provided expression refers to an attribute that does not exist in the item"),
        // actions are checked in DynamoDB's order (HashMap order of the merged paths), not text order
        Arguments.of(item("a", s("x")), "SET t = if_not_exists(a, b), a.b[5] = :v",
            "The provided expression refers to an attribute that does not exist in the item"),
        Arguments.of(item("b", s("x")), "SET a = list_append(b, :l)", "An operand in the update expression has an incorrect data type"),
        Arguments.of(item("a", s("x")), "ADD a :one", "An operand in the update expression has an incorrect data type"),
        Arguments.of(item("a", ns("1")), "ADD a :ss", "An operand in the update expression has an incorrect data type"),
        Arguments.of(item("a", n(1)), "ADD a :ns", "An operand in the update expression has an incorrect data type"),
        Arguments.of(item("a", ss("a")), "DELETE a :ns", "An operand in the update expression has an incorrect data type"),
        Arguments.of(LIST, "DELETE a[0] :ns", "An operand in the update expression has an incorrect data type"),
        Arguments.of(Item.empty(), "SET a.b = :v", "The document path provided in the update expression is invalid for update"),
        Arguments.of(Item.empty(), "SET a[0] = :v", "The document path provided in the update expression is invalid for update"),
        Arguments.of(Item.empty(), "REMOVE a.b", "The document path provided in the update expression is invalid for update"),
        Arguments.of(LIST, "SET a.b = :v", "The document path provided in the update expression is invalid for update"),
        Arguments.of(item("a", s("s")), "REMOVE a[0]", "The document path provided in the update expression is invalid for update"),
        Arguments.of(item("a", m(Map.of())), "SET a.b.c = :v",
            "The document path provided in the update expression is invalid for update"),
        Arguments.of(LIST, "SET a[9].x = :v", "The document path provided in the update expression is invalid for update"),
        Arguments.of(item("m", m(Map.of())), "ADD m.x.y :ss",
            "The document path provided in the update expression is invalid for update"),
        Arguments.of(Item.empty(), "SET a[0] = b", "The document path provided in the update expression is invalid for update"),
        Arguments.of(Item.empty(), "SET a[0] = :v, b = c",
            "The provided expression refers to an attribute that does not exist in the item"),
        // arithmetic at the precision boundary and beyond the range
        Arguments.of(item("a", n("12345678901234567890123456789012345678")), "SET a = a + :half",
            "DynamoDB only supports precision up to 38 digits"),
        Arguments.of(item("a", n("1E+125")), "SET a = a + :one", "DynamoDB only supports precision up to 38 digits"),
        Arguments.of(item("a", n("9.9999999999999999999999999999999999999E+125")), "SET a = a + a",
            "DynamoDB only supports precision up to 38 digits"),
        Arguments.of(item("a", n("9E125")), "SET a = a + :huge",
            "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        Arguments.of(item("a", n("-9E125")), "SET a = a - :huge",
            "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        Arguments.of(item("a", n("9E125")), "ADD a :huge",
            "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        Arguments.of(item("a", n("1E-130")), "SET a = a - :half",
            "DynamoDB only supports precision up to 38 digits"),
        Arguments.of(item("a", n("1.5E-130")), "SET a = a - :tiny",
            "Number underflow. Attempting to store a number with magnitude smaller than supported range"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void apply_impossibleUpdate_failsWithDynamoDbMessage(Item before, String expression, String message) {
    Update update = update(expression);
    assertThatThrownBy(() -> update.apply(before)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void apply_valueNestedDeeperThan32Levels_fails() {
    AttributeValue depth31 = s("x");
    for (int i = 0; i < 31; i++) {
      depth31 = m(Map.of("m", depth31));
    }
    AttributeValue depth30 = ((AttributeValue.M) depth31).value().get("m");
    Update set = compile("SET a = :d", Map.of(":d", depth31));
    assertThat(set.apply(Item.empty()).get("a")).isEqualTo(depth31);
    Update nested = compile("SET a.b = :d", Map.of(":d", depth31));
    assertThatThrownBy(() -> nested.apply(item("a", m(Map.of()))))
        .isInstanceOf(ValidationException.class).hasMessage("Nesting Levels have exceeded supported limits");
    assertThat(compile("SET a.b = :d", Map.of(":d", depth30)).apply(item("a", m(Map.of())))).isNotNull();
  }

  @Test
  void checkKeyAttributes_pathAtOrUnderKey_fails() {
    for (String expression : List.of("SET pk = :v", "REMOVE sk", "ADD pk :one", "SET sk.x = :v", "SET b = :v, pk = :v")) {
      Update update = update(expression);
      String key = expression.contains("pk") ? "pk" : "sk";
      assertThatThrownBy(() -> update.checkKeyAttributes(List.of("pk", "sk")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("One or more parameter values were invalid: Cannot update attribute " + key
              + ". This attribute is part of the key");
    }
    update("SET pkx = :v, a.pk = :v").checkKeyAttributes(List.of("pk", "sk"));
  }

  @Test
  void updatedAttributes_projectsTheUpdatedPaths_asTheRealServiceReturnsThem() {
    Item old = item("p", s("k"), "a", m(Map.of("b", s("dog"), "c", l(n(1), n(2), n(3)))), "d", s("cat"));
    Update nested = update("SET a.c[1] = :v, a.b = :two");
    Item next = nested.apply(old);
    assertThat(nested.updatedAttributes(old)).isEqualTo(item("a", m(Map.of("b", s("dog"), "c", l(n(2))))));
    assertThat(nested.updatedAttributes(next)).isEqualTo(item("a", m(Map.of("b", n(2), "c", l(s("x"))))));

    Update remove = update("REMOVE a.c[1], a.c[3]");
    Item removed = remove.apply(old);
    assertThat(remove.updatedAttributes(old)).isEqualTo(item("a", m(Map.of("c", l(n(2))))));
    // the element that moved into a.c[1] is what UPDATED_NEW shows, as in DynamoDB
    assertThat(remove.updatedAttributes(removed)).isEqualTo(item("a", m(Map.of("c", l(n(3))))));

    Update append = update("SET a.c[100] = :v");
    assertThat(append.updatedAttributes(append.apply(old))).isEqualTo(Item.empty());
    Update created = update("SET x = :v REMOVE d");
    assertThat(created.updatedAttributes(old)).isEqualTo(item("d", s("cat")));
    assertThat(created.updatedAttributes(created.apply(old))).isEqualTo(item("x", s("x")));
  }

  @Test
  void onlyRemoves_removeAndDeleteOnly_true() {
    assertThat(update("REMOVE a").onlyRemoves()).isTrue();
    assertThat(update("REMOVE a DELETE b :ss").onlyRemoves()).isTrue();
    assertThat(update("REMOVE a SET b = :v").onlyRemoves()).isFalse();
    assertThat(update("ADD b :one").topLevelAttributes()).containsExactly("b");
  }

  @Test
  void apply_keyItemForNewItem_keyAttributesVisible() {
    Update update = update("SET b = if_not_exists(b, pk)");
    assertThat(update.apply(item("pk", s("k")))).isEqualTo(item("pk", s("k"), "b", s("k")));
  }

  @Test
  void apply_legacyAttributeUpdates_translatedWithTheirOwnTypeErrors() {
    Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
    updates.put("n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n(3)).build());
    updates.put("l", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(l(s("b"))).build());
    updates.put("s", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ss("x")).build());
    updates.put("gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build());
    updates.put("put", AttributeValueUpdate.builder().value(s("new")).build());
    Update update = ExpressionSet.compile(ExpressionInputs.builder(Operation.UPDATE).attributeUpdates(updates).build()).update();
    Item before = item("n", n(1), "l", l(s("a")), "s", ss("x", "y"), "gone", s("g"));
    assertThat(update.apply(before)).isEqualTo(Item.builder().put("n", n(4)).put("l", l(s("a"), s("b")))
        .put("s", ss("y")).put("put", s("new")).build());
    assertThat(update.onlyRemoves()).isFalse();
    assertThatThrownBy(() -> update.apply(item("n", s("text"))))
        .isInstanceOf(ValidationException.class).hasMessage("Type mismatch for attribute to update");
  }

  static Stream<Arguments> legacyUpdateErrors() {
    String prefix = "One or more parameter values were invalid: ";
    return Stream.of(
        Arguments.of(AttributeValueUpdate.builder().build(), prefix + "Only DELETE action is allowed when no attribute value is specified"),
        Arguments.of(AttributeValueUpdate.builder().action(AttributeAction.ADD).build(),
            prefix + "Only DELETE action is allowed when no attribute value is specified"),
        Arguments.of(AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(s("x")).build(),
            prefix + "DELETE action with value is not supported for the type STRING"),
        Arguments.of(AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(l()).build(),
            prefix + "DELETE action with value is not supported for the type LIST"),
        Arguments.of(AttributeValueUpdate.builder().action(AttributeAction.ADD).value(s("x")).build(),
            prefix + "ADD action is not supported for the type STRING"),
        Arguments.of(AttributeValueUpdate.builder().action(AttributeAction.ADD).value(m(Map.of())).build(),
            prefix + "ADD action is not supported for the type MAP"));
  }

  @ParameterizedTest
  @MethodSource("legacyUpdateErrors")
  void compile_invalidAttributeUpdate_failsWithDynamoDbMessage(AttributeValueUpdate update, String message) {
    ExpressionInputs inputs = ExpressionInputs.builder(Operation.UPDATE).attributeUpdates(Map.of("a", update)).build();
    assertThatThrownBy(() -> ExpressionSet.compile(inputs)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  private static Update update(String expression) {
    Map<String, AttributeValue> used = new LinkedHashMap<>();
    VALUES.forEach((k, v) -> {
      if (expression.matches(".*" + k + "(?![A-Za-z0-9_]).*")) {
        used.put(k, v);
      }
    });
    return compile(expression, used);
  }

  private static Update compile(String expression, Map<String, AttributeValue> values) {
    return ExpressionSet.compile(ExpressionInputs.builder(Operation.UPDATE).updateExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values).build()).update();
  }

  private static Item item(Object... namesAndValues) {
    Item.Builder b = Item.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
    }
    return b.build();
  }
}
