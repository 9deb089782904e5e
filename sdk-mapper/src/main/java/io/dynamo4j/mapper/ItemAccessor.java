package io.dynamo4j.mapper;

import io.dynamo4j.mapper.convert.AttributeConverter;
import io.dynamo4j.mapper.convert.ConversionException;
import io.dynamo4j.mapper.convert.Converters;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;

/**
 * Converts instances of one mapped class to items and back: the SPI behind every schema.
 *
 * <p>There are two implementations. The mapper generates one class per mapped type with ByteBuddy
 * (named {@code <Type>$$Dynamo4jAccessor}, defined in the type's own package through a
 * {@link java.lang.invoke.MethodHandles.Lookup}, or produced at build time), which calls getters,
 * setters, constructors and builders directly and dispatches on attribute names with a
 * {@code switch} over their hash codes. When a class cannot be generated the mapper falls back to
 * a reflective implementation, which is also the oracle of the differential tests. Both extend this
 * class and share its conversion methods, so they produce identical items and instances.
 *
 * <p>This class is public because generated classes in application packages extend it; it is not
 * for application use. An instance is bound to its schema's slots once and is then immutable and
 * thread-safe.
 *
 * @param <T> the mapped class
 */
public abstract class ItemAccessor<T> {

  /** The numbers -128 .. 1023, made once: counts, quantities and flags are mostly small. */
  private static final AttributeValue.N[] SMALL = new AttributeValue.N[1152];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = AttributeValue.n(i - 128);
    }
  }

  private Slots slots;
  private String[] names;
  private AttributeConverter<Object>[] converters;
  private Object[] absent;
  private boolean nulls;

  /** For subclasses. */
  protected ItemAccessor() {}

  /** The item of {@code object}: its non-null properties (and nulls as {@code NULL} in nested maps without {@code @IgnoreNulls}). */
  public abstract Item write(T object);

  /** A new instance holding the attributes of {@code item}; attributes without a property are ignored. */
  public abstract T read(Item item);

  /** Binds this accessor to its slots: called once, before any use, by the mapper. */
  final ItemAccessor<T> bind(Slots slots, boolean nulls) {
    this.slots = slots;
    this.names = slots.names;
    this.converters = slots.converters;
    this.absent = slots.absent;
    this.nulls = nulls;
    return this;
  }

  final Slots slots() {
    return slots;
  }

  // ---------------------------------------------------------------- writing

  /** A builder for an item, holding the discriminator if the class has one. */
  protected final Item.Builder begin() {
    Item.Builder b = Item.builder(names.length + 1);
    if (slots.discriminatorName != null) {
      b.putNew(slots.discriminatorName, slots.discriminatorValue);
    }
    return b;
  }

  /** The item built. */
  protected final Item end(Item.Builder b) {
    return b.build();
  }

  /** Writes a string slot. */
  protected final void putString(Item.Builder b, int slot, String value) {
    if (value != null) {
      b.putNew(names[slot], AttributeValue.s(value));
    } else if (nulls) {
      b.putNew(names[slot], AttributeValue.nul());
    }
  }

  /** Writes an {@code int}, {@code short} or {@code byte} slot. */
  protected final void putInt(Item.Builder b, int slot, int value) {
    b.putNew(names[slot], value >= -128 && value < 1024 ? SMALL[value + 128] : AttributeValue.n(value));
  }

  /** Writes a {@code long} slot. */
  protected final void putLong(Item.Builder b, int slot, long value) {
    b.putNew(names[slot], value >= -128 && value < 1024 ? SMALL[(int) value + 128] : AttributeValue.n(value));
  }

  /** Writes a {@code boolean} slot. */
  protected final void putBoolean(Item.Builder b, int slot, boolean value) {
    b.putNew(names[slot], AttributeValue.bool(value));
  }

  /** Writes a {@code double} slot. */
  protected final void putDouble(Item.Builder b, int slot, double value) {
    b.putNew(names[slot], Converters.number(value));
  }

  /** Writes a slot through its converter. */
  protected final void putObject(Item.Builder b, int slot, Object value) {
    AttributeValue v = null;
    if (value != null) {
      try {
        v = converters[slot].toAttributeValue(value);
      } catch (ConversionException e) {
        throw slots.writeError(slot, e);
      }
    }
    if (v != null) {
      b.putNew(names[slot], v);
    } else if (nulls && value == null) {
      b.putNew(names[slot], AttributeValue.nul());
    }
  }

  /** Writes a flattened slot: its object's attributes, each name prefixed. */
  protected final void putFlat(Item.Builder b, int slot, Object value) {
    if (value != null) {
      slots.flats[slot].write(b, value);
    }
  }

  // ---------------------------------------------------------------- reading

  /** The value of a slot absent from the item (null, zero, false or an empty Optional). */
  protected final Object absent(int slot) {
    return absent[slot];
  }

  /** Reads a string slot. */
  protected final String readString(AttributeValue v, int slot) {
    if (v instanceof AttributeValue.S s) {
      return s.value();
    }
    if (v instanceof AttributeValue.Null) {
      return null;
    }
    throw slots.readError(slot, Converters.mismatch("S", v));
  }

  /** Reads an {@code int} slot. */
  protected final int readInt(AttributeValue v, int slot) {
    if (v instanceof AttributeValue.N n) {
      java.math.BigDecimal d = n.value();
      if (d.scale() <= 0 && d.precision() - d.scale() <= 9) {
        return d.intValue();
      }
    }
    return (Integer) readObject(v, slot);
  }

  /** Reads a {@code short} slot. */
  protected final short readShort(AttributeValue v, int slot) {
    return (Short) readObject(v, slot);
  }

  /** Reads a {@code byte} slot. */
  protected final byte readByte(AttributeValue v, int slot) {
    return (Byte) readObject(v, slot);
  }

  /** Reads a {@code long} slot. */
  protected final long readLong(AttributeValue v, int slot) {
    if (v instanceof AttributeValue.N n) {
      java.math.BigDecimal d = n.value();
      if (d.scale() <= 0 && d.precision() - d.scale() <= 18) {
        return d.longValue();
      }
    }
    return (Long) readObject(v, slot);
  }

  /** Reads a {@code boolean} slot. */
  protected final boolean readBoolean(AttributeValue v, int slot) {
    if (v instanceof AttributeValue.Bool b) {
      return b.value();
    }
    return (Boolean) readObject(v, slot);
  }

  /** Reads a {@code double} slot. */
  protected final double readDouble(AttributeValue v, int slot) {
    if (v instanceof AttributeValue.N n) {
      return n.value().doubleValue();
    }
    return (Double) readObject(v, slot);
  }

  /** Reads a slot through its converter; {@code NULL} reads as the slot's absent value. */
  protected final Object readObject(AttributeValue v, int slot) {
    if (v instanceof AttributeValue.Null) {
      return absent[slot];
    }
    try {
      return converters[slot].fromAttributeValue(v);
    } catch (ConversionException e) {
      throw slots.readError(slot, e);
    } catch (RuntimeException e) {
      if (e instanceof MappingException) {
        throw e;
      }
      throw slots.readError(slot, new ConversionException(e.toString(), e));
    }
  }

  /** Reads a flattened slot from the item's prefixed attributes; null if it has none. */
  protected final Object readFlat(Item item, int slot) {
    return slots.flats[slot].read(item);
  }
}
