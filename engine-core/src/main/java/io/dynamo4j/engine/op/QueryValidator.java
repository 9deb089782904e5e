package io.dynamo4j.engine.op;

import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.engine.codec.ByteSink;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.expr.Condition;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.expr.KeyQuery;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's checks of a Query once its table is known, in the order DynamoDB Local reports them:
 * the index; the expressions (compiled here); key attributes read below their top level; ConsistentRead
 * on a global index; the key condition against the key schema (types, empty values, sort key
 * size); the ExclusiveStartKey (shape, then whether it lies within the key condition); filters on
 * key attributes and on attributes the index does not project; Select against the projection
 * parameters; a projection of attributes a global index lacks; Select ALL_ATTRIBUTES on a global
 * index that does not project everything. The result is the page to read.
 *
 * <p>Stateless and thread-safe.
 */
final class QueryValidator {

  private QueryValidator() {}

  /** Checks {@code request} and returns what to read. */
  static PageReader.Plan validate(EngineContext context, QueryRequest request, Table table, TableDefinition definition) {
    ReadTarget target = ReadTarget.of(table, definition, request.indexName(), context.now());
    ExpressionSet expressions = ExpressionSet.compile(ExpressionInputs.of(request));
    Condition filter = expressions.filter();
    target.checkScalarKeyPaths(expressions.projection(), filter);
    boolean consistent = Boolean.TRUE.equals(request.consistentRead());
    if (consistent && target.isGlobalIndex()) {
      throw Errors.consistentReadOnGlobalIndex();
    }
    KeySchema schema = target.keySchema();
    KeyQuery query = expressions.keyCondition().analyze(expressionSchema(schema));
    checkKeyValues(query, schema, target);
    byte[] start = null;
    if (request.exclusiveStartKey() != null) {
      start = target.startKey(request.exclusiveStartKey());
      checkStartWithinCondition(request.exclusiveStartKey(), query, schema);
    }
    if (filter != null) {
      List<String> keyNames = new ArrayList<>();
      for (KeyAttribute a : schema.attributes()) {
        keyNames.add(a.name());
      }
      filter.checkNoKeyAttributes(keyNames);
    }
    target.checkFilterProjected(filter);
    target.checkSelect(request.select(), request.projectionExpression() != null ? "ProjectionExpression"
        : request.attributesToGet() != null ? "AttributesToGet" : null);
    target.checkProjectionProjected(expressions.projection());
    target.checkAllAttributesAllowed(request.select());
    boolean reverse = Boolean.FALSE.equals(request.scanIndexForward());
    return new PageReader.Plan(target, range(schema, query), reverse, start,
        request.limit() == null ? 0 : request.limit(), filter, target.output(request.select(), expressions.projection()),
        expressions.projection(), consistent);
  }

  /** The key condition's view of a table or index key. */
  static io.dynamo4j.engine.expr.KeySchema expressionSchema(KeySchema schema) {
    List<io.dynamo4j.engine.expr.KeySchema.Attribute> partition = new ArrayList<>(schema.partition().size());
    for (KeyAttribute a : schema.partition()) {
      partition.add(new io.dynamo4j.engine.expr.KeySchema.Attribute(a.name(), a.type()));
    }
    List<io.dynamo4j.engine.expr.KeySchema.Attribute> sort = new ArrayList<>(schema.sort().size());
    for (KeyAttribute a : schema.sort()) {
      sort.add(new io.dynamo4j.engine.expr.KeySchema.Attribute(a.name(), a.type()));
    }
    return new io.dynamo4j.engine.expr.KeySchema(partition, sort);
  }

