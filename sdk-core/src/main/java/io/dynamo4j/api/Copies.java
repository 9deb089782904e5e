package io.dynamo4j.api;

import io.dynamo4j.error.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmodifiable copies for the API records. Null collections stay null (the member is absent);
 * a null element is rejected the way DynamoDB's request validation rejects it.
 */
final class Copies {

  private Copies() {}

  static <T> List<T> list(List<? extends T> list, String member) {
    if (list == null) {
      return null;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw nullMember(member + "." + (i + 1) + ".member");
      }
    }
    return List.copyOf(list);
  }

  static <V> Map<String, V> map(Map<String, ? extends V> map, String member) {
    if (map == null) {
      return null;
    }
    Map<String, V> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw nullMember(member + "." + e.getKey() + ".member");
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  static <V> Map<String, List<V>> mapOfLists(Map<String, ? extends List<? extends V>> map, String member) {
    if (map == null) {
      return null;
    }
    Map<String, List<V>> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<String, ? extends List<? extends V>> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw nullMember(member + "." + e.getKey() + ".member");
      }
      copy.put(e.getKey(), list(e.getValue(), member + "." + e.getKey() + ".member"));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static ValidationException nullMember(String path) {
    return new ValidationException(
        "1 validation error detected: Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
  }

}
