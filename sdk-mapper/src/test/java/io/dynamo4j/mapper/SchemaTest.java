package io.dynamo4j.mapper;

import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.nul;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.mapper.fixtures.Address;
import io.dynamo4j.mapper.fixtures.AllTypes;
import io.dynamo4j.mapper.fixtures.Customer;
import io.dynamo4j.mapper.fixtures.Entity;
import io.dynamo4j.mapper.fixtures.Order;
import io.dynamo4j.mapper.fixtures.Product;
import io.dynamo4j.mapper.fixtures.Shape;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTest {

  private final Mapper mapper = Mapper.create();

  @Test
  void schema_record_isGeneratedAndRoundTrips() {
    TableSchema<AllTypes> schema = mapper.schema(AllTypes.class);
    AllTypes value = Fixtures.allTypes();
    Item item = schema.toItem(value);
    assertThat(schema.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(item.get("id")).isEqualTo(s("id-1"));
    assertThat(item.get("i")).isEqualTo(n(42));
    assertThat(item.get("color")).isEqualTo(s("GREEN"));
    assertThat(item.get("stringSet")).isEqualTo(AttributeValue.ss("a", "b"));
    assertThat(item.get("numberSet")).isEqualTo(AttributeValue.ns(-3, 10));
    assertThat(item.get("strings")).isEqualTo(l(s("x"), nul(), s("z")));
    assertThat(item.get("instant")).isEqualTo(s("2024-05-01T10:15:30.500000000Z"));
    assertThat(item.get("duration")).isEqualTo(n("-1.5"));
    assertThat(item.get("address")).isEqualTo(m(Map.of("street", s("2 Side"), "city", nul(), "zip", n(1))));
    AllTypes back = schema.fromItem(item);
    Fixtures.assertSameValues(back, value);
    assertThat(schema.toItem(back)).isEqualTo(item);
  }

  @Test
  void toItem_nullsAndEmptySets_areLeftOutAtTopLevel() {
    Item item = mapper.schema(AllTypes.class).toItem(Fixtures.sparse());
    assertThat(item).doesNotContainKeys("boxedInt", "decimal", "optional", "stringSet", "address");
    assertThat(item.get("ints")).isEqualTo(l());
    assertThat(item.get("i")).isEqualTo(n(0));
  }

  @Test
  void schema_beanWithFieldAnnotations_renamesIgnoresConvertsFlattens() {
    TableSchema<Customer> schema = mapper.schema(Customer.class);
    Item item = schema.toItem(Fixtures.customer());
    assertThat(item.get("full_name")).isEqualTo(s("Ada"));
    assertThat(item).doesNotContainKeys("name", "scratch", "home");
    assertThat(item.get("code")).isEqualTo(s("ABC"));
    assertThat(item.get("home_street")).isEqualTo(s("1 Home"));
    assertThat(item.get("home_zip")).isEqualTo(n(75001));
    assertThat(item).doesNotContainKey("home_city").doesNotContainKey("home_");
    assertThat(item.get("work")).isEqualTo(m(Map.of("street", s("Office"))));
    assertThat(item.get("other")).isEqualTo(m(Map.of("street", nul(), "city", s("Lyon"), "zip", nul())));
    assertThat(item.get("visits")).isEqualTo(n(3));
    Customer back = schema.fromItem(item);
    assertThat(back.getScratch()).isNull();
    assertThat(back.getHome()).isEqualTo(new Address("1 Home", null, 75001));
    assertThat(back.getCode()).isEqualTo("abc");
    assertThat(back.visits).isEqualTo(3);
  }

  @Test
  void fromItem_noFlattenedAttributes_leavesPropertyNull() {
    Customer back = mapper.schema(Customer.class).fromItem(Item.of("id", s("c")));
    assertThat(back.getHome()).isNull();
    assertThat(back.getId()).isEqualTo("c");
  }

  @Test
  void schema_builderClass_roundTrips() {
    TableSchema<Product> schema = mapper.schema(Product.class);
    Product p = Fixtures.product();
    Product back = schema.fromItem(schema.toItem(p));
    Fixtures.assertSameValues(back, p);
    assertThat(schema.accessorKind()).isEqualTo(AccessorKind.GENERATED);
  }

  @Test
  void schema_sealedInterface_readsEachSubtype() {
    TableSchema<Entity> schema = mapper.schema(Entity.class);
    for (Entity e : Fixtures.entities()) {
      Item item = schema.toItem(e);
      assertThat(item.get("kind")).isEqualTo(s(e instanceof Entity.Profile ? "PROFILE"
          : e instanceof Entity.Purchase ? "PURCHASE" : "Payment"));
      Entity back = schema.fromItem(item);
      assertThat(back).isInstanceOf(e.getClass());
      Fixtures.assertSameValues(back, e);
    }
  }

  @Test
  void schema_polymorphicNestedList_keepsSubtypes() {
    Entity.Purchase p = (Entity.Purchase) Fixtures.entities().get(1);
    Item item = mapper.schema(Entity.class).toItem(p);
    List<AttributeValue> shapes = ((AttributeValue.L) item.get("shapes")).value();
    assertThat(((AttributeValue.M) shapes.get(0)).value().get("shape")).isEqualTo(s("Circle"));
    Entity.Purchase back = (Entity.Purchase) mapper.schema(Entity.class).fromItem(item);
    assertThat(back.shapes()).containsExactly(p.shapes().toArray(new Shape[0]));
  }

  @Test
  void schema_subtypeAlone_writesDiscriminatorAndRejectsOtherKinds() {
    TableSchema<Entity.Payment> schema = mapper.schema(Entity.Payment.class);
    Item item = schema.toItem(new Entity.Payment("c", "P", 5));
    assertThat(item.get("kind")).isEqualTo(s("Payment"));
    Item profile = mapper.schema(Entity.class).toItem(new Entity.Profile("c", "PROFILE", "n", 1L));
    assertThatThrownBy(() -> schema.fromItem(profile)).isInstanceOf(MappingException.class)
        .hasMessageContaining("\"PROFILE\"").hasMessageContaining("not a Payment");
  }

  @Test
  void fromItem_unknownDiscriminator_namesKnownOnes() {
    assertThatThrownBy(() -> mapper.schema(Entity.class).fromItem(Item.of("kind", s("REFUND"))))
        .isInstanceOf(MappingException.class)
        .hasMessage("cannot read a Entity: discriminator \"kind\" is \"REFUND\", which is none of [PROFILE, PURCHASE, Payment];"
            + " add the subtype to the hierarchy (permits or @Subtypes)");
  }

  @Test
  void fromItem_wrongType_namesClassPropertyAndAttribute() {
    assertThatThrownBy(() -> mapper.schema(AllTypes.class).fromItem(Item.of("id", s("x"), "i", s("forty"))))
        .isInstanceOf(MappingException.class)
        .hasMessage("cannot read attribute \"i\" into AllTypes.i: expected N, found S {S: forty}");
    assertThatThrownBy(() -> mapper.schema(AllTypes.class).fromItem(Item.of("id", s("x"), "b", n(300))))
        .isInstanceOf(MappingException.class)
        .hasMessage("cannot read attribute \"b\" into AllTypes.b: expected a number that fits byte, found 300");
  }

  @Test
  void key_convertsJavaValues() {
    TableSchema<Order> schema = mapper.schema(Order.class);
    assertThat(schema.key("c-7", 42).toItem()).isEqualTo(Item.of("customer", s("c-7"), "number", n(42)));
    assertThat(schema.keyOf(Fixtures.order()).toItem()).isEqualTo(Item.of("customer", s("c-7"), "number", n(42)));
    assertThatThrownBy(() -> schema.key("c-7")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has a sort key (\"number\")");
  }

  @Test
  void ttl_instant_isStoredAsEpochSeconds() {
    Item item = mapper.schema(Order.class).toItem(Fixtures.order());
    assertThat(item.get("expires")).isEqualTo(n(1_900_000_000L));
    assertThat(mapper.schema(Order.class).timeToLiveAttribute()).isEqualTo("expires");
  }

  @Test
  void property_resolvesRenamesNestingAndFlattening() {
    TableSchema<Customer> schema = mapper.schema(Customer.class);
    assertThat(schema.property("name").path().toString()).isEqualTo("full_name");
    assertThat(schema.property("other.city").path().toString()).isEqualTo("other.city");
    assertThat(schema.property("home.city").path().toString()).isEqualTo("home_city");
    assertThatThrownBy(() -> schema.property("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Customer has no mapped property \"nope\"; use the Java property name, not the attribute name");
    assertThatThrownBy(() -> schema.property("name", Integer.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Customer.name has type String, not Integer");
  }

  @Test
  void reflectiveMode_usesReflection() {
    Mapper reflective = Mapper.builder().accessors(AccessorKind.REFLECTIVE).build();
    assertThat(reflective.schema(Order.class).accessorKind()).isEqualTo(AccessorKind.REFLECTIVE);
  }
}
