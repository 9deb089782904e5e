package io.dynamo4j.model;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An item built from another ({@link Item#toBuilder()}) whose size was counted carries that size
 * forward through every put and remove; with or without that, it must equal the size counted from
 * scratch on an equal, freshly built item.
 */
class ItemSizeTrackingProperties {

  /** One builder change: put (name, value) or remove name. */
  record Change(boolean remove, String name, AttributeValue value) {}

  @Property(tries = 300)
  void toBuilder_changes_sizeEqualsRecount(@ForAll("items") Item source, @ForAll("changes") List<Change> changes,
      @ForAll boolean sourceCounted) {
    if (sourceCounted) {
      source.sizeInBytes(); // as a stored item's size is: then the builder carries it forward
    }
    Item.Builder builder = source.toBuilder();
    for (Change c : changes) {
      if (c.remove()) {
        builder.remove(c.name());
      } else {
        builder.put(c.name(), c.value());
      }
    }
    Item tracked = builder.build();
    Item recounted = Item.builder().putAll(tracked).build();
    assertThat(tracked).isEqualTo(recounted);
    assertThat(tracked.sizeInBytes()).isEqualTo(recounted.sizeInBytes());
  }

  @Provide
  Arbitrary<Item> items() {
    return changes().map(list -> {
      Item.Builder b = Item.builder();
      list.stream().filter(c -> !c.remove()).forEach(c -> b.put(c.name(), c.value()));
      return b.build();
    });
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    Arbitrary<String> names = Arbitraries.of("a", "bb", "é", "name", "x\u20ac", "k".repeat(30))
        .injectDuplicates(0.3);
    Arbitrary<AttributeValue> values = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(AttributeValue::s),
        Arbitraries.integers().map(i -> (AttributeValue) n((long) i)),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(3)
            .map(l -> AttributeValue.l(l.stream().map(x -> s(x)).toList())));
    Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, 3), names, values)
        .as((op, name, value) -> new Change(op == 0, name, value));
    return change.list().ofMaxSize(40);
  }
}
