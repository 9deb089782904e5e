package io.dynamo4j.jmh;

import io.dynamo4j.mapper.AccessorKind;
import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.mapper.TableSchema;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.SortKey;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * dynamo4j's object mapper beside the AWS SDK's Enhanced Client, on the same classes (each
 * carries both mappers' annotations) in three shapes: {@link Shape#TINY} (key and one number),
 * {@link Shape#ONE_KB} (about 1 KB: strings, a BigDecimal, a boolean, an Instant, a string set, a
 * long and a text) and {@link Shape#LARGE_FLAT} (60 scalar attributes).
 *
 * <ul>
 *   <li>{@link #objectToItem} and {@link #itemToObject}: one conversion, in each mapper's own item
 *       form ({@code io.dynamo4j.model.Item}; the SDK's {@code Map<String, AttributeValue>}).
 *   <li>{@link #schemaBuild}: building a schema in a warm JVM, uncached (dynamo4j: a new
 *       {@code Mapper} and its schema; the accessor class, defined on the first build, is reused by
 *       later mappers; Enhanced Client: {@code BeanTableSchema.create(params)} /
 *       {@code ImmutableTableSchema.create(params)} with their static per-class schema caches
 *       emptied first, since {@code TableSchema.fromBean} / {@code fromImmutableClass} build once
 *       per class and then answer from those caches).
 *   <li>{@link #firstSchema}: the first schema in a fresh JVM, with one conversion each way:
 *       SingleShotTime, one measurement per fork, no warmup, 20 forks per target and shape.
 * </ul>
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar MapperBenchmark
 * java -jar jmh/target/benchmarks.jar 'MapperBenchmark.(objectToItem|itemToObject)' -p shape=ONE_KB
 * java -jar jmh/target/benchmarks.jar MapperBenchmark.firstSchema -f 20
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MapperBenchmark {

  /** The mappers compared. */
  public enum MapperTarget {
    /** dynamo4j, generated accessors, the JavaBean classes. */
    DYNAMO4J_GENERATED,
    /** dynamo4j, generated accessors, the immutable classes with builders. */
    DYNAMO4J_GENERATED_IMMUTABLE,
    /** dynamo4j, the reflective accessors, the JavaBean classes. */
    DYNAMO4J_REFLECTIVE,
    /** The Enhanced Client's {@code TableSchema.fromBean}, the JavaBean classes. */
    ENHANCED_BEAN,
    /** The Enhanced Client's {@code TableSchema.fromImmutableClass}, the immutable classes. */
    ENHANCED_IMMUTABLE;

    boolean immutable() {
      return this == DYNAMO4J_GENERATED_IMMUTABLE || this == ENHANCED_IMMUTABLE;
    }
  }

  /** The item shapes. */
  public enum Shape {
    TINY(TinyBean.class, TinyImmutable.class, MapperBenchmark::tinyBean, MapperBenchmark::tinyImmutable),
    ONE_KB(OneKbBean.class, OneKbImmutable.class, MapperBenchmark::oneKbBean, MapperBenchmark::oneKbImmutable),
    LARGE_FLAT(LargeBean.class, LargeImmutable.class, MapperBenchmark::largeBean, MapperBenchmark::largeImmutable);

    final Class<?> bean;
    final Class<?> immutable;
    final IntFunction<Object> beans;
    final IntFunction<Object> immutables;

    Shape(Class<?> bean, Class<?> immutable, IntFunction<Object> beans, IntFunction<Object> immutables) {
      this.bean = bean;
      this.immutable = immutable;
      this.beans = beans;
      this.immutables = immutables;
    }
  }

  /** One mapper's conversions for one class. */
  interface Codec {
    Object write(Object object);

    Object read(Object item);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Codec codec(MapperTarget target, Class<?> type) {
    switch (target) {
      case DYNAMO4J_GENERATED, DYNAMO4J_GENERATED_IMMUTABLE, DYNAMO4J_REFLECTIVE -> {
        Mapper mapper = Mapper.builder().accessors(target == MapperTarget.DYNAMO4J_REFLECTIVE
            ? AccessorKind.REFLECTIVE : AccessorKind.GENERATED).build();
        TableSchema schema = mapper.schema(type);
        return new Codec() {
          @Override
          public Object write(Object object) {
            return schema.toItem(object);
          }

          @Override
          public Object read(Object item) {
            return schema.fromItem((Item) item);
          }
        };
      }
      default -> {
        // The Enhanced Client keeps every schema it builds in a static per-class cache; empty it, so that
        // each call builds a schema (as the first call for a class does).
        clearStaticMap(target == MapperTarget.ENHANCED_BEAN
            ? software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema.class
            : software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableTableSchema.class);
        software.amazon.awssdk.enhanced.dynamodb.TableSchema schema = target == MapperTarget.ENHANCED_BEAN
            ? software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema.create(
                (software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams)
                    software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams.builder((Class) type).build())
            : software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableTableSchema.create(
                (software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableTableSchemaParams)
                    software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableTableSchemaParams.builder((Class) type).build());
        return new Codec() {
          @Override
          public Object write(Object object) {
            return schema.itemToMap(object, true);
          }

          @Override
          public Object read(Object item) {
            return schema.mapToItem((Map) item);
          }
        };
      }
    }
  }

  /** Clears the static cache map of {@code owner} (the Enhanced Client's schema caches). */
  static void clearStaticMap(Class<?> owner) {
    for (java.lang.reflect.Field f : owner.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && Map.class.isAssignableFrom(f.getType())) {
        try {
          f.setAccessible(true);
          ((Map<?, ?>) f.get(null)).clear();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot clear " + f, e);
        }
      }
    }
  }

  /** Prepared objects and items of one target and shape. */
  @State(Scope.Thread)
  public static class PerItem {
    private static final int COUNT = 1024;

    @Param
    public MapperTarget target;

    @Param
    public Shape shape;

    Codec codec;
    final Object[] objects = new Object[COUNT];
    final Object[] items = new Object[COUNT];
    int next;

    /** Builds the codec and converts every object once. */
    @Setup(Level.Trial)
    public void setUp() {
      codec = codec(target, target.immutable() ? shape.immutable : shape.bean);
      for (int i = 0; i < COUNT; i++) {
        objects[i] = target.immutable() ? shape.immutables.apply(i) : shape.beans.apply(i);
        items[i] = codec.write(objects[i]);
      }
    }

    int next() {
      return next++ & (COUNT - 1);
    }
  }

  /** The target and shape of a fork that has loaded nothing of either mapper. */
  @State(Scope.Thread)
  public static class Fresh {
    @Param
    public MapperTarget target;

    @Param
    public Shape shape;
  }

  /** Converts one object to its item. */
  @Benchmark
  public Object objectToItem(PerItem s) {
    return s.codec.write(s.objects[s.next()]);
  }

  /** Converts one item to its object. */
  @Benchmark
  public Object itemToObject(PerItem s) {
    return s.codec.read(s.items[s.next()]);
  }

  /** Builds a schema in a warm JVM. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object schemaBuild(Fresh s) {
    return codec(s.target, s.target.immutable() ? s.shape.immutable : s.shape.bean);
  }

  /** The first schema of a fresh JVM, and one conversion each way. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 20, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public Object firstSchema(Fresh s) {
    Codec codec = codec(s.target, s.target.immutable() ? s.shape.immutable : s.shape.bean);
    Object object = s.target.immutable() ? s.shape.immutables.apply(1) : s.shape.beans.apply(1);
    return codec.read(codec.write(object));
  }

  private static final String PAYLOAD = "x".repeat(800);

  // ---------------------------------------------------------------- the classes, annotated for both mappers

  /** The Tiny shape as a JavaBean, annotated for both mappers. */
  @DynamoDbBean
  public static class TinyBean {
    private String pk;
    private int sk;
    private long v;

    @DynamoDbPartitionKey @PartitionKey public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    @DynamoDbSortKey @SortKey public int getSk() { return sk; }
    public void setSk(int sk) { this.sk = sk; }
    public long getV() { return v; }
    public void setV(long v) { this.v = v; }
  }

  /** The Tiny shape as an immutable class with a builder, annotated for both mappers. */
  @DynamoDbImmutable(builder = TinyImmutable.Builder.class)
  public static final class TinyImmutable {
    private final String pk;
    private final int sk;
    private final long v;

    private TinyImmutable(Builder b) {
      this.pk = b.pk;
      this.sk = b.sk;
      this.v = b.v;
    }

    public static Builder builder() { return new Builder(); }

    @DynamoDbPartitionKey @PartitionKey public String getPk() { return pk; }
    @DynamoDbSortKey @SortKey public int getSk() { return sk; }
    public long getV() { return v; }

    /** Its builder. */
    public static final class Builder {
      private String pk;
      private int sk;
      private long v;

      public Builder() {}

      public Builder pk(String pk) { this.pk = pk; return this; }
      public Builder sk(int sk) { this.sk = sk; return this; }
      public Builder v(long v) { this.v = v; return this; }
      public TinyImmutable build() { return new TinyImmutable(this); }
    }
  }

  /** The OneKb shape as a JavaBean, annotated for both mappers. */
  @DynamoDbBean
  public static class OneKbBean {
    private String pk;
    private int sk;
    private String name;
    private String email;
    private BigDecimal balance;
    private boolean active;
    private Instant created;
    private Set<String> tags;
    private long version;
    private String payload;

    @DynamoDbPartitionKey @PartitionKey public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    @DynamoDbSortKey @SortKey public int getSk() { return sk; }
    public void setSk(int sk) { this.sk = sk; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public BigDecimal getBalance() { return balance; }
    public void setBalance(BigDecimal balance) { this.balance = balance; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Instant getCreated() { return created; }
    public void setCreated(Instant created) { this.created = created; }
    public Set<String> getTags() { return tags; }
    public void setTags(Set<String> tags) { this.tags = tags; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
  }

  /** The OneKb shape as an immutable class with a builder, annotated for both mappers. */
  @DynamoDbImmutable(builder = OneKbImmutable.Builder.class)
  public static final class OneKbImmutable {
    private final String pk;
    private final int sk;
    private final String name;
    private final String email;
    private final BigDecimal balance;
    private final boolean active;
    private final Instant created;
    private final Set<String> tags;
    private final long version;
    private final String payload;

    private OneKbImmutable(Builder b) {
      this.pk = b.pk;
      this.sk = b.sk;
      this.name = b.name;
      this.email = b.email;
      this.balance = b.balance;
      this.active = b.active;
      this.created = b.created;
      this.tags = b.tags;
      this.version = b.version;
      this.payload = b.payload;
    }

    public static Builder builder() { return new Builder(); }

    @DynamoDbPartitionKey @PartitionKey public String getPk() { return pk; }
    @DynamoDbSortKey @SortKey public int getSk() { return sk; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public BigDecimal getBalance() { return balance; }
    public boolean isActive() { return active; }
    public Instant getCreated() { return created; }
    public Set<String> getTags() { return tags; }
    public long getVersion() { return version; }
    public String getPayload() { return payload; }

    /** Its builder. */
    public static final class Builder {
      private String pk;
      private int sk;
      private String name;
      private String email;
      private BigDecimal balance;
      private boolean active;
      private Instant created;
      private Set<String> tags;
      private long version;
      private String payload;

      public Builder() {}

      public Builder pk(String pk) { this.pk = pk; return this; }
      public Builder sk(int sk) { this.sk = sk; return this; }
      public Builder name(String name) { this.name = name; return this; }
      public Builder email(String email) { this.email = email; return this; }
      public Builder balance(BigDecimal balance) { this.balance = balance; return this; }
      public Builder active(boolean active) { this.active = active; return this; }
      public Builder created(Instant created) { this.created = created; return this; }
      public Builder tags(Set<String> tags) { this.tags = tags; return this; }
      public Builder version(long version) { this.version = version; return this; }
      public Builder payload(String payload) { this.payload = payload; return this; }
      public OneKbImmutable build() { return new OneKbImmutable(this); }
    }
  }

  /** The Large shape as a JavaBean, annotated for both mappers. */
  @DynamoDbBean
  public static class LargeBean {
    private String pk;
    private int sk;
    private String f00;
    private int f01;
    private long f02;
    private double f03;
    private boolean f04;
    private String f05;
    private String f06;
    private int f07;
    private long f08;
    private double f09;
    private boolean f10;
    private String f11;
    private String f12;
    private int f13;
    private long f14;
    private double f15;
    private boolean f16;
    private String f17;
    private String f18;
    private int f19;
    private long f20;
    private double f21;
    private boolean f22;
    private String f23;
    private String f24;
    private int f25;
    private long f26;
    private double f27;
    private boolean f28;
    private String f29;
    private String f30;
    private int f31;
    private long f32;
    private double f33;
    private boolean f34;
    private String f35;
    private String f36;
    private int f37;
    private long f38;
    private double f39;
    private boolean f40;
    private String f41;
    private String f42;
    private int f43;
    private long f44;
    private double f45;
    private boolean f46;
    private String f47;
    private String f48;
    private int f49;
    private long f50;
    private double f51;
    private boolean f52;
    private String f53;
    private String f54;
    private int f55;
    private long f56;
    private double f57;

    @DynamoDbPartitionKey @PartitionKey public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    @DynamoDbSortKey @SortKey public int getSk() { return sk; }
    public void setSk(int sk) { this.sk = sk; }
    public String getF00() { return f00; }
    public void setF00(String f00) { this.f00 = f00; }
    public int getF01() { return f01; }
    public void setF01(int f01) { this.f01 = f01; }
    public long getF02() { return f02; }
    public void setF02(long f02) { this.f02 = f02; }
    public double getF03() { return f03; }
    public void setF03(double f03) { this.f03 = f03; }
    public boolean isF04() { return f04; }
    public void setF04(boolean f04) { this.f04 = f04; }
    public String getF05() { return f05; }
    public void setF05(String f05) { this.f05 = f05; }
    public String getF06() { return f06; }
    public void setF06(String f06) { this.f06 = f06; }
    public int getF07() { return f07; }
    public void setF07(int f07) { this.f07 = f07; }
    public long getF08() { return f08; }
    public void setF08(long f08) { this.f08 = f08; }
    public double getF09() { return f09; }
    public void setF09(double f09) { this.f09 = f09; }
    public boolean isF10() { return f10; }
    public void setF10(boolean f10) { this.f10 = f10; }
    public String getF11() { return f11; }
    public void setF11(String f11) { this.f11 = f11; }
    public String getF12() { return f12; }
    public void setF12(String f12) { this.f12 = f12; }
    public int getF13() { return f13; }
    public void setF13(int f13) { this.f13 = f13; }
    public long getF14() { return f14; }
    public void setF14(long f14) { this.f14 = f14; }
    public double getF15() { return f15; }
    public void setF15(double f15) { this.f15 = f15; }
    public boolean isF16() { return f16; }
    public void setF16(boolean f16) { this.f16 = f16; }
    public String getF17() { return f17; }
    public void setF17(String f17) { this.f17 = f17; }
    public String getF18() { return f18; }
    public void setF18(String f18) { this.f18 = f18; }
    public int getF19() { return f19; }
    public void setF19(int f19) { this.f19 = f19; }
    public long getF20() { return f20; }
    public void setF20(long f20) { this.f20 = f20; }
    public double getF21() { return f21; }
    public void setF21(double f21) { this.f21 = f21; }
    public boolean isF22() { return f22; }
    public void setF22(boolean f22) { this.f22 = f22; }
    public String getF23() { return f23; }
    public void setF23(String f23) { this.f23 = f23; }
    public String getF24() { return f24; }
    public void setF24(String f24) { this.f24 = f24; }
    public int getF25() { return f25; }
    public void setF25(int f25) { this.f25 = f25; }
    public long getF26() { return f26; }
    public void setF26(long f26) { this.f26 = f26; }
    public double getF27() { return f27; }
    public void setF27(double f27) { this.f27 = f27; }
    public boolean isF28() { return f28; }
    public void setF28(boolean f28) { this.f28 = f28; }
    public String getF29() { return f29; }
    public void setF29(String f29) { this.f29 = f29; }
    public String getF30() { return f30; }
    public void setF30(String f30) { this.f30 = f30; }
    public int getF31() { return f31; }
    public void setF31(int f31) { this.f31 = f31; }
    public long getF32() { return f32; }
    public void setF32(long f32) { this.f32 = f32; }
    public double getF33() { return f33; }
    public void setF33(double f33) { this.f33 = f33; }
    public boolean isF34() { return f34; }
    public void setF34(boolean f34) { this.f34 = f34; }
    public String getF35() { return f35; }
    public void setF35(String f35) { this.f35 = f35; }
    public String getF36() { return f36; }
    public void setF36(String f36) { this.f36 = f36; }
    public int getF37() { return f37; }
    public void setF37(int f37) { this.f37 = f37; }
    public long getF38() { return f38; }
    public void setF38(long f38) { this.f38 = f38; }
    public double getF39() { return f39; }
    public void setF39(double f39) { this.f39 = f39; }
    public boolean isF40() { return f40; }
    public void setF40(boolean f40) { this.f40 = f40; }
    public String getF41() { return f41; }
    public void setF41(String f41) { this.f41 = f41; }
    public String getF42() { return f42; }
    public void setF42(String f42) { this.f42 = f42; }
    public int getF43() { return f43; }
    public void setF43(int f43) { this.f43 = f43; }
    public long getF44() { return f44; }
    public void setF44(long f44) { this.f44 = f44; }
    public double getF45() { return f45; }
    public void setF45(double f45) { this.f45 = f45; }
    public boolean isF46() { return f46; }
    public void setF46(boolean f46) { this.f46 = f46; }
    public String getF47() { return f47; }
    public void setF47(String f47) { this.f47 = f47; }
    public String getF48() { return f48; }
    public void setF48(String f48) { this.f48 = f48; }
    public int getF49() { return f49; }
    public void setF49(int f49) { this.f49 = f49; }
    public long getF50() { return f50; }
    public void setF50(long f50) { this.f50 = f50; }
    public double getF51() { return f51; }
    public void setF51(double f51) { this.f51 = f51; }
    public boolean isF52() { return f52; }
    public void setF52(boolean f52) { this.f52 = f52; }
    public String getF53() { return f53; }
    public void setF53(String f53) { this.f53 = f53; }
    public String getF54() { return f54; }
    public void setF54(String f54) { this.f54 = f54; }
    public int getF55() { return f55; }
    public void setF55(int f55) { this.f55 = f55; }
    public long getF56() { return f56; }
    public void setF56(long f56) { this.f56 = f56; }
    public double getF57() { return f57; }
    public void setF57(double f57) { this.f57 = f57; }
  }

  /** The Large shape as an immutable class with a builder, annotated for both mappers. */
  @DynamoDbImmutable(builder = LargeImmutable.Builder.class)
  public static final class LargeImmutable {
    private final String pk;
    private final int sk;
    private final String f00;
    private final int f01;
    private final long f02;
    private final double f03;
    private final boolean f04;
    private final String f05;
    private final String f06;
    private final int f07;
    private final long f08;
    private final double f09;
    private final boolean f10;
    private final String f11;
    private final String f12;
    private final int f13;
    private final long f14;
    private final double f15;
    private final boolean f16;
    private final String f17;
    private final String f18;
    private final int f19;
    private final long f20;
    private final double f21;
    private final boolean f22;
    private final String f23;
    private final String f24;
    private final int f25;
    private final long f26;
    private final double f27;
    private final boolean f28;
    private final String f29;
    private final String f30;
    private final int f31;
    private final long f32;
    private final double f33;
    private final boolean f34;
    private final String f35;
    private final String f36;
    private final int f37;
    private final long f38;
    private final double f39;
    private final boolean f40;
    private final String f41;
    private final String f42;
    private final int f43;
    private final long f44;
    private final double f45;
    private final boolean f46;
    private final String f47;
    private final String f48;
    private final int f49;
    private final long f50;
    private final double f51;
    private final boolean f52;
    private final String f53;
    private final String f54;
    private final int f55;
    private final long f56;
    private final double f57;

    private LargeImmutable(Builder b) {
      this.pk = b.pk;
      this.sk = b.sk;
      this.f00 = b.f00;
      this.f01 = b.f01;
      this.f02 = b.f02;
      this.f03 = b.f03;
      this.f04 = b.f04;
      this.f05 = b.f05;
      this.f06 = b.f06;
      this.f07 = b.f07;
      this.f08 = b.f08;
      this.f09 = b.f09;
      this.f10 = b.f10;
      this.f11 = b.f11;
      this.f12 = b.f12;
      this.f13 = b.f13;
      this.f14 = b.f14;
      this.f15 = b.f15;
      this.f16 = b.f16;
      this.f17 = b.f17;
      this.f18 = b.f18;
      this.f19 = b.f19;
      this.f20 = b.f20;
      this.f21 = b.f21;
      this.f22 = b.f22;
      this.f23 = b.f23;
      this.f24 = b.f24;
      this.f25 = b.f25;
      this.f26 = b.f26;
      this.f27 = b.f27;
      this.f28 = b.f28;
      this.f29 = b.f29;
      this.f30 = b.f30;
      this.f31 = b.f31;
      this.f32 = b.f32;
      this.f33 = b.f33;
      this.f34 = b.f34;
      this.f35 = b.f35;
      this.f36 = b.f36;
      this.f37 = b.f37;
      this.f38 = b.f38;
      this.f39 = b.f39;
      this.f40 = b.f40;
      this.f41 = b.f41;
      this.f42 = b.f42;
      this.f43 = b.f43;
      this.f44 = b.f44;
      this.f45 = b.f45;
      this.f46 = b.f46;
      this.f47 = b.f47;
      this.f48 = b.f48;
      this.f49 = b.f49;
      this.f50 = b.f50;
      this.f51 = b.f51;
      this.f52 = b.f52;
      this.f53 = b.f53;
      this.f54 = b.f54;
      this.f55 = b.f55;
      this.f56 = b.f56;
      this.f57 = b.f57;
    }

    public static Builder builder() { return new Builder(); }

    @DynamoDbPartitionKey @PartitionKey public String getPk() { return pk; }
    @DynamoDbSortKey @SortKey public int getSk() { return sk; }
    public String getF00() { return f00; }
    public int getF01() { return f01; }
    public long getF02() { return f02; }
    public double getF03() { return f03; }
    public boolean isF04() { return f04; }
    public String getF05() { return f05; }
    public String getF06() { return f06; }
    public int getF07() { return f07; }
    public long getF08() { return f08; }
    public double getF09() { return f09; }
    public boolean isF10() { return f10; }
    public String getF11() { return f11; }
    public String getF12() { return f12; }
    public int getF13() { return f13; }
    public long getF14() { return f14; }
    public double getF15() { return f15; }
    public boolean isF16() { return f16; }
    public String getF17() { return f17; }
    public String getF18() { return f18; }
    public int getF19() { return f19; }
    public long getF20() { return f20; }
    public double getF21() { return f21; }
    public boolean isF22() { return f22; }
    public String getF23() { return f23; }
    public String getF24() { return f24; }
    public int getF25() { return f25; }
    public long getF26() { return f26; }
    public double getF27() { return f27; }
    public boolean isF28() { return f28; }
    public String getF29() { return f29; }
    public String getF30() { return f30; }
    public int getF31() { return f31; }
    public long getF32() { return f32; }
    public double getF33() { return f33; }
    public boolean isF34() { return f34; }
    public String getF35() { return f35; }
    public String getF36() { return f36; }
    public int getF37() { return f37; }
    public long getF38() { return f38; }
    public double getF39() { return f39; }
    public boolean isF40() { return f40; }
    public String getF41() { return f41; }
    public String getF42() { return f42; }
    public int getF43() { return f43; }
    public long getF44() { return f44; }
    public double getF45() { return f45; }
    public boolean isF46() { return f46; }
    public String getF47() { return f47; }
    public String getF48() { return f48; }
    public int getF49() { return f49; }
    public long getF50() { return f50; }
    public double getF51() { return f51; }
    public boolean isF52() { return f52; }
    public String getF53() { return f53; }
    public String getF54() { return f54; }
    public int getF55() { return f55; }
    public long getF56() { return f56; }
    public double getF57() { return f57; }

    /** Its builder. */
    public static final class Builder {
      private String pk;
      private int sk;
      private String f00;
      private int f01;
      private long f02;
      private double f03;
      private boolean f04;
      private String f05;
      private String f06;
      private int f07;
      private long f08;
      private double f09;
      private boolean f10;
      private String f11;
      private String f12;
      private int f13;
      private long f14;
      private double f15;
      private boolean f16;
      private String f17;
      private String f18;
      private int f19;
      private long f20;
      private double f21;
      private boolean f22;
      private String f23;
      private String f24;
      private int f25;
      private long f26;
      private double f27;
      private boolean f28;
      private String f29;
      private String f30;
      private int f31;
      private long f32;
      private double f33;
      private boolean f34;
      private String f35;
      private String f36;
      private int f37;
      private long f38;
      private double f39;
      private boolean f40;
      private String f41;
      private String f42;
      private int f43;
      private long f44;
      private double f45;
      private boolean f46;
      private String f47;
      private String f48;
      private int f49;
      private long f50;
      private double f51;
      private boolean f52;
      private String f53;
      private String f54;
      private int f55;
      private long f56;
      private double f57;

      public Builder() {}

      public Builder pk(String pk) { this.pk = pk; return this; }
      public Builder sk(int sk) { this.sk = sk; return this; }
      public Builder f00(String f00) { this.f00 = f00; return this; }
      public Builder f01(int f01) { this.f01 = f01; return this; }
      public Builder f02(long f02) { this.f02 = f02; return this; }
      public Builder f03(double f03) { this.f03 = f03; return this; }
      public Builder f04(boolean f04) { this.f04 = f04; return this; }
      public Builder f05(String f05) { this.f05 = f05; return this; }
      public Builder f06(String f06) { this.f06 = f06; return this; }
      public Builder f07(int f07) { this.f07 = f07; return this; }
      public Builder f08(long f08) { this.f08 = f08; return this; }
      public Builder f09(double f09) { this.f09 = f09; return this; }
      public Builder f10(boolean f10) { this.f10 = f10; return this; }
      public Builder f11(String f11) { this.f11 = f11; return this; }
      public Builder f12(String f12) { this.f12 = f12; return this; }
      public Builder f13(int f13) { this.f13 = f13; return this; }
      public Builder f14(long f14) { this.f14 = f14; return this; }
      public Builder f15(double f15) { this.f15 = f15; return this; }
      public Builder f16(boolean f16) { this.f16 = f16; return this; }
      public Builder f17(String f17) { this.f17 = f17; return this; }
      public Builder f18(String f18) { this.f18 = f18; return this; }
      public Builder f19(int f19) { this.f19 = f19; return this; }
      public Builder f20(long f20) { this.f20 = f20; return this; }
      public Builder f21(double f21) { this.f21 = f21; return this; }
      public Builder f22(boolean f22) { this.f22 = f22; return this; }
      public Builder f23(String f23) { this.f23 = f23; return this; }
      public Builder f24(String f24) { this.f24 = f24; return this; }
      public Builder f25(int f25) { this.f25 = f25; return this; }
      public Builder f26(long f26) { this.f26 = f26; return this; }
      public Builder f27(double f27) { this.f27 = f27; return this; }
      public Builder f28(boolean f28) { this.f28 = f28; return this; }
      public Builder f29(String f29) { this.f29 = f29; return this; }
      public Builder f30(String f30) { this.f30 = f30; return this; }
      public Builder f31(int f31) { this.f31 = f31; return this; }
      public Builder f32(long f32) { this.f32 = f32; return this; }
      public Builder f33(double f33) { this.f33 = f33; return this; }
      public Builder f34(boolean f34) { this.f34 = f34; return this; }
      public Builder f35(String f35) { this.f35 = f35; return this; }
      public Builder f36(String f36) { this.f36 = f36; return this; }
      public Builder f37(int f37) { this.f37 = f37; return this; }
      public Builder f38(long f38) { this.f38 = f38; return this; }
      public Builder f39(double f39) { this.f39 = f39; return this; }
      public Builder f40(boolean f40) { this.f40 = f40; return this; }
      public Builder f41(String f41) { this.f41 = f41; return this; }
      public Builder f42(String f42) { this.f42 = f42; return this; }
      public Builder f43(int f43) { this.f43 = f43; return this; }
      public Builder f44(long f44) { this.f44 = f44; return this; }
      public Builder f45(double f45) { this.f45 = f45; return this; }
      public Builder f46(boolean f46) { this.f46 = f46; return this; }
      public Builder f47(String f47) { this.f47 = f47; return this; }
      public Builder f48(String f48) { this.f48 = f48; return this; }
      public Builder f49(int f49) { this.f49 = f49; return this; }
      public Builder f50(long f50) { this.f50 = f50; return this; }
      public Builder f51(double f51) { this.f51 = f51; return this; }
      public Builder f52(boolean f52) { this.f52 = f52; return this; }
      public Builder f53(String f53) { this.f53 = f53; return this; }
      public Builder f54(String f54) { this.f54 = f54; return this; }
      public Builder f55(int f55) { this.f55 = f55; return this; }
      public Builder f56(long f56) { this.f56 = f56; return this; }
      public Builder f57(double f57) { this.f57 = f57; return this; }
      public LargeImmutable build() { return new LargeImmutable(this); }
    }
  }

  // ---------------------------------------------------------------- sample values

  static TinyBean tinyBean(int i) {
    TinyBean b = new TinyBean();
    b.setPk("customer-" + i);
    b.setSk(i % 10);
    b.setV(i * 1_000_003L);
    return b;
  }

  static TinyImmutable tinyImmutable(int i) {
    return TinyImmutable.builder()
        .pk("customer-" + i)
        .sk(i % 10)
        .v(i * 1_000_003L)
        .build();
  }

  static OneKbBean oneKbBean(int i) {
    OneKbBean b = new OneKbBean();
    b.setPk("customer-" + i);
    b.setSk(i % 10);
    b.setName("Customer " + i);
    b.setEmail("customer" + i + "@example.com");
    b.setBalance(new BigDecimal(i * 37 % 1_000_000 + ".25"));
    b.setActive(i % 2 == 0);
    b.setCreated(Instant.ofEpochSecond(1_700_000_000L + i));
    b.setTags(new LinkedHashSet<>(List.of("gold", "newsletter", "region-" + i % 20)));
    b.setVersion(i);
    b.setPayload(PAYLOAD);
    return b;
  }

  static OneKbImmutable oneKbImmutable(int i) {
    return OneKbImmutable.builder()
        .pk("customer-" + i)
        .sk(i % 10)
        .name("Customer " + i)
        .email("customer" + i + "@example.com")
        .balance(new BigDecimal(i * 37 % 1_000_000 + ".25"))
        .active(i % 2 == 0)
        .created(Instant.ofEpochSecond(1_700_000_000L + i))
        .tags(new LinkedHashSet<>(List.of("gold", "newsletter", "region-" + i % 20)))
        .version(i)
        .payload(PAYLOAD)
        .build();
  }

  static LargeBean largeBean(int i) {
    LargeBean b = new LargeBean();
    b.setPk("customer-" + i);
    b.setSk(i % 10);
    b.setF00("f00-" + i);
    b.setF01(i * 3);
    b.setF02(i * 1_000_003L);
    b.setF03(i * 0.5);
    b.setF04(i % 3 == 0);
    b.setF05("f05-" + i);
    b.setF06("f06-" + i);
    b.setF07(i * 3);
    b.setF08(i * 1_000_003L);
    b.setF09(i * 0.5);
    b.setF10(i % 3 == 0);
    b.setF11("f11-" + i);
    b.setF12("f12-" + i);
    b.setF13(i * 3);
    b.setF14(i * 1_000_003L);
    b.setF15(i * 0.5);
    b.setF16(i % 3 == 0);
    b.setF17("f17-" + i);
    b.setF18("f18-" + i);
    b.setF19(i * 3);
    b.setF20(i * 1_000_003L);
    b.setF21(i * 0.5);
    b.setF22(i % 3 == 0);
    b.setF23("f23-" + i);
    b.setF24("f24-" + i);
    b.setF25(i * 3);
    b.setF26(i * 1_000_003L);
    b.setF27(i * 0.5);
    b.setF28(i % 3 == 0);
    b.setF29("f29-" + i);
    b.setF30("f30-" + i);
    b.setF31(i * 3);
    b.setF32(i * 1_000_003L);
    b.setF33(i * 0.5);
    b.setF34(i % 3 == 0);
    b.setF35("f35-" + i);
    b.setF36("f36-" + i);
    b.setF37(i * 3);
    b.setF38(i * 1_000_003L);
    b.setF39(i * 0.5);
    b.setF40(i % 3 == 0);
    b.setF41("f41-" + i);
    b.setF42("f42-" + i);
    b.setF43(i * 3);
    b.setF44(i * 1_000_003L);
    b.setF45(i * 0.5);
    b.setF46(i % 3 == 0);
    b.setF47("f47-" + i);
    b.setF48("f48-" + i);
    b.setF49(i * 3);
    b.setF50(i * 1_000_003L);
    b.setF51(i * 0.5);
    b.setF52(i % 3 == 0);
    b.setF53("f53-" + i);
    b.setF54("f54-" + i);
    b.setF55(i * 3);
    b.setF56(i * 1_000_003L);
    b.setF57(i * 0.5);
    return b;
  }

  static LargeImmutable largeImmutable(int i) {
    return LargeImmutable.builder()
        .pk("customer-" + i)
        .sk(i % 10)
        .f00("f00-" + i)
        .f01(i * 3)
        .f02(i * 1_000_003L)
        .f03(i * 0.5)
        .f04(i % 3 == 0)
        .f05("f05-" + i)
        .f06("f06-" + i)
        .f07(i * 3)
        .f08(i * 1_000_003L)
        .f09(i * 0.5)
        .f10(i % 3 == 0)
        .f11("f11-" + i)
        .f12("f12-" + i)
        .f13(i * 3)
        .f14(i * 1_000_003L)
        .f15(i * 0.5)
        .f16(i % 3 == 0)
        .f17("f17-" + i)
        .f18("f18-" + i)
        .f19(i * 3)
        .f20(i * 1_000_003L)
        .f21(i * 0.5)
        .f22(i % 3 == 0)
        .f23("f23-" + i)
        .f24("f24-" + i)
        .f25(i * 3)
        .f26(i * 1_000_003L)
        .f27(i * 0.5)
        .f28(i % 3 == 0)
        .f29("f29-" + i)
        .f30("f30-" + i)
        .f31(i * 3)
        .f32(i * 1_000_003L)
        .f33(i * 0.5)
        .f34(i % 3 == 0)
        .f35("f35-" + i)
        .f36("f36-" + i)
        .f37(i * 3)
        .f38(i * 1_000_003L)
        .f39(i * 0.5)
        .f40(i % 3 == 0)
        .f41("f41-" + i)
        .f42("f42-" + i)
        .f43(i * 3)
        .f44(i * 1_000_003L)
        .f45(i * 0.5)
        .f46(i % 3 == 0)
        .f47("f47-" + i)
        .f48("f48-" + i)
        .f49(i * 3)
        .f50(i * 1_000_003L)
        .f51(i * 0.5)
        .f52(i % 3 == 0)
        .f53("f53-" + i)
        .f54("f54-" + i)
        .f55(i * 3)
        .f56(i * 1_000_003L)
        .f57(i * 0.5)
        .build();
  }
}
