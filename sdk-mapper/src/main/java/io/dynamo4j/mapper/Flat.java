package io.dynamo4j.mapper;

import io.dynamo4j.model.Item;
import java.util.HashSet;
import java.util.Set;

/** A flattened property: its object's attributes stored in the parent item, each name prefixed. */
final class Flat {

  final String prefix;
  final ObjectModel<?> model;
  private final Set<String> names = new HashSet<>();

  Flat(String prefix, ObjectModel<?> model) {
    this.prefix = prefix;
    this.model = model;
    for (PropertyModel p : model.properties) {
      if (p.kind == PropertyModel.Kind.FLAT) {
        for (String n : p.flat.attributeNames()) {
          names.add(n);
        }
      } else {
        names.add(p.attribute);
      }
    }
  }

  /** The attribute names this part writes, prefixes included. */
  Set<String> attributeNames() {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(prefix + n);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  void write(Item.Builder b, Object value) {
    Item part = ((ItemAccessor<Object>) model.accessor).write(value);
    for (int i = 0; i < part.size(); i++) {
      b.putNew(prefix + part.nameAt(i), part.valueAt(i));
    }
  }

  Object read(Item item) {
    Item.Builder part = null;
    for (int i = 0; i < item.size(); i++) {
      String n = item.nameAt(i);
      if (n.startsWith(prefix) && names.contains(n.substring(prefix.length()))) {
        if (part == null) {
          part = Item.builder(names.size());
        }
        part.putNew(n.substring(prefix.length()), item.valueAt(i));
      }
    }
    return part == null ? null : model.accessor.read(part.build());
  }
}
