package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.b;
import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.bs;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.ns;
import static io.dynamo4j.model.AttributeValue.nul;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conversions between dynamo4j's values and the AWS SDK's, and the native library set-up. */
class AwsSdkDatabaseTest {

  static Stream<AttributeValue> everyType() {
    return Stream.of(
        s("text"), n("-12.5E3"), b(new byte[] {0, -1, 7}), bool(true), bool(false), nul(),
        m(Map.of("a", n(1), "b", l(s("x"), nul()))), l(), l(n(1), s("1"), bool(false)),
        ss("b", "a"), ns("3", "1.5"), bs(new byte[] {1}, new byte[] {-2, 3}));
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void sdkValue_thenNeutralValue_givesTheSameValue(AttributeValue value) {
    assertThat(AwsSdkDatabase.neutralValue(AwsSdkDatabase.sdkValue(value))).isEqualTo(value);
  }

  @Test
  void sdkValue_number_isDynamoDbText() {
    assertThat(AwsSdkDatabase.sdkValue(n("1.50")).n()).isEqualTo("1.5");
  }

  @Test
  void sdkItem_oneKbItem_keepsEveryAttribute() {
    Item item = ItemShape.ONE_KB.item(5, 1);
    assertThat(AwsSdkDatabase.sdkItem(item)).containsOnlyKeys(item.keySet());
    assertThat(AwsSdkDatabase.neutralItem(AwsSdkDatabase.sdkItem(item))).isEqualTo(item);
  }

  @Test
  void useNativeLibrary_afterTheBuild_pointsSqliteAtTheCopiedLibrary() {
    DynamoDbLocal.useNativeLibrary();
    assertThat(System.getProperty("sqlite4java.library.path")).endsWith("target/native");
    assertThat(System.getProperty("org.sqlite.lib.name")).isEqualTo(DynamoDbLocal.SQLITE4JAVA_LIBRARY);
  }
}
