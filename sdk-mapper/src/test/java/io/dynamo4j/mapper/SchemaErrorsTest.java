package io.dynamo4j.mapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.mapper.annotation.Attribute;
import io.dynamo4j.mapper.annotation.Discriminator;
import io.dynamo4j.mapper.annotation.Flatten;
import io.dynamo4j.mapper.annotation.IndexPartitionKey;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.SortKey;
import io.dynamo4j.mapper.annotation.TimeToLive;
import io.dynamo4j.mapper.annotation.Version;
import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.memory.MemoryEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors at schema build name the class, the property, the problem and the fix. */
class SchemaErrorsTest {

  public record NoKey(String id) {}

  public record TwoOnOneAttribute(@PartitionKey String id, @Attribute("x") String a, @Attribute("x") String b) {}

  public record Unsupported(@PartitionKey String id, Thread thread) {}

  public record BadKeyType(@PartitionKey List<String> id) {}

  public static class PrivateAnnotated {
    @PartitionKey
    private String id;
  }

  public static class NoConstructor {
    public String id;

    public NoConstructor(String id) {
      this.id = id;
    }
  }

  public record BadVersion(@PartitionKey String id, @Version String version) {}

  public record BadTtl(@PartitionKey String id, @TimeToLive String expires) {}

  public record MapKeys(@PartitionKey String id, Map<Integer, String> byNumber) {}

  public record SetOfMaps(@PartitionKey String id, Set<List<String>> lists) {}

  public record SortOnly(@SortKey String id) {}

  public record GappedIndex(@PartitionKey String id, @IndexPartitionKey(index = "g", order = 1) String a) {}

  public record FlattenList(@PartitionKey String id, @Flatten List<String> a) {}

  public interface Unsealed {}

  @Discriminator("t")
  public interface NoSubtypes {}

  public class Inner {
    public String id;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(SortOnly.class, "SortOnly has a @SortKey but no @PartitionKey; annotate the partition key property"),
        Arguments.of(TwoOnOneAttribute.class, "TwoOnOneAttribute: TwoOnOneAttribute.a and TwoOnOneAttribute.b are both"
            + " stored as attribute \"x\"; rename one with @Attribute(\"...\")"),
        Arguments.of(Unsupported.class, "Unsupported.thread: type java.lang.Thread has no converter; give the property"
            + " @Convert(...), register a ConverterProvider with Mapper.builder().converters(...)"),
        Arguments.of(BadKeyType.class, "BadKeyType.id is a key (@PartitionKey) but its type List maps to L; key"
            + " attributes must be strings, numbers or binary: change the type, or give it a @Convert converter whose"
            + " attributeType() is S, N or B"),
        Arguments.of(PrivateAnnotated.class, "SchemaErrorsTest$PrivateAnnotated".replace("SchemaErrorsTest$", "")
            + ".id is annotated but has no accessible getter or field; add a non-private getter, make the field"
            + " non-private, or mark it @Ignore"),
        Arguments.of(NoConstructor.class, "NoConstructor has no accessible no-argument constructor and no static"
            + " builder(); add a non-private no-argument constructor (a JavaBean), make it a record, or give it a static"
            + " builder() whose builder has a build() method"),
        Arguments.of(BadVersion.class, "BadVersion.version is annotated @Version but has type String; use long, Long,"
            + " int or Integer"),
        Arguments.of(BadTtl.class, "BadTtl.expires is the @TimeToLive attribute but has type String; use Instant or"
            + " long (epoch seconds), which DynamoDB's TTL requires as a number"),
        Arguments.of(MapKeys.class, "MapKeys.byNumber: a map's keys must be Strings (DynamoDB map keys are attribute"
            + " names); got java.lang.Integer (convert the keys to strings, or give the property a @Convert converter)"),
        Arguments.of(SetOfMaps.class, "SetOfMaps.lists: a set's elements must map to strings, numbers or binary"
            + " (DynamoDB's SS, NS and BS); java.util.List<java.lang.String> maps to L (use a List instead)"),
        Arguments.of(GappedIndex.class, "GappedIndex's index \"g\" has @IndexPartitionKey attributes at orders [1];"
            + " number them from 0 without gaps"),
        Arguments.of(FlattenList.class, "FlattenList.a is annotated @Flatten but its type List is not a concrete mapped"
            + " class (a bean, record or builder class outside any hierarchy); remove @Flatten to store it as a map"),
        Arguments.of(Unsealed.class, "Unsealed is an interface and cannot be instantiated; annotate it @Discriminator"
            + " and list its subtypes (seal it or add @Subtypes) to map a polymorphic hierarchy, or map a concrete class"),
        Arguments.of(NoSubtypes.class, "NoSubtypes is annotated @Discriminator but has no concrete subtypes; seal it"
            + " (permits ...) or list them in @Subtypes"),
        Arguments.of(Inner.class, "Inner is an inner class, which needs an enclosing instance to be created; make it a"
            + " static nested class"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void schema_invalidClass_explainsProblemAndFix(Class<?> type, String message) {
    assertThatThrownBy(() -> Mapper.create().schema(type)).isInstanceOf(MappingException.class).hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void table_classWithoutPartitionKey_explainsFix() {
    try (DynamoClient client = DynamoClient.create(MemoryEngine.create())) {
      assertThatThrownBy(() -> Mapper.create().table(client, "T", NoKey.class)).isInstanceOf(MappingException.class)
          .hasMessage("NoKey has no @PartitionKey; annotate the property that holds the table's partition key (and"
              + " @SortKey for a composite key)");
      assertThatThrownBy(() -> Mapper.create().table(client, NoKey.class)).isInstanceOf(MappingException.class)
          .hasMessageStartingWith("NoKey has no @Table annotation");
    }
  }
}