  /** Empty key values, and sort key values beyond DynamoDB's 1024 bytes. */
  private static void checkKeyValues(KeyQuery query, KeySchema schema, ReadTarget target) {
    KeySchema primary = target.definition().primaryKey();
    for (int i = 0; i < query.partitionValues().size(); i++) {
      checkNotEmpty(query.partitionValues().get(i), schema.partition().get(i), primary, target);
    }
    int equalitiesSize = 0;
    for (int i = 0; i < query.sortEqualities().size(); i++) {
      AttributeValue v = query.sortEqualities().get(i);
      checkNotEmpty(v, schema.sort().get(i), primary, target);
      equalitiesSize += keySize(v);
    }
    KeyQuery.Range range = query.range();
    if (range != null) {
      KeyAttribute attribute = schema.sort().get(query.sortEqualities().size());
      checkNotEmpty(range.value(), attribute, primary, target);
      if (range.upper() != null) {
        checkNotEmpty(range.upper(), attribute, primary, target);
      }
      if (equalitiesSize + keySize(range.value()) > 1024
          || (range.upper() != null && equalitiesSize + keySize(range.upper()) > 1024)) {
        throw Errors.sortKeyConditionTooLarge();
      }
    } else if (equalitiesSize > 1024) {
      throw Errors.sortKeyConditionTooLarge();
    }
  }

  private static void checkNotEmpty(AttributeValue v, KeyAttribute attribute, KeySchema primary, ReadTarget target) {
    if (ReadTarget.isEmpty(v)) {
      throw Errors.keyConditionEmptyValue(attribute.name(), v.type() == AttributeValue.Type.B,
          primary.contains(attribute.name()) ? null : target.index().name());
    }
  }

  /** A key value's size as DynamoDB limits it: the UTF-8 bytes of a string, the bytes of a binary, the number's size. */
  private static int keySize(AttributeValue v) {
    return v.sizeInBytes();
  }

  /**
   * An ExclusiveStartKey must satisfy the sort key condition and lie in the partition queried
   * (DynamoDB's wording depends on whether the query has a sort key condition).
   */
  private static void checkStartWithinCondition(Item start, KeyQuery query, KeySchema schema) {
    boolean sortCondition = !query.sortEqualities().isEmpty() || query.range() != null;
    if (sortCondition && !query.matchesSort(start)) {
      throw Errors.startKeyOutsideRange();
    }
    for (int i = 0; i < query.partitionValues().size(); i++) {
      if (!query.partitionValues().get(i).equals(start.get(schema.partition().get(i).name()))) {
        throw sortCondition ? Errors.startKeyCannotRestart() : Errors.startKeyOutsidePartition();
      }
    }
  }

  /**
   * The storage keys a key condition selects: the partition's prefix, extended by the encoded sort
   * equalities, then bounded by the range on the next sort attribute. Components are
   * self-delimiting, so every key whose component equals a value starts with that value's encoding
   * and the keys above it start at the prefix end of that encoding.
   */
  static KeyRange range(KeySchema schema, KeyQuery query) {
    byte[] partition = schema.partitionPrefix(query.partitionValues());
    ByteSink sink = new ByteSink(partition.length + 32);
    sink.put(partition);
    for (AttributeValue v : query.sortEqualities()) {
      KeyCodec.encode(v, sink);
    }
    byte[] prefix = sink.toByteArray();
    KeyQuery.Range range = query.range();
    if (range == null) {
      return KeyRange.halfOpen(prefix, KeyCodec.prefixEnd(prefix));
    }
    return switch (range.operator()) {
      case LT -> KeyRange.halfOpen(prefix, with(sink, range.value()));
      case LE -> KeyRange.halfOpen(prefix, KeyCodec.prefixEnd(with(sink, range.value())));
      case GT -> KeyRange.halfOpen(KeyCodec.prefixEnd(with(sink, range.value())), KeyCodec.prefixEnd(prefix));
      case GE -> KeyRange.halfOpen(with(sink, range.value()), KeyCodec.prefixEnd(prefix));
      case BETWEEN -> KeyRange.halfOpen(with(sink, range.value()), KeyCodec.prefixEnd(with(sink, range.upper())));
      case BEGINS_WITH -> {
        int mark = sink.size();
        KeyCodec.encodePrefix(range.value(), sink);
        byte[] from = sink.toByteArray();
        sink.truncate(mark);
        yield KeyRange.halfOpen(from, KeyCodec.prefixEnd(from));
      }
    };
  }

  /** The sink's bytes followed by {@code value}'s encoding; leaves the sink as it was. */
  private static byte[] with(ByteSink sink, AttributeValue value) {
    int mark = sink.size();
    KeyCodec.encode(value, sink);
    byte[] key = sink.toByteArray();
    sink.truncate(mark);
    return key;
  }
}
