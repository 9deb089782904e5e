package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An update: DynamoDB's {@code UpdateExpression}, a list of SET, REMOVE, ADD and DELETE actions.
 * Start from {@link #empty()} and add actions; each call returns a new expression.
 *
 * <pre>{@code
 * import static io.dynamo4j.expr.SetValue.*;
 * import static io.dynamo4j.model.AttributeValue.*;
 *
 * AttributePath version = AttributePath.of("version");
 * UpdateExpression u = UpdateExpression.empty()
 *     .set(AttributePath.of("status"), s("SHIPPED"))
 *     .set(version, plus(version, n(1)))
 *     .remove(AttributePath.parse("lock.owner"))
 *     .add(AttributePath.of("tags"), ss("shipped"));
 * // SET #n0 = :v0, #n1 = #n1 + :v1 REMOVE #n2.#n3 ADD #n4 :v2
 * }</pre>
 *
 * <p>Rendering writes the clauses in DynamoDB's usual order, SET, REMOVE, ADD, DELETE, each once
 * (DynamoDB rejects a repeated clause), with the actions of each clause in the order they were
 * added, separated by {@code ", "}. {@link #combine} and {@link #raw raw} fragments fold into the
 * same clauses.
 *
 * <p>The builder checks what DynamoDB's grammar and types fix regardless of the item (ADD takes a
 * number or a set, DELETE a set; see {@link SetValue} for SET) and leaves the rest, such as two
 * actions on overlapping paths, to the service. Immutable and thread-safe.
 */
public final class UpdateExpression {

  /** The four clauses, in rendering order. */
  enum Clause {
    SET, REMOVE, ADD, DELETE
  }

  /** One action of one clause. */
  sealed interface Action permits SetAction, RemoveAction, AddAction, DeleteAction, RawAction {
    Clause clause();
  }

  record SetAction(AttributePath path, SetValue value) implements Action {
    @Override
    public Clause clause() {
      return Clause.SET;
    }
  }

  record RemoveAction(AttributePath path) implements Action {
    @Override
    public Clause clause() {
      return Clause.REMOVE;
    }
  }

  record AddAction(AttributePath path, AttributeValue value) implements Action {
    @Override
    public Clause clause() {
      return Clause.ADD;
    }
  }

  record DeleteAction(AttributePath path, AttributeValue value) implements Action {
    @Override
    public Clause clause() {
      return Clause.DELETE;
    }
  }

  /** One action of a hand-written update, with the whole fragment's maps. */
  record RawAction(Clause clause, Fragment fragment) implements Action {}

  private static final UpdateExpression EMPTY = new UpdateExpression(List.of());

  private final List<Action> actions;

  private UpdateExpression(List<Action> actions) {
    this.actions = actions;
  }

  /** An update with no actions, to add actions to. Rendering it alone is an error. */
  public static UpdateExpression empty() {
    return EMPTY;
  }

  /** Adds {@code SET path = value}. */
  public UpdateExpression set(AttributePath path, AttributeValue value) {
    return set(path, SetValue.value(value));
  }

  /**
   * Adds {@code SET path = value}, where the value is another path, {@code if_not_exists},
   * {@code list_append} or a sum or difference ({@link SetValue}).
   */
  public UpdateExpression set(AttributePath path, SetValue value) {
    Require.nonNull(path, "path of SET");
    Require.nonNull(value, "value of SET");
    return with(new SetAction(path, value));
  }

  /** Adds {@code REMOVE path}: deletes the attribute, map entry or list element at {@code path}. */
  public UpdateExpression remove(AttributePath path) {
    return with(new RemoveAction(Require.nonNull(path, "path of REMOVE")));
  }

  /**
   * Adds {@code ADD path value}: adds a number to the number at {@code path}, or the elements of a
   * set to the set at {@code path}, creating the attribute when absent.
   *
   * @throws IllegalArgumentException unless {@code value} is a number or a set (N, SS, NS, BS)
   */
  public UpdateExpression add(AttributePath path, AttributeValue value) {
    Require.nonNull(path, "path of ADD");
    Require.nonNull(value, "value of ADD");
    switch (value.type()) {
      case N, SS, NS, BS -> {}
      default -> throw new IllegalArgumentException(
          "ADD takes a number or a set (N, SS, NS or BS); got " + value.type() + " for " + path
              + " (use set(...) to assign other types)");
    }
    return with(new AddAction(path, value));
  }

  /**
   * Adds {@code DELETE path value}: removes the elements of {@code value} from the set at
   * {@code path}.
   *
   * @throws IllegalArgumentException unless {@code value} is a set (SS, NS, BS)
   */
  public UpdateExpression delete(AttributePath path, AttributeValue value) {
    Require.nonNull(path, "path of DELETE");
    Require.nonNull(value, "value of DELETE");
    switch (value.type()) {
      case SS, NS, BS -> {}
      default -> throw new IllegalArgumentException(
          "DELETE removes elements from a set and takes a set (SS, NS or BS); got " + value.type()
              + " for " + path + " (use remove(...) to delete an attribute)");
    }
    return with(new DeleteAction(path, value));
  }

  /** This update's actions followed by {@code other}'s, clause by clause. */
  public UpdateExpression combine(UpdateExpression other) {
    Require.nonNull(other, "other update");
    if (actions.isEmpty()) {
      return other;
    }
    List<Action> all = new ArrayList<>(actions);
    all.addAll(other.actions);
    return new UpdateExpression(Collections.unmodifiableList(all));
  }

  /** Whether this update has no actions. */
  public boolean isEmpty() {
    return actions.isEmpty();
  }

  private UpdateExpression with(Action action) {
    List<Action> all = new ArrayList<>(actions.size() + 1);
    all.addAll(actions);
    all.add(action);
    return new UpdateExpression(Collections.unmodifiableList(all));
  }

  // ---------------------------------------------------------------- raw

  /**
   * An update written by hand with its own placeholders. Its actions join the clauses of whatever
   * it is combined with, and where its placeholders clash with others they are renamed (in the
   * text too, token by token); a placeholder meaning the same name or value as another is merged.
   *
   * <p>Clause keywords may be in any case and are rendered in upper case; the actions of the
   * fragment are rendered in their clauses' places, in the order written.
   *
   * <pre>{@code
   * UpdateExpression.raw("SET #c = #c + :one REMOVE #tmp",
   *     Map.of("#c", "count", "#tmp", "scratch"), Map.of(":one", n(1)))
   * }</pre>
   *
   * @throws IllegalArgumentException if the text does not start with SET, REMOVE, ADD or DELETE,
   *     has an empty clause or action, uses a placeholder it does not define, defines one it does
   *     not use, or a key is not a placeholder
   */
  public static UpdateExpression raw(
      String expression, Map<String, String> names, Map<String, ? extends AttributeValue> values) {
    Fragment whole = Fragment.strict("UpdateExpression.raw", expression, names, values);
    return new UpdateExpression(Collections.unmodifiableList(split(whole)));
  }

  /**
   * Splits an update's text into its actions: clause keywords and commas count only outside
   * parentheses, and words that are part of a placeholder ({@code #set}) are not keywords.
   */
  private static List<Action> split(Fragment whole) {
    String text = whole.text();
    List<Action> out = new ArrayList<>();
    Clause clause = null;
    int depth = 0;
    int actionStart = -1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int tokenEnd = Fragment.tokenEnd(text, i);
      if (tokenEnd > i) {
        i = tokenEnd;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && c == ',') {
        out.add(action(whole, clause, text, actionStart, i));
        actionStart = i + 1;
      } else if (depth == 0 && isWordStart(c) && (i == 0 || !isPathChar(text.charAt(i - 1)))) {
        int end = i;
        while (end < text.length() && Fragment.isWordChar(text.charAt(end))) {
          end++;
        }
        Clause keyword = keyword(text.substring(i, end));
        if (keyword != null) {
          if (clause != null) {
            out.add(action(whole, clause, text, actionStart, i));
          }
          clause = keyword;
          actionStart = end;
        } else if (clause == null) {
          throw notAClause(text);
        }
        i = end;
        continue;
      } else if (clause == null && !Character.isWhitespace(c)) {
        throw notAClause(text);
      }
      i++;
    }
    if (clause == null) {
      throw notAClause(text);
    }
    out.add(action(whole, clause, text, actionStart, text.length()));
    return out;
  }

  private static Action action(Fragment whole, Clause clause, String text, int start, int end) {
    String piece = text.substring(start, end).strip();
    if (piece.isEmpty()) {
      throw new IllegalArgumentException(
          "UpdateExpression.raw: \"" + text + "\" has an empty action in its " + clause + " clause");
    }
    return new RawAction(clause, whole.piece(piece));
  }

  private static Clause keyword(String word) {
    switch (word.toUpperCase(Locale.ROOT)) {
      case "SET":
        return Clause.SET;
      case "REMOVE":
        return Clause.REMOVE;
      case "ADD":
        return Clause.ADD;
      case "DELETE":
        return Clause.DELETE;
      default:
        return null;
    }
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  /** A character after which a word continues a path or number rather than starting a keyword. */
  private static boolean isPathChar(char c) {
    return Fragment.isWordChar(c) || c == '.' || c == '#' || c == ':';
  }

  private static IllegalArgumentException notAClause(String text) {
    return new IllegalArgumentException(
        "UpdateExpression.raw: \"" + text + "\" must start with SET, REMOVE, ADD or DELETE");
  }

  // ---------------------------------------------------------------- rendering

  /**
   * Renders this update through {@code placeholders}.
   *
   * @throws IllegalArgumentException if the update has no actions
   */
  String render(Placeholders placeholders) {
    if (actions.isEmpty()) {
      throw new IllegalArgumentException(
          "the update has no actions; add set(...), remove(...), add(...) or delete(...) to UpdateExpression.empty()");
    }
    StringBuilder out = new StringBuilder();
    for (Clause clause : Clause.values()) {
      boolean first = true;
      for (Action a : actions) {
        if (a.clause() != clause) {
          continue;
        }
        if (first) {
          out.append(out.length() > 0 ? " " : "").append(clause.name()).append(' ');
          first = false;
        } else {
          out.append(", ");
        }
        renderAction(out, a, placeholders);
      }
    }
    return out.toString();
  }

  private static void renderAction(StringBuilder out, Action a, Placeholders p) {
    if (a instanceof SetAction s) {
      s.path().render(out, p);
      out.append(" = ");
      p.setValue(out, s.value());
    } else if (a instanceof RemoveAction r) {
      r.path().render(out, p);
    } else if (a instanceof AddAction add) {
      add.path().render(out, p);
      out.append(' ').append(p.value(add.value()));
    } else if (a instanceof DeleteAction d) {
      d.path().render(out, p);
      out.append(' ').append(p.value(d.value()));
    } else {
      out.append(p.bind(((RawAction) a).fragment()));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UpdateExpression other && actions.equals(other.actions);
  }

  @Override
  public int hashCode() {
    return actions.hashCode();
  }

  /**
   * The update with names and values written in place of placeholders, for reading:
   * {@code SET status = {S: SHIPPED}}. Not an expression DynamoDB accepts; render with
   * {@link Expressions}.
   */
  @Override
  public String toString() {
    return actions.isEmpty() ? "(no actions)" : render(Placeholders.literal());
  }
}
