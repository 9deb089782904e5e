package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.b;
import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.nul;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid expressions and DynamoDB's exact answer: each message was read from DynamoDB Local 2.6.1
 * for the same input. Every placeholder an expression uses is defined ({@code #x} as {@code x},
 * values from {@link #VALUES}), so each case fails for the reason it shows.
 */
class ExpressionErrorsTest {

  private static final Map<String, AttributeValue> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(":v", s("x"));
    VALUES.put(":w", n(1));
    VALUES.put(":two", n(2));
    VALUES.put(":l", l(s("e")));
    VALUES.put(":m", m(Map.of("a", n(1))));
    VALUES.put(":ss", ss("a"));
    VALUES.put(":t", bool(true));
    VALUES.put(":n", nul());
    VALUES.put(":b", b(new byte[] {1}));
  }

  private static final String C = "Invalid ConditionExpression: ";
  private static final String U = "Invalid UpdateExpression: ";
  private static final String P = "Invalid ProjectionExpression: ";

  static Stream<Arguments> conditionErrors() {
    return Stream.of(
        // syntax errors name the offending token and its neighbours
        Arguments.of("a = = b", C + "Syntax error; token: \"=\", near: \"= = b\""),
        Arguments.of("a =", C + "Syntax error; token: \"<EOF>\", near: \"=\""),
        Arguments.of("a =  ", C + "Syntax error; token: \"<EOF>\", near: \"=  \""),
        Arguments.of("   ", C + "Syntax error; token: \"<EOF>\", near: \"   \""),
        Arguments.of("(a)", C + "Syntax error; token: \"<EOF>\", near: \")\""),
        Arguments.of("a = b)", C + "Syntax error; token: \")\", near: \"b)\""),
        Arguments.of("a = b     c   d", C + "Syntax error; token: \"c\", near: \"b     c   d\""),
        Arguments.of("a < b < c", C + "Syntax error; token: \"<\", near: \"b < c\""),
        Arguments.of("NOT a", C + "Syntax error; token: \"<EOF>\", near: \"a\""),
        Arguments.of("AND a = b", C + "Syntax error; token: \"AND\", near: \"AND a\""),
        Arguments.of("a IN ()", C + "Syntax error; token: \")\", near: \"()\""),
        Arguments.of("a IN (b, c,)", C + "Syntax error; token: \")\", near: \",)\""),
        Arguments.of("a BETWEEN b OR c", C + "Syntax error; token: \"OR\", near: \"b OR c\""),
        Arguments.of("a != b", C + "Syntax error; token: \"!\", near: \"a !=\""),
        Arguments.of("a =< b", C + "Syntax error; token: \"<\", near: \"=< b\""),
        Arguments.of("a = 5", C + "Syntax error; token: \"5\", near: \"= 5\""),
        Arguments.of("a = 'x'", C + "Syntax error; token: \"'\", near: \"= 'x\""),
        Arguments.of("_a = b", C + "Syntax error; token: \"_\", near: \"_a\""),
        Arguments.of("a-b = c", C + "Syntax error; token: \"-\", near: \"a-b\""),
        Arguments.of("a[-1] = :v", C + "Syntax error; token: \"-\", near: \"[-1\""),
        Arguments.of("a[01] = :v", C + "Syntax error; token: \"1\", near: \"01]\""),
        Arguments.of("a[1.5] = :v", C + "Syntax error; token: \".\", near: \"1.5\""),
        Arguments.of("a..b = :v", C + "Syntax error; token: \".\", near: \"..b\""),
        Arguments.of("#n-1 = :v", C + "Syntax error; token: \"-\", near: \"#n-1\""),
        Arguments.of("a = :v.b", C + "Syntax error; token: \".\", near: \":v.b\""),
        Arguments.of("a NOT IN (b)", C + "Syntax error; token: \"NOT\", near: \"a NOT IN\""),
        Arguments.of("attribute_exists(a) attribute_exists(b)",
            C + "Syntax error; token: \"attribute_exists\", near: \") attribute_exists(\""),
        Arguments.of("set = :v", C + "Syntax error; token: \"set\", near: \"set =\""),
        Arguments.of("a\u00a0= b", C + "Syntax error; token: \"\u00a0\", near: \"a\u00a0=\""),
        // shape of the text
        Arguments.of("((a = b))", C + "The expression has redundant parentheses;"),
        Arguments.of("NOT ((a = b))", C + "The expression has redundant parentheses;"),
        Arguments.of("((a)) = b", C + "The expression has redundant parentheses;"),
        Arguments.of("size(((a))) = b", C + "The expression has redundant parentheses;"),
        // reserved words, functions, indexes: in text order
        Arguments.of("name = :v", C + "Attribute name is a reserved keyword; reserved keyword: name"),
        Arguments.of("a.Status = :v", C + "Attribute name is a reserved keyword; reserved keyword: Status"),
        Arguments.of("a = convert", C + "Attribute name is a reserved keyword; reserved keyword: convert"),
        Arguments.of("unknown_fn(a)", C + "Invalid function name; function: unknown_fn"),
        Arguments.of("ATTRIBUTE_EXISTS(a)", C + "Invalid function name; function: ATTRIBUTE_EXISTS"),
        Arguments.of("size(a)", C + "The function is not allowed to be used this way in an expression; function: size"),
        Arguments.of("contains(a, :v) = :w",
            C + "The function is not allowed to be used this way in an expression; function: contains"),
        Arguments.of("if_not_exists(a, b) = c",
            C + "The function is not allowed in a condition expression; function: if_not_exists"),
        Arguments.of("a = list_append(b, c)",
            C + "The function is not allowed in a condition expression; function: list_append"),
        Arguments.of("a[2147483648] = :v", C + "List index is not within the allowable range; index: [2147483648]"),
        Arguments.of("name = b AND f(a)", C + "Attribute name is a reserved keyword; reserved keyword: name"),
        Arguments.of("f(a) AND name = b", C + "Invalid function name; function: f"),
        // placeholders and semantic rules, in text order
        Arguments.of("a = :zz", C + "An expression attribute value used in expression is not defined; attribute value: :zz"),
        Arguments.of("a = :zz AND b = #zz",
            C + "An expression attribute value used in expression is not defined; attribute value: :zz"),
        Arguments.of("#zz = :v AND a = :zz",
            C + "An expression attribute name used in the document path is not defined; attribute name: #zz"),
        Arguments.of("a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a = :v",
            C + "The document path has too many nesting levels; nesting levels: 33"),
        Arguments.of("a = a", C + "The first operand must be distinct from the remaining operands for this operator or function; "
            + "operator: =, first operand: [a]"),
        Arguments.of("a.b[1] BETWEEN :w AND a.b[1]", C + "The first operand must be distinct from the remaining operands for "
            + "this operator or function; operator: BETWEEN, first operand: [a, b, [1]]"),
        Arguments.of("begins_with(a, a)", C + "The first operand must be distinct from the remaining operands for this "
            + "operator or function; operator: begins_with, first operand: [a]"),
        Arguments.of("attribute_exists(a, b)", C + "Incorrect number of operands for operator or function; operator or "
            + "function: attribute_exists, number of operands: 2"),
        Arguments.of("begins_with(a)", C + "Incorrect number of operands for operator or function; operator or function: "
            + "begins_with, number of operands: 1"),
        Arguments.of("size(a, b) = :w", C + "Incorrect number of operands for operator or function; operator or function: "
            + "size, number of operands: 2"),
        Arguments.of("attribute_exists(:v)", C + "Operator or function requires a document path; operator or function: "
            + "attribute_exists"),
        Arguments.of("a > :l", C + "Incorrect operand type for operator or function; operator or function: >, operand type: L"),
        Arguments.of(":m < a", C + "Incorrect operand type for operator or function; operator or function: <, operand type: M"),
        Arguments.of("size(:w) = :w", C + "Incorrect operand type for operator or function; operator or function: size, "
            + "operand type: N"),
        Arguments.of("size(size(a)) = :w", C + "Incorrect operand type for operator or function; operator or function: size, "
            + "operand type: N"),
        Arguments.of("size(:t) = :w", C + "Incorrect operand type for operator or function; operator or function: size, "
            + "operand type: BOOL"),
        Arguments.of("begins_with(a, :w)", C + "Incorrect operand type for operator or function; operator or function: "
            + "begins_with, operand type: N"),
        Arguments.of("a BETWEEN :v AND :l", C + "Incorrect operand type for operator or function; operator or function: "
            + "BETWEEN, operand type: L"),
        Arguments.of("attribute_type(a, :w)", C + "Incorrect operand type for operator or function; operator or function: "
            + "attribute_type, operand type: N"),
        Arguments.of("attribute_type(a, :v)", C + "Invalid attribute type name found; type: x, valid types: "
            + "{N,BS,L,B,NULL,M,S,SS,NS,BOOL}"),
        Arguments.of("attribute_type(a, b)", C + "Incorrect operand type for operator or function; operator or function: "
            + "attribute_type, operand type: {DOUBLESET,M,BS,DECIMALSET,INT,DICT,NS,FS,SS,NULL,L,INTSET,HDS,BOOL,S,FLOAT,"
            + "DOUBLE,N,HD,DECIMAL,B}"),
        Arguments.of("a BETWEEN :w AND :v", C + "The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}"),
        Arguments.of("a BETWEEN :two AND :w", C + "The BETWEEN operator requires upper bound to be greater than or equal to "
            + "lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"),
        Arguments.of("a IN (" + "b,".repeat(100) + "b)",
            C + "The IN operator is provided with too many operands; number of operands: 101"),
        // limits
        Arguments.of("x".repeat(4097), C + "Expression size has exceeded the maximum allowed size; expression size: 4097"),
        Arguments.of("(".repeat(15000), C + "Expression size has exceeded the maximum allowed size; expression size: 15000"),
        Arguments.of("not ".repeat(300) + "a<b", C + "The expression contains too many operators; operator count: 301"),
        Arguments.of("a<b " + "or (a<b ".repeat(150) + ")".repeat(150),
            C + "The expression contains too many operators; operator count: 301"),
        Arguments.of("size(a) < b" + " AND size(a) < b".repeat(100),
            C + "The expression contains too many operators; operator count: 301"),
        Arguments.of("(".repeat(2046) + "a<b" + ")".repeat(2046), C + "The expression has redundant parentheses;"),
        Arguments.of("a < " + "f(".repeat(1355) + "b" + ")".repeat(1355), C + "Invalid function name; function: f"),
        Arguments.of("a < " + "size(".repeat(680) + "b" + ")".repeat(680),
            C + "Incorrect operand type for operator or function; operator or function: size, operand type: N"),
        Arguments.of("", C + "The expression can not be empty;"));
  }

  @ParameterizedTest
  @MethodSource("conditionErrors")
  void compile_invalidConditionExpression_failsWithDynamoDbMessage(String expression, String message) {
    assertFails(ExpressionInputs.builder(Operation.DELETE).conditionExpression(expression), expression, message);
  }

  static Stream<Arguments> updateErrors() {
    return Stream.of(
        Arguments.of("SET", U + "Syntax error; token: \"<EOF>\", near: \"SET\""),
        Arguments.of("SET a = :v,", U + "Syntax error; token: \"<EOF>\", near: \",\""),
        Arguments.of("a = :v", U + "Syntax error; token: \"a\", near: \"a =\""),
        Arguments.of("SET a = b + c + d", U + "Syntax error; token: \"+\", near: \"c + d\""),
        Arguments.of("SET a = b * c", U + "Syntax error; token: \"*\", near: \"b * c\""),
        Arguments.of("SET a = -b", U + "Syntax error; token: \"-\", near: \"= -b\""),
        Arguments.of("SET a = b + (c - d)", U + "Syntax error; token: \"-\", near: \"c - d\""),
        Arguments.of("SET a = (b + c) + d", U + "Syntax error; token: \"+\", near: \") + d\""),
        Arguments.of("ADD a = :w", U + "Syntax error; token: \"=\", near: \"a = :w\""),
        Arguments.of("ADD a size(b)", U + "Syntax error; token: \"size\", near: \"a size(\""),
        Arguments.of("REMOVE :w", U + "Syntax error; token: \":w\", near: \"REMOVE :w\""),
        Arguments.of("SET size(a) = :w", U + "Syntax error; token: \"(\", near: \"size(a\""),
        Arguments.of("SET a = :v AND b = :w", U + "Syntax error; token: \"AND\", near: \":v AND b\""),
        Arguments.of("SET a = ((b))", U + "The expression has redundant parentheses;"),
        Arguments.of("SET a = :v SET b = :w", U + "The \"SET\" section can only be used once in an update expression;"),
        Arguments.of("REMOVE b REMOVE c", U + "The \"REMOVE\" section can only be used once in an update expression;"),
        Arguments.of(" set #c = :v set abOrt = true ", U + "Attribute name is a reserved keyword; reserved keyword: abOrt"),
        Arguments.of("SET a = size(b)", U + "The function is not allowed in an update expression; function: size"),
        Arguments.of("SET a = begins_with(b, c)", U + "The function is not allowed in an update expression; function: begins_with"),
        Arguments.of("SET a = list_append(b, c) + :w",
            U + "The function is not allowed to be used this way in an expression; function: list_append"),
        Arguments.of("SET a = if_not_exists(b, list_append(c, d))",
            U + "The function is not allowed to be used this way in an expression; function: list_append"),
        Arguments.of("SET a = foo(b)", U + "Invalid function name; function: foo"),
        Arguments.of("SET a = if_not_exists(b)", U + "Incorrect number of operands for operator or function; operator or "
            + "function: if_not_exists, number of operands: 1"),
        Arguments.of("SET a = if_not_exists(:v, b)", U + "Operator or function requires a document path; operator or "
            + "function: if_not_exists"),
        Arguments.of("SET a = :v + :w", U + "Incorrect operand type for operator or function; operator or function: +, "
            + "operand type: S"),
        Arguments.of("SET a = list_append(:v, :l)", U + "Incorrect operand type for operator or function; operator or "
            + "function: list_append, operand type: S"),
        Arguments.of("ADD a :v", U + "Incorrect operand type for operator or function; operator: ADD, operand type: STRING, "
            + "typeSet: ALLOWED_FOR_ADD_OPERAND"),
        Arguments.of("ADD a :l", U + "Incorrect operand type for operator or function; operator: ADD, operand type: LIST, "
            + "typeSet: ALLOWED_FOR_ADD_OPERAND"),
        Arguments.of("DELETE a :w", U + "Incorrect operand type for operator or function; operator: DELETE, operand type: "
            + "NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
        Arguments.of("SET a = :v, a = :w", U + "Two document paths overlap with each other; must remove or rewrite one of "
            + "these paths; path one: [a], path two: [a]"),
        Arguments.of("SET a.b = :v, a = :w", U + "Two document paths overlap with each other; must remove or rewrite one of "
            + "these paths; path one: [a, b], path two: [a]"),
        Arguments.of("SET a = :v REMOVE a", U + "Two document paths overlap with each other; must remove or rewrite one of "
            + "these paths; path one: [a], path two: [a]"),
        Arguments.of("SET a[0] = :v, a[0].b = :w", U + "Two document paths overlap with each other; must remove or rewrite "
            + "one of these paths; path one: [a, [0]], path two: [a, [0], b]"),
        Arguments.of("SET a.b = :v, a[1] = :w", U + "Two document paths conflict with each other; must remove or rewrite one "
            + "of these paths; path one: [a, b], path two: [a, [1]]"),
        Arguments.of("REMOVE a.#c SET a[1] = :v", U + "Two document paths conflict with each other; must remove or rewrite "
            + "one of these paths; path one: [a, c], path two: [a, [1]]"),
        Arguments.of("SET a.b = :v, a[1] = :w, c = :v, c.d = :w", U + "Two document paths overlap with each other; must "
            + "remove or rewrite one of these paths; path one: [c], path two: [c, d]"),
        Arguments.of("SET a = :v, a = :zz", U + "Two document paths overlap with each other; must remove or rewrite one of "
            + "these paths; path one: [a], path two: [a]"),
        Arguments.of("SET b = if_not_exists(zz, zz)", U + "The first operand must be distinct from the remaining operands "
            + "for this operator or function; operator: if_not_exists, first operand: [zz]"),
        Arguments.of("SET b = if_not_exists(a[1].#b, a[1].b)", U + "The first operand must be distinct from the remaining "
            + "operands for this operator or function; operator: if_not_exists, first operand: [a, [1], b]"),
        Arguments.of("SET b = :w + if_not_exists(#q, q)", U + "The first operand must be distinct from the remaining "
            + "operands for this operator or function; operator: if_not_exists, first operand: [q]"),
        // actions are resolved last to first: the last action's error wins
        Arguments.of("SET a = :x, b = :y", U + "An expression attribute value used in expression is not defined; "
            + "attribute value: :y"),
        Arguments.of("SET c = :x, b = if_not_exists(zz, zz)", U + "The first operand must be distinct from the remaining "
            + "operands for this operator or function; operator: if_not_exists, first operand: [zz]"),
        Arguments.of("SET b = if_not_exists(zz, zz), c = :x", U + "An expression attribute value used in expression is "
            + "not defined; attribute value: :x"),
        Arguments.of("SET a = list_append(:v, :v), b = :v + :v", U + "Incorrect operand type for operator or function; "
            + "operator or function: +, operand type: S"),
        Arguments.of("SET a = :v + :v, b = :t + :t, c = :b + :b", U + "Incorrect operand type for operator or function; "
            + "operator or function: +, operand type: B"),
        // target paths are resolved first, so an undefined name in any of them is reported before anything else
        Arguments.of("SET a = if_not_exists(zz, zz) REMOVE #zz", U + "An expression attribute name used in the document "
            + "path is not defined; attribute name: #zz"),
        Arguments.of("SET a.b = :v, a[0] = :w, a.c = :v", U + "Two document paths conflict with each other; must remove or "
            + "rewrite one of these paths; path one: [a, [0]], path two: [a, c]"),
        Arguments.of("SET a = :v + :l, b = :zz",
            U + "An expression attribute value used in expression is not defined; attribute value: :zz"),
        Arguments.of("SET " + String.join(",", java.util.Collections.nCopies(301, "a=:w+:w")).replace("a=", "a%d=")
            .transform(ExpressionErrorsTest::numbered), U + "The expression contains too many operators; operator count: 301"),
        Arguments.of("SET a = :v" + " ".repeat(4087), U + "Expression size has exceeded the maximum allowed size;"));
  }

  /** Replaces each {@code %d} with its ordinal, so repeated actions name distinct attributes. */
  private static String numbered(String text) {
    StringBuilder sb = new StringBuilder();
    String[] parts = text.split("%d", -1);
    for (int i = 0; i < parts.length; i++) {
      sb.append(parts[i]);
      if (i < parts.length - 1) {
        sb.append(i);
      }
    }
    return sb.toString();
  }

  @ParameterizedTest
  @MethodSource("updateErrors")
  void compile_invalidUpdateExpression_failsWithDynamoDbMessage(String expression, String message) {
    assertFails(ExpressionInputs.builder(Operation.UPDATE).updateExpression(expression), expression, message);
  }

  static Stream<Arguments> projectionErrors() {
    return Stream.of(
        Arguments.of("a,", P + "Syntax error; token: \"<EOF>\", near: \",\""),
        Arguments.of("a,,b", P + "Syntax error; token: \",\", near: \",,b\""),
        Arguments.of("size(a)", P + "Syntax error; token: \"(\", near: \"size(a\""),
        Arguments.of(":v", P + "Syntax error; token: \":v\", near: \":v\""),
        Arguments.of("name", P + "Attribute name is a reserved keyword; reserved keyword: name"),
        Arguments.of("a, a", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: [a], path two: [a]"),
        Arguments.of("a.b, a.b[2]", P + "Two document paths overlap with each other; must remove or rewrite one of these "
            + "paths; path one: [a, b], path two: [a, b, [2]]"),
        Arguments.of("a[1], a.b", P + "Two document paths conflict with each other; must remove or rewrite one of these "
            + "paths; path one: [a, [1]], path two: [a, b]"),
        // paths are merged last to first; DynamoDB's messages name the path being merged and the newest
        // path below the collision (in Java HashMap order), not always the pair that collides
        Arguments.of("a, b, c, a", P + "Two document paths overlap with each other; must remove or rewrite one of these "
            + "paths; path one: [a], path two: [c]"),
        Arguments.of("a.b.c, a.b.d, a", P + "Two document paths overlap with each other; must remove or rewrite one of "
            + "these paths; path one: [a, b, d], path two: [a]"),
        Arguments.of("x, c, a[0], a.c, d, a.b", P + "Two document paths conflict with each other; must remove or rewrite "
            + "one of these paths; path one: [a, [0]], path two: [a, c]"),
        Arguments.of("c, #zz, b, a.b, b", P + "Two document paths overlap with each other; must remove or rewrite one of "
            + "these paths; path one: [b], path two: [b]"),
        Arguments.of("a" + "[0]".repeat(32), P + "The document path has too many nesting levels; nesting levels: 33"),
        Arguments.of("a".repeat(4097), P + "Expression size has exceeded the maximum allowed size;"),
        Arguments.of("", P + "The expression can not be empty;"));
  }

  @ParameterizedTest
  @MethodSource("projectionErrors")
  void compile_invalidProjectionExpression_failsWithDynamoDbMessage(String expression, String message) {
    assertFails(ExpressionInputs.builder(Operation.GET).projectionExpression(expression), expression, message);
  }

  private static void assertFails(ExpressionInputs.Builder builder, String expression, String message) {
    Map<String, String> names = new LinkedHashMap<>();
    Matcher name = Pattern.compile("#\\w+").matcher(expression);
    while (name.find()) {
      if (!name.group().equals("#zz")) {
        names.put(name.group(), name.group().substring(1));
      }
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    Matcher value = Pattern.compile(":\\w+").matcher(expression);
    while (value.find()) {
      AttributeValue v = VALUES.get(value.group());
      if (v != null) {
        values.put(value.group(), v);
      }
    }
    ExpressionInputs inputs = builder.expressionAttributeNames(names.isEmpty() ? null : names)
        .expressionAttributeValues(values.isEmpty() ? null : values).build();
    assertThatThrownBy(() -> ExpressionSet.compile(inputs))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }
}
