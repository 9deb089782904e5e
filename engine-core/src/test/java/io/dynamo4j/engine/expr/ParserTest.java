package io.dynamo4j.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.error.ValidationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expression text to AST, printed compactly, for every construct of the three grammars. */
class ParserTest {

  static Stream<Arguments> conditions() {
    return Stream.of(
        // comparators
        Arguments.of("a = :v", "(a = :v)"),
        Arguments.of("a <> :v", "(a <> :v)"),
        Arguments.of("a < :v", "(a < :v)"),
        Arguments.of("a <= :v", "(a <= :v)"),
        Arguments.of("a > :v", "(a > :v)"),
        Arguments.of("a >= :v", "(a >= :v)"),
        Arguments.of(":v = a", "(:v = a)"),
        Arguments.of("a=:v", "(a = :v)"),
        Arguments.of("  a\t=\r\n:v  ", "(a = :v)"),
        // BETWEEN and IN
        Arguments.of("a BETWEEN :lo AND :hi", "(a BETWEEN :lo AND :hi)"),
        Arguments.of("a between :lo and :hi", "(a BETWEEN :lo AND :hi)"),
        Arguments.of("a IN (:x)", "(a IN (:x))"),
        Arguments.of("a IN (:x, b, :z)", "(a IN (:x, b, :z))"),
        Arguments.of("a in ((b), c)", "(a IN (b, c))"),
        // precedence: NOT binds tighter than AND, AND tighter than OR; left associative
        Arguments.of("a = :v OR b = :v AND c = :v", "((a = :v) OR ((b = :v) AND (c = :v)))"),
        Arguments.of("a = :v AND b = :v OR c = :v", "(((a = :v) AND (b = :v)) OR (c = :v))"),
        Arguments.of("NOT a = :v AND b = :v", "((NOT (a = :v)) AND (b = :v))"),
        Arguments.of("NOT NOT a = :v", "(NOT (NOT (a = :v)))"),
        Arguments.of("NOT (NOT a = :v)", "(NOT (NOT (a = :v)))"),
        Arguments.of("NOT (a = :v AND NOT (NOT b = :v))", "(NOT ((a = :v) AND (NOT (NOT (b = :v)))))"),
        Arguments.of("a = :v AND b = :v AND c = :v", "(((a = :v) AND (b = :v)) AND (c = :v))"),
        Arguments.of("a = :v OR b = :v OR c = :v", "(((a = :v) OR (b = :v)) OR (c = :v))"),
        Arguments.of("NOT a BETWEEN :x AND :y", "(NOT (a BETWEEN :x AND :y))"),
        Arguments.of("a BETWEEN :x AND :y AND b = :v", "((a BETWEEN :x AND :y) AND (b = :v))"),
        // parentheses around conditions and around operands
        Arguments.of("(a = :v)", "(a = :v)"),
        Arguments.of("(a = :v OR b = :v) AND c = :v", "(((a = :v) OR (b = :v)) AND (c = :v))"),
        Arguments.of("NOT (a = :v OR b = :v)", "(NOT ((a = :v) OR (b = :v)))"),
        Arguments.of("(a) = (b)", "(a = b)"),
        Arguments.of("NOT (a) = b", "(NOT (a = b))"),
        Arguments.of("((a = :v) AND (b = :v))", "((a = :v) AND (b = :v))"),
        Arguments.of("(size(a)) = :v", "(size(a) = :v)"),
        Arguments.of("(attribute_exists(a))", "attribute_exists(a)"),
        // functions
        Arguments.of("attribute_exists(a)", "attribute_exists(a)"),
        Arguments.of("attribute_not_exists(#n)", "attribute_not_exists(#n)"),
        Arguments.of("attribute_type(a, :t)", "attribute_type(a, :t)"),
        Arguments.of("begins_with(a, :p)", "begins_with(a, :p)"),
        Arguments.of("contains(a, :v)", "contains(a, :v)"),
        Arguments.of("size(a) > :n", "(size(a) > :n)"),
        Arguments.of("size(a.b[0]) BETWEEN :x AND :y", "(size(a.b[0]) BETWEEN :x AND :y)"),
        Arguments.of("attribute_exists (a) AND NOT contains(b, :v)", "(attribute_exists(a) AND (NOT contains(b, :v)))"),
        // document paths
        Arguments.of("a.b.c = :v", "(a.b.c = :v)"),
        Arguments.of("a[0][2] = :v", "(a[0][2] = :v)"),
        Arguments.of("a.b[1].c[2][3].d = :v", "(a.b[1].c[2][3].d = :v)"),
        Arguments.of("#a.#b[0].#c = :v", "(#a.#b[0].#c = :v)"),
        Arguments.of("a . b [ 1 ] = :v", "(a.b[1] = :v)"),
        Arguments.of("a[2147483647] = :v", "(a[2147483647] = :v)"),
        Arguments.of("#1 = :_", "(#1 = :_)"),
        Arguments.of("a_b1 = size", "(a_b1 = size)"));
  }

  @ParameterizedTest
  @MethodSource("conditions")
  void parseCondition_validExpression_printsAst(String text, String ast) {
    assertThat(AstPrinter.print(Parser.parseCondition(ExpressionKind.CONDITION, text))).isEqualTo(ast);
  }

