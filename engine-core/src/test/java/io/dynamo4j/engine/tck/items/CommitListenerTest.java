package io.dynamo4j.engine.tck.items;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write path reports every committed change once, in order, and no change that left the item as it was. */
class CommitListenerTest extends EngineTest {

  @Test
  void writes_reportOldAndNewImages_andSkipWritesThatChangeNothing() {
    createSimpleTable("Commits", true);
    List<String> heard = new ArrayList<>();
    engine.operations().context().addCommitListener((table, key, oldItem, newItem, cause, txn) ->
        heard.add(table.definition().name() + " " + oldItem + " -> " + newItem + " " + cause));
    Item a = Item.of("pk", s("a"), "sk", n(1), "v", n(1));
    engine.putItem(p -> p.tableName("Commits").item(a));
    engine.putItem(p -> p.tableName("Commits").item(a)); // the same item again: no change
    engine.updateItem(u -> u.tableName("Commits").key(Item.of("pk", s("a"), "sk", n(1)))
        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(2))));
    engine.updateItem(u -> u.tableName("Commits").key(Item.of("pk", s("a"), "sk", n(1)))
        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(2)))); // no change
    engine.deleteItem(d -> d.tableName("Commits").key(Item.of("pk", s("a"), "sk", n(1))));
    engine.deleteItem(d -> d.tableName("Commits").key(Item.of("pk", s("a"), "sk", n(1)))); // nothing to delete

    Item a2 = a.with("v", n(2));
    assertThat(heard).containsExactly(
        "Commits null -> " + a + " REQUEST",
        "Commits " + a + " -> " + a2 + " REQUEST",
        "Commits " + a2 + " -> null REQUEST");
    assertThat(CommitListener.Cause.values()).contains(CommitListener.Cause.TIME_TO_LIVE);
  }
}
