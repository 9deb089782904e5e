package io.dynamo4j.json;

import static io.dynamo4j.model.AttributeValue.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.error.SerializationException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DynamoJsonTest {

  @Test
  void writeItem_everyType() {
    Item item = Item.builder()
        .put("s", s("x"))
        .put("n", n("01.50"))
        .put("b", b(new byte[] {1, 2, 3}))
        .put("t", bool(true))
        .put("z", nul())
        .put("m", m(Map.of("k", s("v"))))
        .put("l", l(n(1), s("a")))
        .put("ss", ss("b", "a"))
        .put("ns", ns("10", "2"))
        .put("bs", bs(new byte[] {2}, new byte[] {1}))
        .build();
    assertThat(DynamoJson.writeItem(item)).isEqualTo(
        "{\"s\":{\"S\":\"x\"},\"n\":{\"N\":\"1.5\"},\"b\":{\"B\":\"AQID\"},\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},"
            + "\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}},\"l\":{\"L\":[{\"N\":\"1\"},{\"S\":\"a\"}]},\"ss\":{\"SS\":[\"a\",\"b\"]},"
            + "\"ns\":{\"NS\":[\"2\",\"10\"]},\"bs\":{\"BS\":[\"AQ==\",\"Ag==\"]}}");
    assertThat(DynamoJson.readItem(DynamoJson.writeItem(item))).isEqualTo(item);
  }

  @Test
  void readValue_numbersAsStringsOrJsonNumbers() {
    assertThat(DynamoJson.readValue("{\"N\":\"1E+2\"}")).isEqualTo(n(100));
    assertThat(DynamoJson.readValue("{\"N\":42}")).isEqualTo(n(42));
    assertThat(DynamoJson.readValue("{\"S\":\"a\",\"X\":\"ignored\"}")).isEqualTo(s("a"));
    assertThat(DynamoJson.readValue("{\"S\":null,\"N\":\"1\"}")).isEqualTo(n(1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{}|Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
    "{\"S\":\"a\",\"N\":\"1\"}|Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
    "{\"NULL\":false}|One or more parameter values were invalid: Null attribute value types must have the value of true",
    "{\"SS\":[]}|One or more parameter values were invalid: An string set  may not be empty",
    "{\"NS\":[\"1\",\"1.0\"]}|Input collection contains duplicates",
    "{\"N\":\"x\"}|A value provided cannot be converted into a number"
  })
  void readValue_invalidValues_causeIsDynamoDbValidationError(String json, String message) {
    assertThatThrownBy(() -> DynamoJson.readValue(json))
        .isInstanceOf(DynamoJsonException.class)
        .hasCauseInstanceOf(ValidationException.class)
        .cause().hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"S\":1}|NUMBER_VALUE cannot be converted to String",
    "{\"S\":{}}|Start of structure or map found where not expected.",
    "{\"L\":{}}|Start of structure or map found where not expected.",
    "{\"SS\":\"a\"}|STRING_VALUE cannot be converted to List",
    "{\"B\":\"***\"}|Base64 encoded length is expected a multiple of 4 bytes but found: 3"
  })
  void readValue_wrongJsonTypes_causeIsSerializationError(String json, String message) {
    assertThatThrownBy(() -> DynamoJson.readValue(json))
        .isInstanceOf(DynamoJsonException.class)
        .hasCauseInstanceOf(SerializationException.class)
        .cause().hasMessage(message);
  }

  @Test
  void readItem_malformedJson_saysWhere() {
    assertThatThrownBy(() -> DynamoJson.readItem("{\"a\": {\"S\": \"x\"},\n \"b\": }"))
        .isInstanceOf(DynamoJsonException.class)
        .hasMessageStartingWith("Invalid DynamoDB JSON at line 2, column");
    assertThatThrownBy(() -> DynamoJson.readItem("{\"a\": {\"S\": \"x\"}} trailing"))
        .isInstanceOf(DynamoJsonException.class);
  }

  @Test
  void readItems_arrayOrJsonLines() {
    List<Item> fromArray = DynamoJson.readItems(new StringReader("[{\"a\":{\"S\":\"1\"}}, {\"a\":{\"S\":\"2\"}}]"));
    List<Item> fromLines = DynamoJson.readItems(new StringReader("{\"a\":{\"S\":\"1\"}}\n{\"a\":{\"S\":\"2\"}}\n"));
    assertThat(fromArray).isEqualTo(fromLines).containsExactly(Item.of("a", s("1")), Item.of("a", s("2")));
    assertThat(DynamoJson.readItems(new StringReader(""))).isEmpty();
  }

  @Test
  void deeplyNestedJson_failsCleanly() {
    String deep = "{\"L\":[".repeat(5000) + "]}".repeat(5000);
    assertThatThrownBy(() -> DynamoJson.readValue(deep)).isInstanceOf(DynamoJsonException.class);
  }

  @Test
  void writeValue_binaryAndNumberForms() {
    AttributeValue v = n("-0.000100");
    assertThat(DynamoJson.writeValue(v)).isEqualTo("{\"N\":\"-0.0001\"}");
    assertThat(DynamoJson.writeValue(b(new byte[0]))).isEqualTo("{\"B\":\"\"}");
  }
}
