package io.dynamo4j.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.mapper.fixtures.Customer;
import io.dynamo4j.mapper.fixtures.Entity;
import io.dynamo4j.mapper.fixtures.Order;
import io.dynamo4j.mapper.fixtures.Product;
import io.dynamo4j.mapper.fixtures.Shape;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Annotations read from class files equal those read through reflection, element by element. */
class AnnotationsTest {

  @ParameterizedTest
  @ValueSource(classes = {Order.class, Customer.class, Product.class, Entity.class, Entity.Profile.class, Shape.class,
      SchemaErrorsTest.GappedIndex.class})
  void classFile_equalsReflection(Class<?> type) {
    List<AnnotatedElement> elements = new ArrayList<>();
    elements.add(type);
    elements.addAll(List.of(type.getDeclaredFields()));
    elements.addAll(List.of(type.getDeclaredMethods()));
    if (type.isRecord()) {
      elements.addAll(List.of(type.getRecordComponents()));
    }
    int annotated = 0;
    for (AnnotatedElement e : elements) {
      List<Annotations.Ann> fromFile = Annotations.of(e);
      assertThat(show(fromFile, type, true)).as(e.toString()).isEqualTo(show(Annotations.reflect(e), type, true));
      annotated += fromFile.isEmpty() ? 0 : 1;
    }
    assertThat(annotated).isPositive();
  }

  /**
   * Annotations as text with the elements they set, classes by name; reflection also reports
   * defaults, which a class file leaves out, so {@code dropDefaults} removes those.
   */
  private static String show(List<Annotations.Ann> anns, Class<?> owner, boolean dropDefaults) {
    List<String> out = new ArrayList<>();
    for (Annotations.Ann a : anns) {
      Map<String, Object> values = new TreeMap<>();
      for (Map.Entry<String, Object> e : a.values.entrySet()) {
        Object v = normal(e.getValue(), owner);
        if (dropDefaults && v.equals(normal(defaultOf(a.type, e.getKey()), owner))) {
          continue;
        }
        values.put(e.getKey(), v);
      }
      out.add(a.type + values);
    }
    return String.join(" ", out);
  }

  private static Object defaultOf(String annotation, String element) {
    try {
      Object d = Class.forName(annotation).getMethod(element).getDefaultValue();
      if (d instanceof Object[] array) {
        return List.of(array);
      }
      return d instanceof Enum<?> e ? e.name() : d == null ? "" : d;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object normal(Object v, Class<?> owner) {
    if (v instanceof List<?> l) {
      List<Object> n = new ArrayList<>();
      for (Object o : l) {
        n.add(normal(o, owner));
      }
      return n;
    }
    if (v instanceof Annotations.Ann a) {
      return show(List.of(a), owner, true);
    }
    if (v instanceof String s && s.startsWith("L") && s.endsWith(";") && s.contains("/")) {
      return Annotations.classOf(s, owner).getName();
    }
    if (v instanceof Class<?> c) {
      return c.getName();
    }
    return v;
  }
}
