package io.dynamo4j.engine.expr;

import io.dynamo4j.engine.expr.Ast.Action;
import io.dynamo4j.engine.expr.Ast.Call;
import io.dynamo4j.engine.expr.Ast.Clause;
import io.dynamo4j.engine.expr.Ast.Comparator;
import io.dynamo4j.engine.expr.Ast.Index;
import io.dynamo4j.engine.expr.Ast.Name;
import io.dynamo4j.engine.expr.Ast.Step;
import io.dynamo4j.engine.expr.Resolved.Operand;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Utf8;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second phase: substitutes {@code #name} and {@code :value} placeholders, records which were
 * used (so unused ones can be reported exactly), and makes the checks that need the values: types
 * of literal operands, function arity, document paths where a function needs one, IN and BETWEEN
 * rules, distinct operands, nesting depth of paths and the overlap of update and projection paths.
 * It yields the {@link Resolved} form.
 *
 * <p>The order of checks is DynamoDB's. Conditions are checked in text order, each node after its
 * operands. Updates are checked action by action from the last to the first: first all their paths
 * (names, nesting, overlap), then all their operands. Projections in text order.
 *
 * <p>One resolver serves one expression of one request. Not thread-safe.
 */
final class Resolver {

  /** DynamoDB's limit on the nesting of a document path. */
  static final int MAX_PATH_DEPTH = 32;
  /** DynamoDB's limit on the operands of IN. */
  static final int MAX_IN_OPERANDS = 100;
  /** DynamoDB's limit on an expression with its placeholders substituted (1 MB). */
  static final long MAX_SUBSTITUTED_SIZE = 1024 * 1024;

  private final ExpressionKind kind;
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames;
  private final Set<String> usedValues;
  private long substitutedSize;

  /**
   * @param textLength the expression's length, the base of its substituted size
   * @param usedNames collects the name placeholders used (shared by a request's expressions)
   * @param usedValues collects the value placeholders used
   */
  Resolver(ExpressionKind kind, int textLength, Map<String, String> names, Map<String, AttributeValue> values,
      Set<String> usedNames, Set<String> usedValues) {
    this.kind = kind;
    this.names = names;
    this.values = values;
    this.usedNames = usedNames;
    this.usedValues = usedValues;
    this.substitutedSize = textLength;
  }

  /** Throws if the expression with its placeholders substituted is larger than DynamoDB allows. */
  void checkSubstitutedSize() {
    if (substitutedSize > MAX_SUBSTITUTED_SIZE) {
      throw Errors.substitutedTooLong(kind);
    }
  }

  // ---------------------------------------------------------------- conditions

  Resolved.Cond condition(Ast.Cond cond) {
    if (cond instanceof Ast.Compare c) {
      Operand left = operand(c.left());
      Operand right = operand(c.right());
      if (c.op() != Comparator.EQ && c.op() != Comparator.NE) {
        requireOrdered(c.op().symbol, left);
        requireOrdered(c.op().symbol, right);
      }
      requireDistinct(c.op().symbol, left, List.of(right));
      return new Resolved.Compare(left, c.op(), right);
    }
    if (cond instanceof Ast.Between b) {
      Operand subject = operand(b.subject());
      Operand low = operand(b.low());
      Operand high = operand(b.high());
      requireOrdered("BETWEEN", subject);
      requireOrdered("BETWEEN", low);
      requireOrdered("BETWEEN", high);
      if (low instanceof Resolved.Value l && high instanceof Resolved.Value h) {
        if (l.value().type() != h.value().type()) {
          throw Errors.betweenTypes(kind, l.value(), h.value());
        }
        if (Values.compare(l.value(), h.value()) > 0) {
          throw Errors.betweenOrder(kind, l.value(), h.value());
        }
      }
      requireDistinct("BETWEEN", subject, List.of(low, high));
      return new Resolved.Between(subject, low, high);
    }
    if (cond instanceof Ast.In in) {
      if (in.candidates().size() > MAX_IN_OPERANDS) {
        throw Errors.tooManyInOperands(kind, in.candidates().size());
      }
      Operand subject = operand(in.subject());
      List<Operand> candidates = new ArrayList<>(in.candidates().size());
      for (Ast.Operand candidate : in.candidates()) {
        candidates.add(operand(candidate));
      }
      requireDistinct("IN", subject, candidates);
      return new Resolved.In(subject, candidates);
    }
    if (cond instanceof Ast.And a) {
      Resolved.Cond left = condition(a.left());
      return new Resolved.And(left, condition(a.right()));
    }
    if (cond instanceof Ast.Or o) {
      Resolved.Cond left = condition(o.left());
      return new Resolved.Or(left, condition(o.right()));
    }
    if (cond instanceof Ast.Not n) {
      return new Resolved.Not(condition(n.operand()));
    }
    if (cond instanceof Ast.FunctionCond f) {
      return function(f.call());
    }
    throw new IllegalStateException("unexpected node: " + cond);
  }

  private Resolved.Cond function(Call call) {
    List<Operand> args = operands(call.args());
    String name = call.name();
    switch (name) {
      case "attribute_exists", "attribute_not_exists" -> {
        requireArity(name, args, 1);
        if (!(args.get(0) instanceof Resolved.PathOperand path)) {
          throw Errors.needsPath(kind, name);
        }
        return new Resolved.Exists(path.path(), name.equals("attribute_exists"));
      }
      case "attribute_type" -> {
        requireArity(name, args, 2);
        requireDistinct(name, args.get(0), args.subList(1, 2));
        Operand type = args.get(1);
        if (type instanceof Resolved.PathOperand) {
          throw Errors.typeNameFromPath(kind);
        }
        AttributeValue.Type staticType = staticType(type);
        if (staticType != AttributeValue.Type.S) {
          throw Errors.operandType(kind, name, staticType.descriptor());
        }
        String typeName = ((AttributeValue.S) ((Resolved.Value) type).value()).value();
        AttributeValue.Type wanted = typeNamed(typeName);
        if (wanted == null) {
          throw Errors.invalidTypeName(kind, typeName);
        }
        return new Resolved.TypeIs(args.get(0), wanted);
      }
      case "begins_with" -> {
        requireArity(name, args, 2);
        for (Operand arg : args) {
          AttributeValue.Type type = staticType(arg);
          if (type != null && type != AttributeValue.Type.S && type != AttributeValue.Type.B) {
            throw Errors.operandType(kind, name, type.descriptor());
          }
        }
        requireDistinct(name, args.get(0), args.subList(1, 2));
        return new Resolved.BeginsWith(args.get(0), args.get(1));
      }
      case "contains" -> {
        requireArity(name, args, 2);
        requireDistinct(name, args.get(0), args.subList(1, 2));
        return new Resolved.Contains(args.get(0), args.get(1));
      }
      default -> throw new IllegalStateException("unchecked function " + name);
    }
  }

  private static AttributeValue.Type typeNamed(String name) {
    for (AttributeValue.Type type : AttributeValue.Type.values()) {
      if (type.descriptor().equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** An operand of a condition. */
  private Operand operand(Ast.Operand operand) {
    if (operand instanceof Ast.Path path) {
      return new Resolved.PathOperand(path(path));
    }
    if (operand instanceof Ast.ValueRef ref) {
      return new Resolved.Value(value(ref));
    }
    if (operand instanceof Ast.Literal literal) {
      return new Resolved.Value(literal.value());
    }
    if (operand instanceof Call call) {
      // size() is the only function StaticChecks lets through as a condition operand
      List<Operand> args = operands(call.args());
      requireArity(call.name(), args, 1);
      AttributeValue.Type type = staticType(args.get(0));
      if (type != null && !Values.hasSize(type)) {
        throw Errors.operandType(kind, call.name(), type.descriptor());
      }
      return new Resolved.Size(args.get(0));
    }
    throw new IllegalStateException("unexpected operand: " + operand);
  }

  private List<Operand> operands(List<Ast.Operand> args) {
    List<Operand> resolved = new ArrayList<>(args.size());
    for (Ast.Operand arg : args) {
      resolved.add(operand(arg));
    }
    return resolved;
  }

  private void requireArity(String function, List<Operand> args, int arity) {
    if (args.size() != arity) {
      throw Errors.arity(kind, function, args.size());
    }
  }

  private void requireOrdered(String operator, Operand operand) {
    AttributeValue.Type type = staticType(operand);
    if (type != null && !Values.isOrdered(type)) {
      throw Errors.operandType(kind, operator, type.descriptor());
    }
  }

  private void requireDistinct(String operator, Operand first, List<Operand> others) {
    if (first instanceof Resolved.PathOperand path) {
      for (Operand other : others) {
        if (other instanceof Resolved.PathOperand p && p.path().equals(path.path())) {
          throw Errors.operandsNotDistinct(kind, operator, path.path().toString());
        }
      }
    }
  }

  /** The type of an operand known before evaluation: a literal's, or N for size(); null if unknown. */
  static AttributeValue.Type staticType(Operand operand) {
    if (operand instanceof Resolved.Value value) {
      return value.value().type();
    }
    if (operand instanceof Resolved.Size) {
      return AttributeValue.Type.N;
    }
    return null;
  }

  // ---------------------------------------------------------------- updates

  /**
   * A resolved update: its actions in text order, and their paths merged into a tree whose
   * payloads are the actions' positions in that list.
   */
  record ResolvedUpdate(List<Resolved.Action> actions, PathTree<Integer> paths) {}

  ResolvedUpdate update(Ast.UpdateExpr update) {
    List<Action> actions = update.actions();
    int n = actions.size();
    DocPath[] paths = new DocPath[n];
    PathTree<Integer> tree = new PathTree<>(kind);
    for (int i = n - 1; i >= 0; i--) {
      paths[i] = path(actions.get(i).path());
      tree.insert(paths[i], actions.get(i).pos(), i);
    }
    Operand[] operands = new Operand[n];
    for (int i = n - 1; i >= 0; i--) {
      Action action = actions.get(i);
      switch (action.clause()) {
        case SET -> operands[i] = setOperand(action.value());
        case ADD, DELETE -> operands[i] = clauseOperand(action.clause(), action.value(), false);
        case REMOVE -> operands[i] = null;
      }
    }
    List<Resolved.Action> resolved = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      resolved.add(new Resolved.Action(actions.get(i).clause(), paths[i], operands[i], false));
    }
    return new ResolvedUpdate(resolved, tree);
  }

  /** The legacy AttributeUpdates, translated by {@link Legacy}: actions that word errors the legacy way. */
  ResolvedUpdate legacyUpdate(Ast.UpdateExpr update) {
    List<Resolved.Action> resolved = new ArrayList<>(update.actions().size());
    PathTree<Integer> tree = new PathTree<>(kind);
    for (Action action : update.actions()) {
      DocPath path = path(action.path());
      Operand operand = switch (action.clause()) {
        case SET -> setOperand(action.value());
        case ADD, DELETE -> clauseOperand(action.clause(), action.value(), true);
        case REMOVE -> null;
      };
      tree.insert(path, resolved.size(), resolved.size());
      resolved.add(new Resolved.Action(action.clause(), path, operand, true));
    }
    return new ResolvedUpdate(resolved, tree);
  }

  /** The value of ADD or DELETE: a number or a set for ADD, a set for DELETE. */
  Operand clauseOperand(Clause clause, Ast.Operand operand, boolean legacy) {
    AttributeValue value = operand instanceof Ast.ValueRef ref ? value(ref) : ((Ast.Literal) operand).value();
    if (!legacy) {
      AttributeValue.Type type = value.type();
      boolean allowed = clause == Clause.ADD ? type == AttributeValue.Type.N || Values.isSet(type) : Values.isSet(type);
      if (!allowed) {
        throw Errors.clauseOperandType(clause.name(), Values.longTypeName(type));
      }
    }
    return new Resolved.Value(value);
  }

  /** The value of a SET action. */
  Operand setOperand(Ast.Operand operand) {
    if (operand instanceof Ast.Path path) {
      return new Resolved.PathOperand(path(path));
    }
    if (operand instanceof Ast.ValueRef ref) {
      return new Resolved.Value(value(ref));
    }
    if (operand instanceof Ast.Literal literal) {
      return new Resolved.Value(literal.value());
    }
    if (operand instanceof Ast.Arith arith) {
      Operand left = setOperand(arith.left());
      Operand right = setOperand(arith.right());
      String symbol = arith.minus() ? "-" : "+";
      requireType(symbol, left, AttributeValue.Type.N);
      requireType(symbol, right, AttributeValue.Type.N);
      return new Resolved.Arith(left, arith.minus(), right);
    }
    if (operand instanceof Call call) {
      List<Operand> args = new ArrayList<>(call.args().size());
      for (Ast.Operand arg : call.args()) {
        args.add(setOperand(arg));
      }
      requireArity(call.name(), args, 2);
      if (call.name().equals("if_not_exists")) {
        if (!(args.get(0) instanceof Resolved.PathOperand path)) {
          throw Errors.needsPath(kind, call.name());
        }
        requireDistinct(call.name(), path, args.subList(1, 2));
        return new Resolved.IfNotExists(path.path(), args.get(1));
      }
      requireType(call.name(), args.get(0), AttributeValue.Type.L);
      requireType(call.name(), args.get(1), AttributeValue.Type.L);
      return new Resolved.ListAppend(args.get(0), args.get(1));
    }
    throw new IllegalStateException("unexpected operand: " + operand);
  }

  private void requireType(String operator, Operand operand, AttributeValue.Type required) {
    AttributeValue.Type type = staticType(operand);
    if (type != null && type != required) {
      throw Errors.operandType(kind, operator, type.descriptor());
    }
  }

  // ---------------------------------------------------------------- projections

  Projection projection(Ast.ProjectionExpr projection) {
    PathTree<Boolean> tree = new PathTree<>(kind);
    List<Ast.Path> paths = projection.paths();
    String[] tops = new String[paths.size()];
    // DynamoDB resolves and merges the paths last to first, which decides which error it reports
    // and the paths its overlap and conflict messages name.
    for (int i = paths.size() - 1; i >= 0; i--) {
      DocPath path = path(paths.get(i));
      tops[i] = path.top();
      tree.insert(path, paths.get(i).pos(), Boolean.TRUE);
    }
    return new Projection(tree, new LinkedHashSet<>(Arrays.asList(tops)));
  }

  // ---------------------------------------------------------------- placeholders

  DocPath path(Ast.Path path) {
    List<Step> steps = path.steps();
    if (steps.size() > MAX_PATH_DEPTH) {
      throw Errors.pathTooDeep(kind, steps.size());
    }
    List<Object> resolved = new ArrayList<>(steps.size());
    for (Step step : steps) {
      if (step instanceof Name name) {
        resolved.add(name.ref() ? name(name.text()) : name.text());
      } else {
        resolved.add(((Index) step).value());
      }
    }
    return DocPath.of(resolved);
  }

  private String name(String placeholder) {
    String name = names == null ? null : names.get(placeholder);
    if (name == null) {
      throw Errors.undefinedName(kind, placeholder);
    }
    usedNames.add(placeholder);
    substitutedSize += Utf8.length(name);
    return name;
  }

  private AttributeValue value(Ast.ValueRef ref) {
    AttributeValue value = values == null ? null : values.get(ref.name());
    if (value == null) {
      throw Errors.undefinedValue(kind, ref.name());
    }
    usedValues.add(ref.name());
    substitutedSize += value.sizeInBytes();
    return value;
  }
}
