package io.dynamo4j.mapper.convert;

import io.dynamo4j.model.AttributeValue;

/**
 * Converts values of one Java type to DynamoDB attribute values and back.
 *
 * <pre>{@code
 * final class MoneyConverter implements AttributeConverter<Money> {
 *   public AttributeValue toAttributeValue(Money m) { return AttributeValue.s(m.currency() + " " + m.amount()); }
 *   public Money fromAttributeValue(AttributeValue v) { return Money.parse(Converters.string(v)); }
 *   public AttributeValue.Type attributeType() { return AttributeValue.Type.S; }
 * }
 * }</pre>
 *
 * <p>Neither method sees null: the mapper handles null Java values and {@code NULL} attribute
 * values itself. Implementations must be thread-safe; converters are shared by every schema of a
 * mapper.
 *
 * @param <T> the Java type
 */
public interface AttributeConverter<T> {

  /**
   * The attribute value of {@code value} (never null), or null to leave the attribute out (as an
   * empty set is, since DynamoDB rejects empty sets).
   */
  AttributeValue toAttributeValue(T value);

  /**
   * The Java value of {@code value}, which is never {@code NULL}.
   *
   * @throws ConversionException if the value has a type or content this converter cannot read
   */
  T fromAttributeValue(AttributeValue value);

  /**
   * The type every value converts to, if there is one: a key attribute must convert to
   * {@code S}, {@code N} or {@code B}, and a set's elements decide between {@code SS},
   * {@code NS} and {@code BS} by it. Null (the default) when it varies.
   */
  default AttributeValue.Type attributeType() {
    return null;
  }
}
