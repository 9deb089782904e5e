package io.dynamo4j.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.Operation;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.SerializationException;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everyRequestAndResponse_withEveryMemberSet_roundTrips(Operation op) throws Exception {
    Object request = sample(op.requestType(), 0);
    assertThat(WireCodec.readRequest(op, WireCodec.writeRequest(op, request))).isEqualTo(request);
    Object response = sample(op.responseType(), 0);
    assertThat(WireCodec.readResponse(op, WireCodec.writeResponse(op, response))).isEqualTo(response);
  }

  @Test
  void write_omitsAbsentMembers_andUsesWireNames() {
    PutItemRequest r = PutItemRequest.builder().tableName("T").item(Item.of("a", AttributeValue.n("01.50")))
        .returnValues(ReturnValue.ALL_OLD).build();
    assertThat(new String(WireCodec.writeRequest(Operation.PUT_ITEM, r), StandardCharsets.UTF_8))
        .isEqualTo("{\"TableName\":\"T\",\"Item\":{\"a\":{\"N\":\"1.5\"}},\"ReturnValues\":\"ALL_OLD\"}");
  }

  @Test
  void read_skipsUnknownMembers_treatsNullAsAbsent_andEmptyBodyAsEmptyRequest() {
    Object r = WireCodec.readRequest(Operation.GET_ITEM, bytes(
        "{\"TableName\":\"T\",\"Unknown\":{\"deep\":[1,2,{}]},\"ConsistentRead\":null,\"Key\":{\"k\":{\"S\":\"v\"}}}"));
    assertThat(r).isEqualTo(GetItemRequest.builder().tableName("T").key(Item.of("k", AttributeValue.s("v"))).build());
    assertThat(WireCodec.readRequest(Operation.LIST_TABLES, new byte[0]))
        .isEqualTo(io.dynamo4j.api.ListTablesRequest.builder().build());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"TableName\":1}|class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
    "{\"TableName\":true}|class java.lang.Boolean can not be converted to an String",
    "{\"TableName\":{}}|Start of structure or map found where not expected.",
    "{\"TableName\":[\"x\"]}|Start of list found where not expected",
    "{\"Limit\":\"x\"}|class java.lang.String can not be converted to an Integer",
    "{\"ConsistentRead\":\"yes\"}|class java.lang.String can not be converted to an Boolean",
    "{\"KeyConditions\":[]}|Start of list found where not expected",
    "{\"AttributesToGet\":{}}|Start of structure or map found where not expected.",
    "[]|Start of list found where not expected",
    "{\"TableName\":\"x\"|Unexpected end-of-input: expected close marker for Object",
    "{\"TableName\" \"x\"}|Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value",
    "{\"Limit\":99999999999}|Numeric value (99999999999) out of range of int"
  })
  void read_wrongJsonTypes_serializationException(String body, String message) {
    assertThatThrownBy(() -> WireCodec.readRequest(Operation.QUERY, bytes(body)))
        .isInstanceOf(SerializationException.class).hasMessage(message);
  }

  @Test
  void read_unknownEnumValue_validationExceptionNamingThePath() {
    assertThatThrownBy(() -> WireCodec.readRequest(Operation.QUERY, bytes("{\"Select\":\"SOME\"}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 validation error detected: Value 'SOME' at 'select' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, COUNT, SPECIFIC_ATTRIBUTES]");
    assertThatThrownBy(() -> WireCodec.readRequest(Operation.CREATE_TABLE,
        bytes("{\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"b\",\"KeyType\":\"SORT\"}]}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 validation error detected: Value 'SORT' at 'keySchema.2.member.keyType' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [HASH, RANGE]");
  }

  @Test
  void read_invalidAttributeValues_validationException() {
    assertThatThrownBy(() -> WireCodec.readRequest(Operation.PUT_ITEM, bytes("{\"Item\":{\"a\":{\"N\":\"x\"}}}")))
        .isInstanceOf(ValidationException.class).hasMessage("A value provided cannot be converted into a number");
  }

  @Test
  void errors_roundTrip_withTheirExtraMembers() {
    DynamoException plain = new ResourceNotFoundException("Requested resource not found");
    assertThat(new String(WireCodec.writeError(plain), StandardCharsets.UTF_8)).isEqualTo(
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested resource not found\"}");
    DynamoException back = WireCodec.readError(400, WireCodec.writeError(plain));
    assertThat(back).isInstanceOf(ResourceNotFoundException.class).hasMessage("Requested resource not found");

    ConditionalCheckFailedException ccf = new ConditionalCheckFailedException("The conditional request failed",
        Item.of("k", AttributeValue.s("v")));
    assertThat(((ConditionalCheckFailedException) WireCodec.readError(400, WireCodec.writeError(ccf))).item())
        .isEqualTo(Item.of("k", AttributeValue.s("v")));

    List<CancellationReason> reasons = List.of(
        CancellationReason.builder().code("ConditionalCheckFailed").message("The conditional request failed").build(),
        CancellationReason.builder().code("None").build());
    TransactionCanceledException tce = new TransactionCanceledException(TransactionCanceledException.messageFor(reasons), reasons);
    String json = new String(WireCodec.writeError(tce), StandardCharsets.UTF_8);
    assertThat(json).contains("\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons "
        + "[ConditionalCheckFailed, None]\"");
    assertThat(((TransactionCanceledException) WireCodec.readError(400, WireCodec.writeError(tce))).cancellationReasons())
        .isEqualTo(reasons);
  }

  @Test
  void timestamps_areEpochSecondsWithFraction() {
    Instant t = Instant.parse("2026-11-23T14:00:00.125Z");
    io.dynamo4j.api.DescribeTableResponse r = io.dynamo4j.api.DescribeTableResponse.builder()
        .table(io.dynamo4j.api.TableDescription.builder().creationDateTime(t).build()).build();
    String json = new String(WireCodec.writeResponse(Operation.DESCRIBE_TABLE, r), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"Table\":{\"CreationDateTime\":" + t.getEpochSecond() + ".125}}");
    assertThat(WireCodec.readResponse(Operation.DESCRIBE_TABLE, bytes(json))).isEqualTo(r);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- a sample of any API record with every member set, nested up to a depth

  static Object sample(Class<?> type, int depth) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = value(components[i].getGenericType(), depth, components[i].getName());
    }
    Constructor<?> c = type.getDeclaredConstructor(types);
    return c.newInstance(args);
  }

  private static Object value(Type t, int depth, String name) throws Exception {
    if (t instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type arg = pt.getActualTypeArguments()[pt.getActualTypeArguments().length - 1];
      if (depth > 3) {
        return null;
      }
      if (raw == List.class) {
        Object v = value(arg, depth + 1, name);
        return v == null ? null : List.of(v);
      }
      if (raw == Map.class) {
        Object v = value(arg, depth + 1, name);
        return v == null ? null : Map.of(name.equals("expressionAttributeValues") ? ":v" : "key", v);
      }
    }
    Class<?> c = (Class<?>) t;
    if (c == String.class) {
      return "s-" + name;
    }
    if (c == Integer.class) {
      return 7;
    }
    if (c == Long.class) {
      return 1234567890123L;
    }
    if (c == Double.class) {
      return 0.5;
    }
    if (c == Boolean.class) {
      return Boolean.TRUE;
    }
    if (c == Instant.class) {
      return Instant.ofEpochSecond(1700000000L, 250_000_000);
    }
    if (c == AttributeValue.class) {
      return AttributeValue.n(new BigDecimal("12.5"));
    }
    if (c == Item.class) {
      return Item.of("pk", AttributeValue.s("a"), "n", AttributeValue.ns("1", "2"),
          "m", AttributeValue.m(Map.of("l", AttributeValue.l(AttributeValue.bool(true), AttributeValue.nul()))));
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[constants.length - 1];
    }
    if (c.isRecord()) {
      return depth > 3 ? null : sample(c, depth + 1);
    }
    throw new AssertionError("no sample for " + c);
  }
}
