package io.dynamo4j.mapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;

/** The mapped layout of one concrete class: how instances are made and which properties they have. */
final class ObjectModel<T> {

  /** How instances are made. */
  enum Shape {
    /** A no-argument constructor, then setters or fields. */
    BEAN,
    /** The canonical constructor, with every component. */
    RECORD,
    /** A static {@code builder()}, its property methods, then {@code build()}. */
    BUILDER
  }

  final Class<T> type;
  final Shape shape;
  final List<PropertyModel> properties;
  final Constructor<T> constructor;
  final Method builderFactory;
  final Method buildMethod;
  final boolean ignoreNulls;
  String discriminatorName;
  String discriminatorValue;

  /**
   * The accessors in use, set once converters are resolved and replaced (whole) when a class
   * generated in the background is ready: volatile, so a reader sees one consistent pair.
   */
  volatile Accessors<T> accessors;
  /** Whether the mapper is resolving this model (guards against flatten cycles); under the mapper's lock. */
  boolean resolving;
  /** Whether a generated accessor is planned or being made in the background; guarded by this model's monitor. */
  private boolean pending;
  /** The planned generation, until it is submitted to the {@link AccessorThread}; guarded by this model's monitor. */
  private Runnable upgrade;
  /** Conversions through the reflective accessor while an upgrade is planned; counted without locking (a hint). */
  private int uses;

  /**
   * How many reflective conversions of a class make the mapper generate its accessor class: a
   * class used only a few times (a fresh JVM's first schema, a short test) never pays for it.
   */
  static final int TIER_UP_USES = 200;

  /**
   * A model's accessor pair: the top-level one (nulls left out) and the nested one (nulls as
   * {@code NULL}), and where their class came from. Immutable.
   */
  static final class Accessors<T> {
    final ItemAccessor<T> top;
    final ItemAccessor<T> nested;
    final AccessorKind kind;

    Accessors(ItemAccessor<T> top, ItemAccessor<T> nested, AccessorKind kind) {
      this.top = top;
      this.nested = nested;
      this.kind = kind;
    }
  }

  ObjectModel(Class<T> type, Shape shape, List<PropertyModel> properties, Constructor<T> constructor,
      Method builderFactory, Method buildMethod, boolean ignoreNulls) {
    this.type = type;
    this.shape = shape;
    this.properties = properties;
    this.constructor = constructor;
    this.builderFactory = builderFactory;
    this.buildMethod = buildMethod;
    this.ignoreNulls = ignoreNulls;
  }

  /** Where the accessors in use came from, or null before they are made. */
  AccessorKind accessorKind() {
    Accessors<T> a = accessors;
    return a == null ? null : a.kind;
  }

  /**
   * Plans {@code task}, the generation of this model's accessor class, for when the class has been
   * converted {@link #TIER_UP_USES} times or someone awaits it; {@link #upgraded} ends it.
   */
  synchronized void planUpgrade(Runnable task) {
    upgrade = task;
    pending = true;
  }

  /** Counts one reflective conversion; submits the planned upgrade at {@link #TIER_UP_USES}. */
  void used() {
    if (upgrade != null && ++uses >= TIER_UP_USES) {
      submitUpgrade();
    }
  }

  /** Submits the planned upgrade now, if it is not submitted yet. */
  void submitUpgrade() {
    Runnable task;
    synchronized (this) {
      task = upgrade;
      upgrade = null;
    }
    if (task != null) {
      AccessorThread.submit(task);
    }
  }

  /** Ends a background generation: installs {@code better} (null when generation failed) and wakes waiters. */
  synchronized void upgraded(Accessors<T> better) {
    if (better != null) {
      accessors = better;
    }
    pending = false;
    notifyAll();
  }

  /**
   * Waits until no background generation is under way or {@code deadline} ({@link System#nanoTime})
   * passes; false if it passed first or the thread was interrupted (its flag is set again).
   */
  synchronized boolean awaitSettled(long deadline) {
    while (pending) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  PropertyModel property(String name) {
    for (PropertyModel p : properties) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    return null;
  }

  PropertyModel byAttribute(String attribute) {
    for (PropertyModel p : properties) {
      if (p.attribute.equals(attribute)) {
        return p;
      }
    }
    return null;
  }

  /**
   * A fingerprint of the layout an accessor is compiled against: a build-time accessor whose
   * fingerprint differs (the class changed since) is not used.
   */
  String fingerprint() {
    StringBuilder sb = new StringBuilder(type.getName()).append('|').append(shape);
    for (PropertyModel p : properties) {
      sb.append('|').append(p.name).append(':').append(p.attribute).append(':').append(p.kind).append(':')
          .append(p.raw.getName()).append(':')
          .append(p.getter != null ? "g" + p.getter.getName() : p.readField != null ? "f" : "-")
          .append(p.setter != null ? "s" + p.setter.getName() : p.writeField != null ? "F"
              : p.builderMethod != null ? "b" + p.builderMethod.getName() : p.parameter >= 0 ? "p" + p.parameter : "-");
    }
    return sb.toString();
  }
}
