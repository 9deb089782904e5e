package io.dynamo4j.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.mapper.fixtures.Entity;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture through the generated accessors and through the reflective ones: identical items,
 * and identical instances read back from them.
 */
class AccessorDifferentialTest {

  private static final Mapper GENERATED = Mapper.create();
  private static final Mapper REFLECTIVE = Mapper.builder().accessors(AccessorKind.REFLECTIVE).build();

  static Stream<Arguments> fixtures() {
    return Fixtures.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void generatedAndReflective_agreeOnItemsAndInstances(String name, Object value) {
    Class type = value instanceof Entity ? Entity.class : value.getClass();
    TableSchema<Object> generated = GENERATED.schema(type);
    TableSchema<Object> reflective = REFLECTIVE.schema(type);
    assertThat(generated.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(reflective.accessorKind()).isEqualTo(AccessorKind.REFLECTIVE);

    Item fromGenerated = generated.toItem(value);
    Item fromReflective = reflective.toItem(value);
    assertThat(fromGenerated).isEqualTo(fromReflective);
    assertThat(names(fromGenerated)).isEqualTo(names(fromReflective)); // same attribute order too

    Object readByGenerated = generated.fromItem(fromGenerated);
    Object readByReflective = reflective.fromItem(fromGenerated);
    assertThat(readByGenerated.getClass()).isEqualTo(readByReflective.getClass());
    Fixtures.assertSameValues(readByGenerated, readByReflective);
    assertThat(generated.toItem(readByGenerated)).isEqualTo(fromGenerated);

    // an item with unknown attributes, NULLs and missing attributes reads the same way too
    Item.Builder noisy = fromGenerated.toBuilder().put("unknown", AttributeValue.s("x"));
    for (int i = 1; i < fromGenerated.size(); i += 3) {
      noisy.remove(fromGenerated.nameAt(i));
    }
    Item partial = noisy.build();
    Object a = generated.fromItem(partial);
    Object b = reflective.fromItem(partial);
    Fixtures.assertSameValues(a, b);
  }

  private static String names(Map<String, AttributeValue> item) {
    return String.join(",", item.keySet());
  }
}
