package io.dynamo4j.expr;

import io.dynamo4j.api.ConditionCheck;
import io.dynamo4j.api.Delete;
import io.dynamo4j.api.DeleteItemRequest;
import io.dynamo4j.api.Get;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.Update;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expressions of one request, rendered together: the expression strings and one
 * {@code ExpressionAttributeNames} and one {@code ExpressionAttributeValues} map they share.
 *
 * <pre>{@code
 * import static io.dynamo4j.expr.ConditionExpression.*;
 *
 * Expressions e = Expressions.builder()
 *     .keyCondition(KeyConditionExpression.partition("customer", s("c-7")))
 *     .filter(gt(AttributePath.of("total"), n(100)))
 *     .projection(ProjectionExpression.attributes("orderId", "total"))
 *     .build();
 * e.keyConditionExpression();      // #n0 = :v0
 * e.filterExpression();            // #n1 > :v1
 * e.projectionExpression();        // #n2, #n1
 * e.expressionAttributeNames();    // {#n0=customer, #n1=total, #n2=orderId}
 * e.expressionAttributeValues();   // {:v0={S: c-7}, :v1={N: 100}}
 *
 * QueryRequest q = e.applyTo(QueryRequest.builder().tableName("Orders")).build();
 * }</pre>
 *
 * <h2>Placeholders</h2>
 *
 * All expressions render through one allocator, so placeholders never collide, whatever is
 * combined:
 *
 * <ul>
 *   <li>Every attribute name is a placeholder, so reserved words and special characters never
 *       matter. Placeholders are {@code #n0, #n1, ...} and {@code :v0, :v1, ...}, numbered in
 *       order of first appearance, with the expressions in the order key condition, update,
 *       condition, filter, projection, each read left to right.
 *   <li>Equal names share one placeholder, and so do equal values (by
 *       {@code AttributeValue.equals}, so {@code n("1.0")} and {@code n(1)} share): requests stay
 *       small, and each map is a one-to-one correspondence, every entry used.
 *   <li>Raw fragments ({@code ConditionExpression.raw(...)} and its kin) keep their own
 *       placeholders where those are free; a placeholder already taken by a different name or value
 *       is renamed to a fresh generated one, in the text too, token by token ({@code #a} never
 *       touches {@code #ab}); one that means the same name or value as an existing placeholder is
 *       merged into it. Generated placeholders skip the ones fragments keep.
 * </ul>
 *
 * <h2>Applying to requests</h2>
 *
 * The {@code applyTo} methods set the expression members this object has on a request builder,
 * and merge rather than replace the placeholder maps: expressions the builder already holds that
 * this object does not replace are kept (as raw fragments, rendered first so their text is kept),
 * and the maps are rebuilt to hold exactly the placeholders the final expressions use. An
 * expression member this object has replaces the builder's, and placeholders only the replaced
 * expression used are dropped, as DynamoDB rejects unused ones. Applying an expression kind the
 * request does not take (a filter to a PutItemRequest) is an {@link IllegalArgumentException}.
 *
 * <p>Immutable and thread-safe; {@link Builder} is not thread-safe.
 */
public final class Expressions {

  /** The expression members, in rendering order. */
  enum Slot {
    KEY_CONDITION("KeyConditionExpression"),
    UPDATE("UpdateExpression"),
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    PROJECTION("ProjectionExpression");

    final String member;

    Slot(String member) {
      this.member = member;
    }
  }

  /** Rendered texts with their maps. */
  private record Rendered(Map<Slot, String> texts, Map<String, String> names, Map<String, AttributeValue> values) {

    String text(Slot slot) {
      return texts.get(slot);
    }

    Map<String, String> namesOrNull() {
      return names.isEmpty() ? null : names;
    }

    Map<String, AttributeValue> valuesOrNull() {
      return values.isEmpty() ? null : values;
    }
  }

  private final KeyConditionExpression keyCondition;
  private final UpdateExpression update;
  private final ConditionExpression condition;
  private final ConditionExpression filter;
  private final ProjectionExpression projection;
  private final Rendered rendered;

  private Expressions(Builder b) {
    this.keyCondition = b.keyCondition;
    this.update = b.update;
    this.condition = b.condition;
    this.filter = b.filter;
    this.projection = b.projection;
    this.rendered = render(Map.of(), null, null);
  }

  /** A builder with no expression set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code KeyConditionExpression}, or null if none was set. */
  public String keyConditionExpression() {
    return rendered.text(Slot.KEY_CONDITION);
  }

  /** The {@code UpdateExpression}, or null if none was set. */
  public String updateExpression() {
    return rendered.text(Slot.UPDATE);
  }

  /** The {@code ConditionExpression}, or null if none was set. */
  public String conditionExpression() {
    return rendered.text(Slot.CONDITION);
  }

  /** The {@code FilterExpression}, or null if none was set. */
  public String filterExpression() {
    return rendered.text(Slot.FILTER);
  }

  /** The {@code ProjectionExpression}, or null if none was set. */
  public String projectionExpression() {
    return rendered.text(Slot.PROJECTION);
  }

  /** Placeholder to attribute name, in order of first appearance; empty if no expression names one. Unmodifiable. */
  public Map<String, String> expressionAttributeNames() {
    return rendered.names();
  }

  /** Placeholder to value, in order of first appearance; empty if no expression has a value. Unmodifiable. */
  public Map<String, AttributeValue> expressionAttributeValues() {
    return rendered.values();
  }

  // ---------------------------------------------------------------- applying

  /** Sets ConditionExpression and the maps on a PutItem request (see the class comment). */
  public PutItemRequest.Builder applyTo(PutItemRequest.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    PutItemRequest r = builder.build();
    Rendered x = renderOnto("PutItemRequest", EnumSet.of(Slot.CONDITION),
        texts(null, null, r.conditionExpression(), null, null), r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.conditionExpression(x.text(Slot.CONDITION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets UpdateExpression, ConditionExpression and the maps on an UpdateItem request (see the class comment). */
  public UpdateItemRequest.Builder applyTo(UpdateItemRequest.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    UpdateItemRequest r = builder.build();
    Rendered x = renderOnto("UpdateItemRequest", EnumSet.of(Slot.UPDATE, Slot.CONDITION),
        texts(null, r.updateExpression(), r.conditionExpression(), null, null),
        r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.updateExpression(x.text(Slot.UPDATE))
        .conditionExpression(x.text(Slot.CONDITION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets ConditionExpression and the maps on a DeleteItem request (see the class comment). */
  public DeleteItemRequest.Builder applyTo(DeleteItemRequest.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    DeleteItemRequest r = builder.build();
    Rendered x = renderOnto("DeleteItemRequest", EnumSet.of(Slot.CONDITION),
        texts(null, null, r.conditionExpression(), null, null), r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.conditionExpression(x.text(Slot.CONDITION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets ProjectionExpression and ExpressionAttributeNames on a GetItem request (see the class comment). */
  public GetItemRequest.Builder applyTo(GetItemRequest.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    GetItemRequest r = builder.build();
    Rendered x = renderOnto("GetItemRequest", EnumSet.of(Slot.PROJECTION),
        texts(null, null, null, null, r.projectionExpression()), r.expressionAttributeNames(), null);
    return builder.projectionExpression(x.text(Slot.PROJECTION)).expressionAttributeNames(x.namesOrNull());
  }

  /** Sets KeyConditionExpression, FilterExpression, ProjectionExpression and the maps on a Query request (see the class comment). */
  public QueryRequest.Builder applyTo(QueryRequest.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    QueryRequest r = builder.build();
    Rendered x = renderOnto("QueryRequest", EnumSet.of(Slot.KEY_CONDITION, Slot.FILTER, Slot.PROJECTION),
        texts(r.keyConditionExpression(), null, null, r.filterExpression(), r.projectionExpression()),
        r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.keyConditionExpression(x.text(Slot.KEY_CONDITION))
        .filterExpression(x.text(Slot.FILTER))
        .projectionExpression(x.text(Slot.PROJECTION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets FilterExpression, ProjectionExpression and the maps on a Scan request (see the class comment). */
  public ScanRequest.Builder applyTo(ScanRequest.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    ScanRequest r = builder.build();
    Rendered x = renderOnto("ScanRequest", EnumSet.of(Slot.FILTER, Slot.PROJECTION),
        texts(null, null, null, r.filterExpression(), r.projectionExpression()),
        r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.filterExpression(x.text(Slot.FILTER))
        .projectionExpression(x.text(Slot.PROJECTION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets ConditionExpression and the maps on a transaction's Put (see the class comment). */
  public Put.Builder applyTo(Put.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    Put r = builder.build();
    Rendered x = renderOnto("Put", EnumSet.of(Slot.CONDITION),
        texts(null, null, r.conditionExpression(), null, null), r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.conditionExpression(x.text(Slot.CONDITION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets UpdateExpression, ConditionExpression and the maps on a transaction's Update (see the class comment). */
  public Update.Builder applyTo(Update.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    Update r = builder.build();
    Rendered x = renderOnto("Update", EnumSet.of(Slot.UPDATE, Slot.CONDITION),
        texts(null, r.updateExpression(), r.conditionExpression(), null, null),
        r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.updateExpression(x.text(Slot.UPDATE))
        .conditionExpression(x.text(Slot.CONDITION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets ConditionExpression and the maps on a transaction's Delete (see the class comment). */
  public Delete.Builder applyTo(Delete.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    Delete r = builder.build();
    Rendered x = renderOnto("Delete", EnumSet.of(Slot.CONDITION),
        texts(null, null, r.conditionExpression(), null, null), r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.conditionExpression(x.text(Slot.CONDITION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets ConditionExpression and the maps on a transaction's ConditionCheck (see the class comment). */
  public ConditionCheck.Builder applyTo(ConditionCheck.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    ConditionCheck r = builder.build();
    Rendered x = renderOnto("ConditionCheck", EnumSet.of(Slot.CONDITION),
        texts(null, null, r.conditionExpression(), null, null), r.expressionAttributeNames(), r.expressionAttributeValues());
    return builder.conditionExpression(x.text(Slot.CONDITION))
        .expressionAttributeNames(x.namesOrNull())
        .expressionAttributeValues(x.valuesOrNull());
  }

  /** Sets ProjectionExpression and ExpressionAttributeNames on a transaction's Get (see the class comment). */
  public Get.Builder applyTo(Get.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    Get r = builder.build();
    Rendered x = renderOnto("Get", EnumSet.of(Slot.PROJECTION),
        texts(null, null, null, null, r.projectionExpression()), r.expressionAttributeNames(), null);
    return builder.projectionExpression(x.text(Slot.PROJECTION)).expressionAttributeNames(x.namesOrNull());
  }

  /** Sets ProjectionExpression and ExpressionAttributeNames on a BatchGetItem table entry (see the class comment). */
  public KeysAndAttributes.Builder applyTo(KeysAndAttributes.Builder builder) {
    if (nothingToApply(builder)) {
      return builder;
    }
    KeysAndAttributes r = builder.build();
    Rendered x = renderOnto("KeysAndAttributes", EnumSet.of(Slot.PROJECTION),
        texts(null, null, null, null, r.projectionExpression()), r.expressionAttributeNames(), null);
    return builder.projectionExpression(x.text(Slot.PROJECTION)).expressionAttributeNames(x.namesOrNull());
  }

  // ---------------------------------------------------------------- rendering

  /** Checks the builder; whether this object has no expression, so applying changes nothing. */
  private boolean nothingToApply(Object builder) {
    Require.nonNull(builder, "request builder");
    return rendered.texts().isEmpty();
  }

  private static Map<Slot, String> texts(String keyCondition, String update, String condition, String filter, String projection) {
    Map<Slot, String> texts = new EnumMap<>(Slot.class);
    String[] all = {keyCondition, update, condition, filter, projection};
    for (Slot s : Slot.values()) {
      if (all[s.ordinal()] != null) {
        texts.put(s, all[s.ordinal()]);
      }
    }
    return texts;
  }

  private Rendered renderOnto(
      String shape, EnumSet<Slot> supported, Map<Slot, String> existing,
      Map<String, String> names, Map<String, AttributeValue> values) {
    for (Slot s : rendered.texts().keySet()) {
      if (!supported.contains(s)) {
        StringBuilder takes = new StringBuilder();
        for (Slot t : supported) {
          takes.append(takes.length() == 0 ? "" : ", ").append(t.member);
        }
        throw new IllegalArgumentException(
            "cannot apply a " + s.member + " to a " + shape + ", which takes only " + takes);
      }
    }
    if (existing.isEmpty()) {
      return rendered;
    }
    return render(existing, names, values);
  }

  /**
   * Renders {@code existing} texts this object does not replace first, as fragments over the
   * request's maps (so they keep their placeholders), then this object's expressions.
   */
  private Rendered render(Map<Slot, String> existing, Map<String, String> names, Map<String, AttributeValue> values) {
    Placeholders p = Placeholders.create();
    Map<Slot, String> texts = new EnumMap<>(Slot.class);
    Map<String, String> oldNames = names == null ? Map.of() : names;
    Map<String, AttributeValue> oldValues = values == null ? Map.of() : values;
    for (Map.Entry<Slot, String> e : existing.entrySet()) {
      if (part(e.getKey()) == null) {
        texts.put(e.getKey(), p.bind(new Fragment(e.getValue(), oldNames, oldValues)));
      }
    }
    for (Slot s : Slot.values()) {
      Object part = part(s);
      if (part instanceof KeyConditionExpression k) {
        texts.put(s, k.render(p));
      } else if (part instanceof UpdateExpression u) {
        texts.put(s, u.render(p));
      } else if (part instanceof ConditionExpression c) {
        texts.put(s, c.render(p));
      } else if (part instanceof ProjectionExpression pr) {
        texts.put(s, pr.render(p));
      }
    }
    return new Rendered(
        Collections.unmodifiableMap(texts),
        Collections.unmodifiableMap(new LinkedHashMap<>(p.names())),
        p.values().isEmpty() ? Map.of() : Item.copyOf(p.values()));
  }

  private Object part(Slot slot) {
    return switch (slot) {
      case KEY_CONDITION -> keyCondition;
      case UPDATE -> update;
      case CONDITION -> condition;
      case FILTER -> filter;
      case PROJECTION -> projection;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expressions other && rendered.equals(other.rendered);
  }

  @Override
  public int hashCode() {
    return rendered.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Expressions{");
    for (Map.Entry<Slot, String> e : rendered.texts().entrySet()) {
      sb.append(e.getKey().member).append('=').append(e.getValue()).append(", ");
    }
    return sb.append("ExpressionAttributeNames=").append(rendered.names())
        .append(", ExpressionAttributeValues=").append(rendered.values()).append('}').toString();
  }

  /**
   * Collects the expressions of one request; {@link #build()} renders them. Setting a kind again
   * replaces it; setting null removes it. Not thread-safe.
   */
  public static final class Builder {
    private KeyConditionExpression keyCondition;
    private UpdateExpression update;
    private ConditionExpression condition;
    private ConditionExpression filter;
    private ProjectionExpression projection;

    private Builder() {}

    /** The Query's {@code KeyConditionExpression}. */
    public Builder keyCondition(KeyConditionExpression keyCondition) {
      this.keyCondition = keyCondition;
      return this;
    }

    /** The {@code UpdateExpression} of an UpdateItem or a transaction's Update. */
    public Builder update(UpdateExpression update) {
      this.update = update;
      return this;
    }

    /** The {@code ConditionExpression} of a write or a transaction's ConditionCheck. */
    public Builder condition(ConditionExpression condition) {
      this.condition = condition;
      return this;
    }

    /** The {@code FilterExpression} of a Query or Scan. */
    public Builder filter(ConditionExpression filter) {
      this.filter = filter;
      return this;
    }

    /** The {@code ProjectionExpression} of a read. */
    public Builder projection(ProjectionExpression projection) {
      this.projection = projection;
      return this;
    }

    /**
     * Renders the expressions. The builder may be used again afterwards.
     *
     * @throws IllegalArgumentException if the update has no actions
     */
    public Expressions build() {
      return new Expressions(this);
    }
  }
}
