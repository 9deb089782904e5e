package io.dynamo4j.engine.tck.control;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.ListTablesResponse;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.Tag;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ListTables, DeleteTable and tagging. */
class TablesLifecycleTest extends EngineTest {

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {1, 2, 3, 5, 6, 100})
  void listTables_pages_returnEveryTableOnceWithLastEvaluatedExactlyWhenMoreRemain(int limit) {
    for (String name : List.of("eee", "aaa", "ccc", "bbb", "ddd")) {
      createSimpleTable(name, false);
    }
    List<String> all = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      String from = start;
      ListTablesResponse page = engine.listTables(r -> r.limit(limit).exclusiveStartTableName(from));
      all.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
      pages++;
      if (start != null) {
        assertThat(page.tableNames()).hasSize(limit);
        assertThat(start).isEqualTo(page.tableNames().get(limit - 1));
      }
    } while (start != null);
    assertThat(all).containsExactly("aaa", "bbb", "ccc", "ddd", "eee");
    assertThat(pages).isEqualTo((5 + limit - 1) / limit);
  }

  @Test
  void listTables_noLimit_returnsAllWithoutLastEvaluated() {
    createSimpleTable("one", false);
    ListTablesResponse r = engine.listTables(x -> { });
    assertThat(r.tableNames()).containsExactly("one");
    assertThat(r.lastEvaluatedTableName()).isNull();
  }

  @Test
  void deleteTable_returnsDeletingDescriptionAndForgetsTheTable() {
    createSimpleTable("Gone", true);
    engine.putItem(p -> p.tableName("Gone").item(Item.of("pk", s("a"), "sk", io.dynamo4j.model.AttributeValue.n(1))));
    TableDescription d = engine.deleteTable(r -> r.tableName("Gone")).tableDescription();
    assertThat(d.tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(d.tableName()).isEqualTo("Gone");
    assertThat(d.tableId()).isNotNull();
    assertThat(d.tableArn()).endsWith(":table/Gone");
    assertThat(d.itemCount()).isEqualTo(1);
    assertThat(d.keySchema()).isNull();
    assertThat(d.attributeDefinitions()).isNull();
    assertThat(d.creationDateTime()).isNull();
    assertThat(d.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThatThrownBy(() -> engine.describeTable(r -> r.tableName("Gone"))).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> engine.getItem(g -> g.tableName("Gone").key(Item.of("pk", s("a"), "sk", io.dynamo4j.model.AttributeValue.n(1)))))
        .isInstanceOf(ResourceNotFoundException.class).hasMessage("Requested resource not found");
    assertThat(engine.listTables(r -> { }).tableNames()).doesNotContain("Gone");
    assertThat(engine.operations().context().catalog().get("Gone")).isNull();
  }

  @Test
  void tags_addReplaceListAndRemove() {
    createSimpleTable("Tagged", false);
    String arn = engine.describeTable(r -> r.tableName("Tagged")).table().tableArn();
    engine.tagResource(r -> r.resourceArn(arn).tags(Tag.of("a", "1"), Tag.of("b", "2")));
    engine.tagResource(r -> r.resourceArn(arn).tags(Tag.of("a", "3"), Tag.of("c", "")));
    assertThat(engine.listTagsOfResource(r -> r.resourceArn(arn)).tags())
        .containsExactlyInAnyOrder(Tag.of("a", "3"), Tag.of("b", "2"), Tag.of("c", ""));
    engine.untagResource(r -> r.resourceArn(arn).tagKeys("b", "not-there"));
    assertThat(engine.listTagsOfResource(r -> r.resourceArn(arn)).tags()).containsExactlyInAnyOrder(Tag.of("a", "3"), Tag.of("c", ""));
  }

  @Test
  void tagResource_past50Tags_isRefusedButReplacingIsNot() {
    createSimpleTable("Many", false);
    String arn = engine.describeTable(r -> r.tableName("Many")).table().tableArn();
    engine.tagResource(r -> r.resourceArn(arn).tags(ControlPlaneErrorsTest.tags(50)));
    engine.tagResource(r -> r.resourceArn(arn).tags(Tag.of("k0", "replaced")));
    assertThatThrownBy(() -> engine.tagResource(r -> r.resourceArn(arn).tags(Tag.of("one-more", "x"))))
        .hasMessage("One or more parameter values were invalid: The number of tags on a resource cannot exceed 50");
    assertThat(engine.listTagsOfResource(r -> r.resourceArn(arn)).tags()).hasSize(50).contains(Tag.of("k0", "replaced"));
  }
}
