package io.dynamo4j.mapper.buildtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.mapper.AccessorKind;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.Mapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With accessor classes generated at build time on the class path, mapping a type defines no
 * class at run time: ByteBuddy is not on this module's test class path at all, so the mapper could
 * not generate one if it tried, and every schema reports {@link AccessorKind#BUILD_TIME}.
 */
class BuildTimeAccessorsTest {

  @Test
  void byteBuddy_isNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("net.bytebuddy.ByteBuddy")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("net.bytebuddy.jar.asm.ClassWriter")).isInstanceOf(ClassNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(classes = {Book.class, Publisher.class, Chapter.class, Media.Film.class, Media.Album.class})
  void accessorClass_wasWrittenAtBuildTime(Class<?> type) throws Exception {
    Class<?> accessor = Class.forName(type.getName() + "$$Dynamo4jAccessor", false, type.getClassLoader());
    assertThat(accessor.getSuperclass().getName()).isEqualTo("io.dynamo4j.mapper.ItemAccessor");
    assertThat(accessor.getClassLoader()).isSameAs(type.getClassLoader());
  }

  @ParameterizedTest
  @EnumSource(value = AccessorKind.class, names = {"GENERATED", "BUILD_TIME"})
  void schema_findsBuildTimeClasses_andDefinesNone(AccessorKind mode) {
    Mapper mapper = Mapper.builder().accessors(mode).build();
    for (Class<?> type : List.of(Book.class, Publisher.class, Chapter.class, Media.class, Media.Film.class)) {
      assertThat(mapper.schema(type).accessorKind()).as(type.getSimpleName()).isEqualTo(AccessorKind.BUILD_TIME);
    }
  }

  @Test
  void mappedTable_worksWithBuildTimeAccessors() {
    Mapper mapper = Mapper.create();
    try (DynamoClient client = DynamoClient.create(MemoryEngine.create())) {
      MappedTable<Book> books = mapper.table(client, Book.class);
      books.createTable();
      Book saved = books.put(new Book("Le Guin", "The Dispossessed", 387, Set.of("sf"), new Publisher("Harper", "NYC"),
          List.of(new Chapter(1, "Anarres"), new Chapter(2, "Urras")), null));
      assertThat(saved.version()).isEqualTo(1L);
      Book back = books.get("Le Guin", "The Dispossessed");
      assertThat(back.chapters()).containsExactly(new Chapter(1, "Anarres"), new Chapter(2, "Urras"));
      assertThat(back.publisher().getCity()).isEqualTo("NYC");
      MappedTable<Media> media = mapper.table(client, Media.class);
      media.createTable();
      media.put(new Media.Film("f", 120));
      media.put(new Media.Album("a", 12));
      assertThat(media.get("f")).isEqualTo(new Media.Film("f", 120));
      assertThat(media.get("a")).isEqualTo(new Media.Album("a", 12));
      assertThat(mapper.schema(Media.class).accessorKind()).isEqualTo(AccessorKind.BUILD_TIME);
    }
  }
}
