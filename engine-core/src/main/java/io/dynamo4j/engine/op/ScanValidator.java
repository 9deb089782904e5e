package io.dynamo4j.engine.op;

import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import java.math.BigInteger;

/**
 * DynamoDB's checks of a Scan once its table is known, in the order DynamoDB Local reports them:
 * the index; ConsistentRead on a global index; the expressions (compiled here); the shape of the
 * ExclusiveStartKey; Select against the projection parameters and the index; Segment and
 * TotalSegments, then whether the ExclusiveStartKey lies in the segment; key attributes read below
 * their top level; filters and projections of attributes the index does not project. The result
 * is the page to read.
 *
 * <h2>Segments</h2>
 *
 * Storage keys start with a 64-bit hash of the partition key, so a scan walks hash order and
 * segment {@code i} of {@code n} is the {@code i}-th of {@code n} equal slices of the unsigned
 * hash space: from {@code floor(i * 2^64 / n)} inclusive to {@code floor((i + 1) * 2^64 / n)}
 * exclusive. The slices are disjoint and cover every key, so the segments of one scan together
 * return every item exactly once.
 *
 * <p>Stateless and thread-safe.
 */
final class ScanValidator {

  private static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(64);

  private ScanValidator() {}

  /** Checks {@code request} and returns what to read. */
  static PageReader.Plan validate(EngineContext context, ScanRequest request, Table table, TableDefinition definition) {
    ReadTarget target = ReadTarget.of(table, definition, request.indexName(), context.now());
    boolean consistent = Boolean.TRUE.equals(request.consistentRead());
    if (consistent && target.isGlobalIndex()) {
      throw Errors.consistentReadOnGlobalIndex();
    }
    ExpressionSet expressions = ExpressionSet.compile(ExpressionInputs.of(request));
    byte[] start = request.exclusiveStartKey() == null ? null : target.startKey(request.exclusiveStartKey());
    target.checkSelect(request.select(), request.projectionExpression() != null ? "ProjectionExpression"
        : request.attributesToGet() != null ? "AttributesToGet" : null);
    target.checkAllAttributesAllowed(request.select());
    KeyRange range = KeyRange.all();
    Integer segment = request.segment();
    Integer total = request.totalSegments();
    if (segment != null && total == null) {
      throw Errors.segmentWithoutTotal();
    }
    if (total != null) {
      if (segment == null) {
        throw Errors.totalWithoutSegment();
      }
      if (segment >= total) {
        throw Errors.segmentOutOfRange(segment, total);
      }
      range = segmentRange(segment, total);
      if (start != null && !range.contains(KeyCodec.hashPrefix(KeyCodec.getHash(start)))) {
        throw Errors.startKeyWrongSegment(total, segment);
      }
    }
    target.checkScalarKeyPaths(expressions.projection(), expressions.filter());
    target.checkFilterProjected(expressions.filter());
    target.checkProjectionProjected(expressions.projection());
    return new PageReader.Plan(target, range, false, start, request.limit() == null ? 0 : request.limit(),
        expressions.filter(), target.output(request.select(), expressions.projection()), expressions.projection(),
        consistent);
  }

  /** The first hash of segment {@code segment} of {@code total}, unsigned; {@code segment == total} gives 2^64. */
  static BigInteger segmentStart(int segment, int total) {
    return BigInteger.valueOf(segment).multiply(HASH_SPACE).divide(BigInteger.valueOf(total));
  }

  /** The storage keys of segment {@code segment} of {@code total}. */
  static KeyRange segmentRange(int segment, int total) {
    byte[] from = segment == 0 ? null : KeyCodec.hashPrefix(segmentStart(segment, total).longValue());
    byte[] to = segment + 1 == total ? null : KeyCodec.hashPrefix(segmentStart(segment + 1, total).longValue());
    return KeyRange.halfOpen(from, to);
  }
}
