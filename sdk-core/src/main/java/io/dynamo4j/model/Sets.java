package io.dynamo4j.model;

import io.dynamo4j.error.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Validation and canonical order of set values. Stateless and thread-safe. */
final class Sets {

  private Sets() {}

  static List<String> strings(Collection<String> given) {
    if (given == null) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
    if (given.isEmpty()) {
      throw new ValidationException(Messages.EMPTY_SS);
    }
    List<String> sorted = new ArrayList<>(given.size());
    for (String s : given) {
      if (s == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
      sorted.add(s);
    }
    sorted.sort(Utf8::compare);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).equals(sorted.get(i - 1))) {
        throw new ValidationException(Messages.duplicateSs(given));
      }
    }
    return List.copyOf(sorted);
  }

  static List<BigDecimal> numbers(Collection<? extends BigDecimal> given) {
    if (given == null) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
    if (given.isEmpty()) {
      throw new ValidationException(Messages.EMPTY_NS);
    }
    List<BigDecimal> sorted = new ArrayList<>(given.size());
    for (BigDecimal d : given) {
      if (d == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
      sorted.add(Numbers.normalize(d));
    }
    sorted.sort(BigDecimal::compareTo);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).compareTo(sorted.get(i - 1)) == 0) {
        throw new ValidationException(Messages.DUPLICATE_NS);
      }
    }
    return List.copyOf(sorted);
  }

  static List<Bytes> binaries(Collection<Bytes> given) {
    if (given == null) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
    if (given.isEmpty()) {
      throw new ValidationException(Messages.EMPTY_BS);
    }
    List<Bytes> sorted = new ArrayList<>(given.size());
    for (Bytes b : given) {
      if (b == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
      sorted.add(b);
    }
    sorted.sort(Bytes::compareTo);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).equals(sorted.get(i - 1))) {
        throw new ValidationException(Messages.DUPLICATE_BS);
      }
    }
    return List.copyOf(sorted);
  }
}
