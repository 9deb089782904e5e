package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random and mutated expressions fed to every grammar: the compiler only ever returns compiled
 * expressions or throws {@link ValidationException}, never anything else, and compiled ones
 * evaluate and apply without surprises. Nesting deeper than any valid expression fails cleanly.
 */
class ExpressionFuzzProperties {

  private static final List<String> VALID = List.of(
      "a = :v", "a.b[1] <> :w AND NOT attribute_exists(#n)", "size(a) BETWEEN :w AND :x OR b IN (:v, :w)",
      "begins_with(#n.c, :v) AND contains(l, :w)", "(a < :w OR b >= :w) AND attribute_type(a, :t)",
      "SET a = a + :w, b = list_append(if_not_exists(b, :l), :l) REMOVE c[1] ADD d :w DELETE e :s",
      "SET #n.x = if_not_exists(#n.x, :v), m[2] = :w", "REMOVE a, b.c[3], #n", "a, b.c[2], #n.d",
      "NOT (a = :v) AND (b) = (:w)", "SET a = (b + :w)");

  private static final List<String> TOKENS = List.of(
      "a", "b", "#n", ":v", ":w", "(", ")", "[", "]", "0", "1", "12", ",", ".", "=", "<>", "<", "<=", ">", ">=",
      "+", "-", "AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE", "size", "attribute_exists",
      "begins_with", "contains", "if_not_exists", "list_append", "attribute_type", "name", " ", "  ", "'", "!", "é",
      "\u00a0", "#", ":", "_x", "99999999999");

  private static final Map<String, AttributeValue> VALUES = Map.of(
      ":v", s("x"), ":w", n(1), ":x", n(2), ":t", s("S"), ":l", l(s("e")), ":s", ss("a"));

  private static final Item ITEM = Item.of("a", n(1), "b", s("x"), "l", l(n(1), s("x")), "n",
      m(Map.of("x", s("y"), "c", s("x"))));

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMinSize(0).ofMaxSize(25).map(tokens -> String.join(" ", tokens));
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> base = Arbitraries.of(VALID);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 200);
    Arbitrary<String> insert = Arbitraries.of(TOKENS);
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
    return Combinators.combine(base, position, insert, kind).as((text, pos, token, k) -> {
      int at = Math.min(pos, text.length());
      return switch (k) {
        case 0 -> text.substring(0, at) + token + text.substring(at);
        case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text + token;
        case 2 -> text.substring(0, at) + text.substring(at / 2, at) + text.substring(at);
        default -> at + 1 < text.length()
            ? text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2) : token + text;
      };
    });
  }

  @Property(tries = 1500)
  void compile_tokenSoup_onlyCompilesOrThrowsValidationException(@ForAll("tokenSoup") String text) {
    exercise(text);
  }

  @Property(tries = 1500)
  void compile_mutatedExpression_onlyCompilesOrThrowsValidationException(@ForAll("mutated") String text) {
    exercise(text);
  }

  @Property(tries = 1000)
  void compile_randomCharacters_onlyCompilesOrThrowsValidationException(@ForAll String text) {
    exercise(text);
  }

  @Property(tries = 60)
  void compile_nestingBeyondTheLimit_failsCleanly(
      @ForAll @IntRange(min = 301, max = 3000) int depth,
      @ForAll("openers") String opener) {
    String text = opener.repeat(depth) + "a < b" + ")".repeat(opener.contains("(") ? depth : 0);
    ExpressionInputs inputs = ExpressionInputs.builder(Operation.DELETE).conditionExpression(text).build();
    assertThatThrownBy(() -> ExpressionSet.compileUncached(inputs)).isInstanceOf(ValidationException.class);
  }

  @Provide
  Arbitrary<String> openers() {
    return Arbitraries.of("(", "NOT ", "NOT (", "a < b AND (", "a < b OR (", "size(", "f(", "(((");
  }

  private static void exercise(String text) {
    for (Operation op : new Operation[] {Operation.DELETE, Operation.UPDATE, Operation.GET, Operation.QUERY}) {
      ExpressionInputs.Builder builder = ExpressionInputs.builder(op);
      switch (op) {
        case DELETE -> builder.conditionExpression(text);
        case UPDATE -> builder.updateExpression(text);
        case GET -> builder.projectionExpression(text);
        default -> builder.keyConditionExpression(text);
      }
      builder.expressionAttributeNames(names(text)).expressionAttributeValues(op == Operation.GET ? null : values(text));
      ExpressionSet set;
      try {
        set = ExpressionSet.compileUncached(builder.build());
      } catch (ValidationException expected) {
        continue;
      }
      try {
        if (set.condition() != null) {
          set.condition().test(ITEM);
          set.condition().test(null);
        }
        if (set.update() != null) {
          Item updated = set.update().apply(ITEM);
          assertThat(set.update().updatedAttributes(updated)).isNotNull();
        }
        if (set.projection() != null) {
          assertThat(set.projection().apply(ITEM)).isNotNull();
        }
        if (set.keyCondition() != null) {
          set.keyCondition().analyze(KeyConditionTest.COMPOSITE);
        }
      } catch (ValidationException expected) {
        // an update or key condition that does not fit this item or schema: DynamoDB's error too
      }
    }
  }

  private static Map<String, String> names(String text) {
    Map<String, String> names = new LinkedHashMap<>();
    Matcher matcher = Pattern.compile("#\\w+").matcher(text);
    while (matcher.find()) {
      names.put(matcher.group(), matcher.group().substring(1));
    }
    return names.isEmpty() ? null : names;
  }

  private static Map<String, AttributeValue> values(String text) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    Matcher matcher = Pattern.compile(":\\w+").matcher(text);
    while (matcher.find()) {
      AttributeValue value = VALUES.get(matcher.group());
      if (value != null) {
        values.put(matcher.group(), value);
      }
    }
    return values.isEmpty() ? null : values;
  }
}