  static Stream<Arguments> updates() {
    return Stream.of(
        Arguments.of("SET a = :v", "SET a = :v"),
        Arguments.of("set a = :v, b = c", "SET a = :v; SET b = c"),
        Arguments.of("SET a = a + :n", "SET a = (a + :n)"),
        Arguments.of("SET a = a - :n", "SET a = (a - :n)"),
        Arguments.of("SET a = :x + if_not_exists(b, :y)", "SET a = (:x + if_not_exists(b, :y))"),
        Arguments.of("SET a = list_append(a, :l)", "SET a = list_append(a, :l)"),
        Arguments.of("SET a = list_append(if_not_exists(a, :e), :l)", "SET a = list_append(if_not_exists(a, :e), :l)"),
        Arguments.of("SET a = if_not_exists(a, :v)", "SET a = if_not_exists(a, :v)"),
        Arguments.of("SET a = (b + c)", "SET a = (b + c)"),
        Arguments.of("SET a = (b) + c", "SET a = (b + c)"),
        Arguments.of("SET a = ((c[1])+(b.a))", "SET a = (c[1] + b.a)"),
        Arguments.of("SET a.b[2].#c = :v", "SET a.b[2].#c = :v"),
        Arguments.of("REMOVE a", "REMOVE a"),
        Arguments.of("REMOVE a, b.c, d[3]", "REMOVE a; REMOVE b.c; REMOVE d[3]"),
        Arguments.of("ADD a :n", "ADD a :n"),
        Arguments.of("ADD a :n, s :set", "ADD a :n; ADD s :set"),
        Arguments.of("DELETE s :set", "DELETE s :set"),
        Arguments.of("REMOVE b SET a = :v ADD c :n DELETE d :s", "REMOVE b; SET a = :v; ADD c :n; DELETE d :s"),
        Arguments.of("SET a=:w REMOVE b,c ADD d :w,e :w DELETE f :ss",
            "SET a = :w; REMOVE b; REMOVE c; ADD d :w; ADD e :w; DELETE f :ss"),
        Arguments.of("add #n :v", "ADD #n :v"));
  }

  @ParameterizedTest
  @MethodSource("updates")
  void parseUpdate_validExpression_printsAst(String text, String ast) {
    assertThat(AstPrinter.print(Parser.parseUpdate(text))).isEqualTo(ast);
  }

  static Stream<Arguments> projections() {
    return Stream.of(
        Arguments.of("a", "a"),
        Arguments.of("a, b", "a, b"),
        Arguments.of(" a  ,   b  ", "a, b"),
        Arguments.of("a.b[0], #c.d", "a.b[0], #c.d"),
        Arguments.of("a[3][1].x", "a[3][1].x"));
  }

  @ParameterizedTest
  @MethodSource("projections")
  void parseProjection_validExpression_printsAst(String text, String ast) {
    assertThat(AstPrinter.print(Parser.parseProjection(text))).isEqualTo(ast);
  }

  @Test
  void parseCondition_everyNode_knowsItsPosition() {
    Ast.Cond cond = Parser.parseCondition(ExpressionKind.CONDITION, "x = :v AND  size(#n.b) < :m");
    Ast.And and = (Ast.And) cond;
    assertThat(and.pos()).isEqualTo(7);
    Ast.Compare right = (Ast.Compare) and.right();
    assertThat(right.pos()).isEqualTo(12);
    Ast.Call size = (Ast.Call) right.left();
    assertThat(size.pos()).isEqualTo(12);
    Ast.Path path = (Ast.Path) size.args().get(0);
    assertThat(path.pos()).isEqualTo(17);
    assertThat(path.steps().get(1).pos()).isEqualTo(20);
    assertThat(((Ast.ValueRef) right.right()).pos()).isEqualTo(25);
  }

  @Test
  void parseCondition_hugeIndex_parsesAndIsRejectedByStaticChecks() {
    Ast.Cond cond = Parser.parseCondition(ExpressionKind.CONDITION, "a[99999999999] = :v");
    assertThat(AstPrinter.print(cond)).isEqualTo("(a[99999999999] = :v)");
    assertThatThrownBy(() -> StaticChecks.check(ExpressionKind.CONDITION, cond))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ConditionExpression: List index is not within the allowable range; index: [99999999999]");
  }

  @Test
  void lexer_keywordsAnyCase_placeholdersAndIndexes() {
    Lexer.Tokens tokens = Lexer.lex("nOt a[01] <> #x_1 :y");
    assertThat(tokens.kinds).startsWith(Lexer.Kind.NOT, Lexer.Kind.NAME, Lexer.Kind.LBRACKET, Lexer.Kind.INDEX,
        Lexer.Kind.INDEX, Lexer.Kind.RBRACKET, Lexer.Kind.NE, Lexer.Kind.NAME_REF, Lexer.Kind.VALUE_REF, Lexer.Kind.EOF);
    assertThat(tokens.text(3)).isEqualTo("0");
    assertThat(tokens.text(4)).isEqualTo("1");
  }
}
