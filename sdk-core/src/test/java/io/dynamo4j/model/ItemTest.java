package io.dynamo4j.model;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemTest {

  @Test
  void keepsInsertionOrder_andLastValueWins() {
    Item item = Item.builder().put("b", s("1")).put("a", s("2")).put("b", s("3")).build();
    assertThat(item.keySet()).containsExactly("b", "a");
    assertThat(item.getS("b")).isEqualTo("3");
  }

  @Test
  void largeItems_useTheHashIndex_andFindEveryAttribute() {
    Item.Builder b = Item.builder();
    Map<String, AttributeValue> reference = new LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      b.put("attr" + i, n(i));
      reference.put("attr" + i, n(i));
    }
    Item item = b.build();
    for (int i = 0; i < 500; i++) {
      assertThat(item.get("attr" + i)).isEqualTo(n(i));
    }
    assertThat(item.get("attr500")).isNull();
    assertThat(item).isEqualTo(reference);
    assertThat(item.hashCode()).isEqualTo(reference.hashCode());
  }

  @Test
  void equalsAnyMapWithTheSameEntries_inAnyOrder() {
    Item a = Item.of("x", s("1"), "y", n(2));
    Item b = Item.of("y", n("2.0"), "x", s("1"));
    Map<String, AttributeValue> hash = new HashMap<>(Map.of("x", s("1"), "y", n(2)));
    assertThat(a).isEqualTo(b).isEqualTo(hash);
    assertThat(a.hashCode()).isEqualTo(b.hashCode()).isEqualTo(hash.hashCode());
    assertThat(a).isNotEqualTo(Item.of("x", s("1")));
  }

  @Test
  void isImmutable_withAndWithoutReturnCopies() {
    Item a = Item.of("x", s("1"));
    Item b = a.with("y", s("2"));
    assertThat(a).hasSize(1);
    assertThat(b).hasSize(2);
    assertThat(b.without("x")).isEqualTo(Item.of("y", s("2")));
    assertThat(a.without("zzz")).isSameAs(a);
    assertThatThrownBy(() -> a.put("z", s("3"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> a.entrySet().iterator().next().setValue(s("9"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copyOf_item_isIdentity_andMapIsCopied() {
    Item a = Item.of("x", s("1"));
    assertThat(Item.copyOf(a)).isSameAs(a);
    Map<String, AttributeValue> m = new LinkedHashMap<>(Map.of("x", s("1")));
    Item c = Item.copyOf(m);
    m.put("y", s("2"));
    assertThat(c).hasSize(1);
  }

  @Test
  void keys_roundTripThroughItems() {
    Item item = Item.of("pk", s("a"), "sk", n(1), "other", s("x"));
    Key key = Key.from(item, "pk", "sk");
    assertThat(key).isEqualTo(Key.of("pk", s("a"), "sk", n(1)));
    assertThat(key.toItem()).isEqualTo(Item.of("pk", s("a"), "sk", n(1)));
    assertThat(Key.from(item, "pk", "missing")).isNull();
    assertThat(Key.from(item, "pk", null).isComposite()).isFalse();
  }
}
