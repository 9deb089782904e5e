package io.dynamo4j.expr;

import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.nul;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random combinations of builders and hand-written fragments whose placeholders deliberately clash
 * ({@code #n0}, {@code :v0}, {@code #a} next to {@code #ab}), rendered together. Each generator
 * also writes the text it intends, with names as ⟨name⟩ and values as «value»; substituting the
 * rendered maps back into the rendered text must give exactly that text, every placeholder in the
 * text must be defined, and every definition used. A failing case is reproduced by its seed.
 */
class ExpressionsProperties {

  static final Pattern TOKEN = Pattern.compile("[#:][A-Za-z0-9_]+");
  static final List<String> NAMES = List.of("a", "b", "status", "a.b", "#n0", ":v0", "x y", "n1");
  static final List<AttributeValue> VALUES =
      List.of(s("x"), s("y"), n(1), n("1.0"), n(2), bool(true), l(s("x")), ss("x"), nul(), s("#n0"));
  static final List<String> NAME_PLACEHOLDERS = List.of("#n0", "#n1", "#n2", "#a", "#ab", "#s");
  static final List<String> VALUE_PLACEHOLDERS = List.of(":v0", ":v1", ":v2", ":v", ":vb");

  @Property(tries = 400)
  void combinedExpressions_placeholdersDefinedOnceUsedAndFaithful(@ForAll long seed) {
    Generator g = new Generator(new Random(seed));
    Expressions.Builder b = Expressions.builder();
    Map<String, String> expected = new LinkedHashMap<>();
    boolean any = false;
    while (!any) {
      if (g.r.nextBoolean()) {
        Gen<KeyConditionExpression> k = g.keyCondition();
        b.keyCondition(k.expr());
        expected.put("key", k.literal());
        any = true;
      }
      if (g.r.nextBoolean()) {
        Gen<UpdateExpression> u = g.update();
        b.update(u.expr());
        expected.put("update", u.literal());
        any = true;
      }
      if (g.r.nextBoolean()) {
        Gen<ConditionExpression> c = g.condition(3);
        b.condition(c.expr());
        expected.put("condition", c.literal());
        any = true;
      }
      if (g.r.nextBoolean()) {
        Gen<ConditionExpression> c = g.condition(3);
        b.filter(c.expr());
        expected.put("filter", c.literal());
        any = true;
      }
      if (g.r.nextBoolean()) {
        Gen<ProjectionExpression> p = g.projection();
        b.projection(p.expr());
        expected.put("projection", p.literal());
        any = true;
      }
    }

    Expressions e = b.build();

    Map<String, String> texts = new LinkedHashMap<>();
    putIfPresent(texts, "key", e.keyConditionExpression());
    putIfPresent(texts, "update", e.updateExpression());
    putIfPresent(texts, "condition", e.conditionExpression());
    putIfPresent(texts, "filter", e.filterExpression());
    putIfPresent(texts, "projection", e.projectionExpression());
    checkConsistent(texts, expected, e.expressionAttributeNames(), e.expressionAttributeValues());
  }

  @Property(tries = 300)
  void applyTo_requestWithClashingExpressions_mergesWithoutCollision(@ForAll long seed) {
    Generator g = new Generator(new Random(seed));
    // The request already holds a filter and a projection over one shared pair of maps.
    Raw existing = new Raw(g);
    String filterText = existing.comparison(g.r.nextInt(2) + 1);
    String filterLiteral = existing.lastLiteral;
    String projectionText = existing.path();
    String projectionLiteral = existing.lastLiteral;
    QueryRequest.Builder request = QueryRequest.builder().tableName("t")
        .filterExpression(filterText).projectionExpression(projectionText)
        .expressionAttributeNames(existing.names).expressionAttributeValues(existing.values);

    Map<String, String> expected = new LinkedHashMap<>();
    Expressions.Builder b = Expressions.builder();
    Gen<KeyConditionExpression> k = g.keyCondition();
    b.keyCondition(k.expr());
    expected.put("key", k.literal());
    expected.put("filter", filterLiteral);
    expected.put("projection", projectionLiteral);
    if (g.r.nextBoolean()) {
      Gen<ConditionExpression> f = g.condition(2);
      b.filter(f.expr());
      expected.put("filter", f.literal());
    }
    if (g.r.nextBoolean()) {
      Gen<ProjectionExpression> p = g.projection();
      b.projection(p.expr());
      expected.put("projection", p.literal());
    }

    QueryRequest r = b.build().applyTo(request).build();

    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("key", r.keyConditionExpression());
    texts.put("filter", r.filterExpression());
    texts.put("projection", r.projectionExpression());
    checkConsistent(texts, expected,
        r.expressionAttributeNames() == null ? Map.of() : r.expressionAttributeNames(),
        r.expressionAttributeValues() == null ? Map.of() : r.expressionAttributeValues());
  }

  private static void putIfPresent(Map<String, String> texts, String key, String text) {
    if (text != null) {
      texts.put(key, text);
    }
  }

  /** The checks: defined once, all used, one placeholder per meaning, and faithful substitution. */
  private static void checkConsistent(
      Map<String, String> texts, Map<String, String> expected, Map<String, String> names, Map<String, AttributeValue> values) {
    Set<String> usedNames = new HashSet<>();
    Set<String> usedValues = new HashSet<>();
    for (String text : texts.values()) {
      Matcher m = TOKEN.matcher(text);
      while (m.find()) {
        (m.group().charAt(0) == '#' ? usedNames : usedValues).add(m.group());
      }
    }
    assertThat(names.keySet()).as("defined names vs used, in %s", texts).isEqualTo(usedNames);
    assertThat(values.keySet()).as("defined values vs used, in %s", texts).isEqualTo(usedValues);
    assertThat(new HashSet<>(names.values())).as("one placeholder per name: %s", names).hasSize(names.size());
    assertThat(new HashSet<>(values.values())).as("one placeholder per value: %s", values).hasSize(values.size());
    assertThat(texts.keySet()).isEqualTo(expected.keySet());
    for (Map.Entry<String, String> e : texts.entrySet()) {
      assertThat(substitute(e.getValue(), names, values)).as("%s: %s with %s %s", e.getKey(), e.getValue(), names, values)
          .isEqualTo(expected.get(e.getKey()));
    }
  }

  private static String substitute(String text, Map<String, String> names, Map<String, AttributeValue> values) {
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String t = m.group();
      String replacement = t.charAt(0) == '#' ? name(names.get(t)) : value(values.get(t));
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String name(String name) {
    return "⟨" + name + "⟩";
  }

  static String value(AttributeValue value) {
    return "«" + value + "»";
  }

  /** An expression and the text it should render to, with names and values written in. */
  record Gen<T>(T expr, String literal, Kind kind) {}

  /** What decides parentheses. */
  enum Kind { ATOM, FUNCTION, BETWEEN, AND, OR, NOT, RAW }

  /** A hand-written fragment under construction, with its own maps drawn from clashing pools. */
  static final class Raw {
    final Generator g;
    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, AttributeValue> values = new LinkedHashMap<>();
    String lastLiteral;

    Raw(Generator g) {
      this.g = g;
    }

    String namePlaceholder(StringBuilder literal) {
      String p = g.pick(NAME_PLACEHOLDERS);
      literal.append(name(names.computeIfAbsent(p, k -> g.pick(NAMES))));
      return p;
    }

    String valuePlaceholder(StringBuilder literal) {
      String p = g.pick(VALUE_PLACEHOLDERS);
      literal.append(value(values.computeIfAbsent(p, k -> g.pick(VALUES))));
      return p;
    }

    /** {@code #p}, {@code #p.#q} or {@code #p[i]}. */
    String path() {
      StringBuilder literal = new StringBuilder();
      StringBuilder text = new StringBuilder(namePlaceholder(literal));
      switch (g.r.nextInt(3)) {
        case 0 -> {
          text.append('.');
          literal.append('.');
          text.append(namePlaceholder(literal));
        }
        case 1 -> {
          int i = g.r.nextInt(3);
          text.append('[').append(i).append(']');
          literal.append('[').append(i).append(']');
        }
        default -> {}
      }
      lastLiteral = literal.toString();
      return text.toString();
    }

    /** {@code terms} comparisons of a path and a value, joined by AND. */
    String comparison(int terms) {
      StringBuilder text = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      for (int i = 0; i < terms; i++) {
        if (i > 0) {
          text.append(" AND ");
          literal.append(" AND ");
        }
        text.append(path());
        literal.append(lastLiteral);
        String op = g.r.nextBoolean() ? " = " : " <> ";
        text.append(op);
        literal.append(op);
        text.append(valuePlaceholder(literal));
      }
      lastLiteral = literal.toString();
      return text.toString();
    }
  }

  /** Draws builders from a seeded random source. */
  static final class Generator {
    final Random r;

    Generator(Random r) {
      this.r = r;
    }

    <T> T pick(List<T> from) {
      return from.get(r.nextInt(from.size()));
    }

    Gen<AttributePath> path() {
      String first = pick(NAMES);
      AttributePath p = AttributePath.of(first);
      StringBuilder literal = new StringBuilder(name(first));
      for (int i = r.nextInt(3); i > 0; i--) {
        if (r.nextBoolean()) {
          String field = pick(NAMES);
          p = p.field(field);
          literal.append('.').append(name(field));
        } else {
          int index = r.nextInt(4);
          p = p.index(index);
          literal.append('[').append(index).append(']');
        }
      }
      return new Gen<>(p, literal.toString(), Kind.ATOM);
    }

    Gen<Operand> operand() {
      switch (r.nextInt(3)) {
        case 0 -> {
          Gen<AttributePath> p = path();
          return new Gen<>(p.expr(), p.literal(), Kind.ATOM);
        }
        case 1 -> {
          Gen<AttributePath> p = path();
          return new Gen<>(Operand.size(p.expr()), "size(" + p.literal() + ")", Kind.ATOM);
        }
        default -> {
          AttributeValue v = pick(VALUES);
          return new Gen<>(Operand.value(v), value(v), Kind.ATOM);
        }
      }
    }

    Gen<ConditionExpression> condition(int depth) {
      int choice = r.nextInt(depth <= 0 ? 5 : 8);
      switch (choice) {
        case 0 -> {
          Gen<Operand> a = operand();
          String[] ops = {"=", "<>", "<", "<=", ">", ">="};
          String op = ops[r.nextInt(ops.length)];
          ConditionExpression c;
          String rightLiteral;
          if (r.nextBoolean()) {
            AttributeValue v = pick(VALUES);
            rightLiteral = value(v);
            c = switch (op) {
              case "=" -> ConditionExpression.eq(a.expr(), v);
              case "<>" -> ConditionExpression.ne(a.expr(), v);
              case "<" -> ConditionExpression.lt(a.expr(), v);
              case "<=" -> ConditionExpression.le(a.expr(), v);
              case ">" -> ConditionExpression.gt(a.expr(), v);
              default -> ConditionExpression.ge(a.expr(), v);
            };
          } else {
            Gen<Operand> b = operand();
            rightLiteral = b.literal();
            c = switch (op) {
              case "=" -> ConditionExpression.eq(a.expr(), b.expr());
              case "<>" -> ConditionExpression.ne(a.expr(), b.expr());
              case "<" -> ConditionExpression.lt(a.expr(), b.expr());
              case "<=" -> ConditionExpression.le(a.expr(), b.expr());
              case ">" -> ConditionExpression.gt(a.expr(), b.expr());
              default -> ConditionExpression.ge(a.expr(), b.expr());
            };
          }
          return new Gen<>(c, a.literal() + " " + op + " " + rightLiteral, Kind.ATOM);
        }
        case 1 -> {
          Gen<Operand> s = operand();
          Gen<Operand> lo = operand();
          Gen<Operand> hi = operand();
          return new Gen<>(ConditionExpression.between(s.expr(), lo.expr(), hi.expr()),
              s.literal() + " BETWEEN " + lo.literal() + " AND " + hi.literal(), Kind.BETWEEN);
        }
        case 2 -> {
          Gen<Operand> s = operand();
          List<Operand> candidates = new ArrayList<>();
          List<String> literals = new ArrayList<>();
          for (int i = r.nextInt(4) + 1; i > 0; i--) {
            Gen<Operand> c = operand();
            candidates.add(c.expr());
            literals.add(c.literal());
          }
          return new Gen<>(ConditionExpression.in(s.expr(), candidates.toArray(new Operand[0])),
              s.literal() + " IN (" + String.join(", ", literals) + ")", Kind.ATOM);
        }
        case 3 -> {
          return function();
        }
        case 4 -> {
          Raw raw = new Raw(this);
          String text = raw.comparison(r.nextInt(2) + 1);
          return new Gen<>(ConditionExpression.raw(text, raw.names, raw.values), raw.lastLiteral, Kind.RAW);
        }
        case 5, 6 -> {
          boolean and = choice == 5;
          List<ConditionExpression> parts = new ArrayList<>();
          List<String> literals = new ArrayList<>();
          for (int i = r.nextInt(2) + 2; i > 0; i--) {
            Gen<ConditionExpression> c = condition(depth - 1);
            parts.add(c.expr());
            boolean sameKind = c.kind() == (and ? Kind.AND : Kind.OR);
            boolean parens = !sameKind && (c.kind() == Kind.AND || c.kind() == Kind.OR || c.kind() == Kind.BETWEEN || c.kind() == Kind.RAW);
            literals.add(parens ? "(" + c.literal() + ")" : c.literal());
          }
          return and
              ? new Gen<>(ConditionExpression.and(parts), String.join(" AND ", literals), Kind.AND)
              : new Gen<>(ConditionExpression.or(parts), String.join(" OR ", literals), Kind.OR);
        }
        default -> {
          Gen<ConditionExpression> c = condition(depth - 1);
          String inner = c.kind() == Kind.FUNCTION ? c.literal() : "(" + c.literal() + ")";
          return new Gen<>(ConditionExpression.not(c.expr()), "NOT " + inner, Kind.NOT);
        }
      }
    }

    Gen<ConditionExpression> function() {
      Gen<AttributePath> p = path();
      switch (r.nextInt(5)) {
        case 0 -> {
          return new Gen<>(ConditionExpression.attributeExists(p.expr()), "attribute_exists(" + p.literal() + ")", Kind.FUNCTION);
        }
        case 1 -> {
          return new Gen<>(ConditionExpression.attributeNotExists(p.expr()), "attribute_not_exists(" + p.literal() + ")", Kind.FUNCTION);
        }
        case 2 -> {
          AttributeValue.Type t = pick(List.of(AttributeValue.Type.values()));
          return new Gen<>(ConditionExpression.attributeType(p.expr(), t),
              "attribute_type(" + p.literal() + ", " + value(s(t.descriptor())) + ")", Kind.FUNCTION);
        }
        case 3 -> {
          Gen<Operand> o = operand();
          return new Gen<>(ConditionExpression.beginsWith(p.expr(), o.expr()),
              "begins_with(" + p.literal() + ", " + o.literal() + ")", Kind.FUNCTION);
        }
        default -> {
          AttributeValue v = pick(VALUES);
          return new Gen<>(ConditionExpression.contains(p.expr(), v), "contains(" + p.literal() + ", " + value(v) + ")", Kind.FUNCTION);
        }
      }
    }

    /** A path, a value or if_not_exists: what may stand inside +, - and functions. */
    Gen<SetValue> setOperand(int depth) {
      int choice = r.nextInt(depth <= 0 ? 2 : 3);
      if (choice == 0) {
        Gen<AttributePath> p = path();
        return new Gen<>(p.expr(), p.literal(), Kind.ATOM);
      }
      if (choice == 1) {
        AttributeValue v = pick(VALUES);
        return new Gen<>(SetValue.value(v), value(v), Kind.ATOM);
      }
      Gen<AttributePath> p = path();
      Gen<SetValue> fallback = setOperand(depth - 1);
      return new Gen<>(SetValue.ifNotExists(p.expr(), fallback.expr()),
          "if_not_exists(" + p.literal() + ", " + fallback.literal() + ")", Kind.FUNCTION);
    }

    Gen<SetValue> setValue() {
      switch (r.nextInt(4)) {
        case 0 -> {
          Gen<SetValue> a = setOperand(2);
          Gen<SetValue> b = setOperand(2);
          return new Gen<>(SetValue.plus(a.expr(), b.expr()), a.literal() + " + " + b.literal(), Kind.ATOM);
        }
        case 1 -> {
          Gen<SetValue> a = setOperand(2);
          Gen<SetValue> b = setOperand(2);
          return new Gen<>(SetValue.minus(a.expr(), b.expr()), a.literal() + " - " + b.literal(), Kind.ATOM);
        }
        case 2 -> {
          Gen<SetValue> a = setOperand(2);
          Gen<SetValue> b = setOperand(2);
          return new Gen<>(SetValue.listAppend(a.expr(), b.expr()), "list_append(" + a.literal() + ", " + b.literal() + ")", Kind.FUNCTION);
        }
        default -> {
          return setOperand(2);
        }
      }
    }

    Gen<UpdateExpression> update() {
      UpdateExpression u = UpdateExpression.empty();
      Map<String, List<String>> clauses = new LinkedHashMap<>();
      for (String c : List.of("SET", "REMOVE", "ADD", "DELETE")) {
        clauses.put(c, new ArrayList<>());
      }
      for (int i = r.nextInt(5) + 1; i > 0; i--) {
        Gen<AttributePath> p = path();
        switch (r.nextInt(5)) {
          case 0 -> {
            Gen<SetValue> v = setValue();
            u = u.set(p.expr(), v.expr());
            clauses.get("SET").add(p.literal() + " = " + v.literal());
          }
          case 1 -> {
            u = u.remove(p.expr());
            clauses.get("REMOVE").add(p.literal());
          }
          case 2 -> {
            AttributeValue v = r.nextBoolean() ? n(r.nextInt(3)) : ss("x");
            u = u.add(p.expr(), v);
            clauses.get("ADD").add(p.literal() + " " + value(v));
          }
          case 3 -> {
            AttributeValue v = r.nextBoolean() ? ss("x") : ss("y", "z");
            u = u.delete(p.expr(), v);
            clauses.get("DELETE").add(p.literal() + " " + value(v));
          }
          default -> {
            u = u.combine(rawUpdate(clauses));
          }
        }
      }
      List<String> rendered = new ArrayList<>();
      for (Map.Entry<String, List<String>> c : clauses.entrySet()) {
        if (!c.getValue().isEmpty()) {
          rendered.add(c.getKey() + " " + String.join(", ", c.getValue()));
        }
      }
      return new Gen<>(u, String.join(" ", rendered), Kind.ATOM);
    }

    /** A hand-written update with one to three clauses in random order; its actions go to {@code clauses}. */
    UpdateExpression rawUpdate(Map<String, List<String>> clauses) {
      Raw raw = new Raw(this);
      List<String> order = new ArrayList<>(List.of("SET", "REMOVE", "ADD", "DELETE"));
      Collections.shuffle(order, r);
      StringBuilder text = new StringBuilder();
      for (String clause : order.subList(0, r.nextInt(3) + 1)) {
        text.append(text.length() == 0 ? "" : " ").append(r.nextBoolean() ? clause : clause.toLowerCase()).append(' ');
        for (int i = r.nextInt(2) + 1; i > 0; i--) {
          if (text.charAt(text.length() - 1) != ' ') {
            text.append(", ");
          }
          StringBuilder literal = new StringBuilder();
          String path = raw.path();
          literal.append(raw.lastLiteral);
          text.append(path);
          switch (clause) {
            case "SET" -> {
              literal.append(" = ");
              text.append(" = ").append(raw.valuePlaceholder(literal));
            }
            case "REMOVE" -> {}
            default -> {
              literal.append(' ');
              text.append(' ').append(raw.valuePlaceholder(literal));
            }
          }
          clauses.get(clause).add(literal.toString());
        }
      }
      return UpdateExpression.raw(text.toString(), raw.names, raw.values);
    }

    Gen<ProjectionExpression> projection() {
      List<String> firsts = new ArrayList<>(NAMES);
      Collections.shuffle(firsts, r);
      List<AttributePath> paths = new ArrayList<>();
      List<String> literals = new ArrayList<>();
      for (String first : firsts.subList(0, r.nextInt(3) + 1)) {
        AttributePath p = AttributePath.of(first);
        String literal = name(first);
        if (r.nextBoolean()) {
          int i = r.nextInt(3);
          p = p.index(i);
          literal += "[" + i + "]";
        }
        paths.add(p);
        literals.add(literal);
      }
      ProjectionExpression projection = ProjectionExpression.of(paths);
      if (r.nextBoolean()) {
        Raw raw = new Raw(this);
        List<String> texts = new ArrayList<>();
        for (int i = r.nextInt(2) + 1; i > 0; i--) {
          texts.add(raw.path());
          literals.add(raw.lastLiteral);
        }
        projection = projection.combine(ProjectionExpression.raw(String.join(", ", texts), raw.names));
      }
      return new Gen<>(projection, String.join(", ", literals), Kind.ATOM);
    }

    Gen<KeyConditionExpression> keyCondition() {
      if (r.nextInt(4) == 0) {
        Raw raw = new Raw(this);
        String text = raw.comparison(r.nextInt(2) + 1);
        return new Gen<>(KeyConditionExpression.raw(text, raw.names, raw.values), raw.lastLiteral, Kind.RAW);
      }
      String pk = pick(NAMES);
      AttributeValue pv = pick(VALUES);
      KeyConditionExpression k = KeyConditionExpression.partition(pk, pv);
      StringBuilder literal = new StringBuilder(name(pk) + " = " + value(pv));
      if (r.nextBoolean()) {
        String p2 = pick(NAMES);
        AttributeValue v2 = pick(VALUES);
        k = k.andPartition(p2, v2);
        literal.append(" AND ").append(name(p2)).append(" = ").append(value(v2));
      }
      String sk = pick(NAMES);
      AttributeValue a = pick(VALUES);
      AttributeValue b = pick(VALUES);
      switch (r.nextInt(8)) {
        case 0 -> {
          k = k.sortEq(sk, a);
          literal.append(" AND ").append(name(sk)).append(" = ").append(value(a));
        }
        case 1 -> {
          k = k.sortLt(sk, a);
          literal.append(" AND ").append(name(sk)).append(" < ").append(value(a));
        }
        case 2 -> {
          k = k.sortLe(sk, a);
          literal.append(" AND ").append(name(sk)).append(" <= ").append(value(a));
        }
        case 3 -> {
          k = k.sortGt(sk, a);
          literal.append(" AND ").append(name(sk)).append(" > ").append(value(a));
        }
        case 4 -> {
          k = k.sortGe(sk, a);
          literal.append(" AND ").append(name(sk)).append(" >= ").append(value(a));
        }
        case 5 -> {
          k = k.sortBetween(sk, a, b);
          literal.append(" AND ").append(name(sk)).append(" BETWEEN ").append(value(a)).append(" AND ").append(value(b));
        }
        case 6 -> {
          k = k.sortBeginsWith(sk, a);
          literal.append(" AND begins_with(").append(name(sk)).append(", ").append(value(a)).append(')');
        }
        default -> {}
      }
      return new Gen<>(k, literal.toString(), Kind.ATOM);
    }
  }
}
