package io.dynamo4j.mapper;

import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.expr.AttributePath;
import io.dynamo4j.expr.ConditionExpression;
import io.dynamo4j.expr.Expressions;
import io.dynamo4j.expr.KeyConditionExpression;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A Query (from {@link MappedTable#query} or {@link MappedIndex#query}) or a Scan (from
 * {@code scan()}) of mapped items, built step by step and then run as pages, a stream or a list.
 *
 * <pre>{@code
 * Page<Order> first = orders.query("c-7").sortBeginsWith("2024-").pageSize(20).page();
 * Page<Order> second = orders.query("c-7").sortBeginsWith("2024-").pageSize(20).page(first.next());
 * Stream<Summary> s = orders.index("byStatus").query(Status.OPEN).project(Summary.class).limit(500).stream();
 * }</pre>
 *
 * <p>Sort key conditions name the sort key attributes in order: {@code sortEq} for each leading
 * attribute of a multi-attribute key, then at most one range condition. Values are the key
 * properties' Java types. {@link #pageSize} is DynamoDB's {@code Limit} per request;
 * {@link #limit} caps the items returned in all, across pages. A query of a subtype's table only
 * returns that subtype (a filter on the discriminator is added). Not thread-safe; runs are
 * independent, so one query may be run many times.
 *
 * @param <T> the type of the results
 */
public final class Query<T> {

  private final MappedTable<?> table;
  private final TableSchema.IndexModel index;
  private final TableSchema<T> results;
  private KeyConditionExpression key;
  private int sortUsed;
  private boolean ranged;
  private ConditionExpression filter;
  private Integer pageSize;
  private long limit = Long.MAX_VALUE;
  private boolean descending;
  private boolean consistentRead;
  private Integer segment;
  private Integer totalSegments;
  private boolean projected;

  @SuppressWarnings("unchecked")
  Query(MappedTable<?> table, TableSchema.IndexModel index, List<Object> partitionValues) {
    this.table = table;
    this.index = index;
    this.results = (TableSchema<T>) table.schema();
    if (partitionValues != null) {
      List<TableSchema.KeyAttribute> attributes = index == null || index.local()
          ? List.of(table.schema().partition) : index.partition();
      for (int i = 0; i < attributes.size(); i++) {
        TableSchema.KeyAttribute a = attributes.get(i);
        AttributeValue v = a.value(partitionValues.get(i));
        key = key == null ? KeyConditionExpression.partition(a.attribute(), v) : key.andPartition(a.attribute(), v);
      }
    }
  }

  private Query(Query<?> from, TableSchema<T> results) {
    this.table = from.table;
    this.index = from.index;
    this.results = results;
    this.key = from.key;
    this.sortUsed = from.sortUsed;
    this.ranged = from.ranged;
    this.filter = from.filter;
    this.pageSize = from.pageSize;
    this.limit = from.limit;
    this.descending = from.descending;
    this.consistentRead = from.consistentRead;
    this.segment = from.segment;
    this.totalSegments = from.totalSegments;
    this.projected = true;
  }

  // ---------------------------------------------------------------- key conditions

  private TableSchema.KeyAttribute nextSort(String method) {
    if (key == null) {
      throw new IllegalStateException(method + " on a scan: sort key conditions belong to queries");
    }
    if (ranged) {
      throw new IllegalStateException(method + " after a range condition: a query has at most one, on the last sort key attribute it names");
    }
    List<TableSchema.KeyAttribute> sorts = index == null ? (table.schema().sort == null ? List.of() : List.of(table.schema().sort))
        : index.sort();
    if (sortUsed >= sorts.size()) {
      throw new IllegalStateException(method + ": " + (index == null ? "the table" : "index \"" + index.name() + "\"")
          + " has " + (sorts.isEmpty() ? "no sort key" : "only " + sorts.size() + " sort key attribute(s)"));
    }
    return sorts.get(sortUsed++);
  }

  /** The next sort key attribute equals {@code value} (the leading attributes of a multi-attribute sort key). */
  public Query<T> sortEq(Object value) {
    TableSchema.KeyAttribute a = nextSort("sortEq");
    key = key.sortEq(a.attribute(), a.value(value));
    return this;
  }

  /** The sort key is less than {@code value}. */
  public Query<T> sortLt(Object value) {
    TableSchema.KeyAttribute a = range("sortLt");
    key = key.sortLt(a.attribute(), a.value(value));
    return this;
  }

  /** The sort key is at most {@code value}. */
  public Query<T> sortLe(Object value) {
    TableSchema.KeyAttribute a = range("sortLe");
    key = key.sortLe(a.attribute(), a.value(value));
    return this;
  }

  /** The sort key is greater than {@code value}. */
  public Query<T> sortGt(Object value) {
    TableSchema.KeyAttribute a = range("sortGt");
    key = key.sortGt(a.attribute(), a.value(value));
    return this;
  }

  /** The sort key is at least {@code value}. */
  public Query<T> sortGe(Object value) {
    TableSchema.KeyAttribute a = range("sortGe");
    key = key.sortGe(a.attribute(), a.value(value));
    return this;
  }

  /** The sort key is between {@code low} and {@code high}, both included. */
  public Query<T> sortBetween(Object low, Object high) {
    TableSchema.KeyAttribute a = range("sortBetween");
    key = key.sortBetween(a.attribute(), a.value(low), a.value(high));
    return this;
  }

  /** The (string or binary) sort key begins with {@code prefix}. */
  public Query<T> sortBeginsWith(Object prefix) {
    TableSchema.KeyAttribute a = range("sortBeginsWith");
    key = key.sortBeginsWith(a.attribute(), a.value(prefix));
    return this;
  }

  private TableSchema.KeyAttribute range(String method) {
    TableSchema.KeyAttribute a = nextSort(method);
    ranged = true;
    return a;
  }

  // ---------------------------------------------------------------- options

  /** Returns only the items for which {@code condition} holds (a FilterExpression, after reading). */
  public Query<T> filter(ConditionExpression condition) {
    this.filter = condition;
    return this;
  }

  /** Items read per request (DynamoDB's {@code Limit}); by default DynamoDB's 1 MB pages. */
  public Query<T> pageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
    }
    this.pageSize = pageSize;
    return this;
  }

  /** At most this many items in all, across pages. */
  public Query<T> limit(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
    }
    this.limit = limit;
    return this;
  }

  /** Sort key order descending (a query's {@code ScanIndexForward=false}). */
  public Query<T> descending() {
    this.descending = true;
    return this;
  }

  /** Strongly consistent reads (not on global secondary indexes). */
  public Query<T> consistentRead(boolean consistentRead) {
    this.consistentRead = consistentRead;
    return this;
  }

  /** Segment {@code segment} of a parallel scan in {@code totalSegments}. */
  public Query<T> segment(int segment, int totalSegments) {
    if (key != null) {
      throw new IllegalStateException("segment(...) on a query: only scans are split into segments");
    }
    this.segment = segment;
    this.totalSegments = totalSegments;
    return this;
  }

  /**
   * The same query, with results read into {@code projection}, a smaller mapped class: only its
   * attributes (and the keys) are read, by a ProjectionExpression derived from it.
   */
  public <P> Query<P> project(Class<P> projection) {
    return new Query<>(this, table.mapper().schema(projection));
  }

  // ---------------------------------------------------------------- running

  /** The first page. */
  public Page<T> page() {
    return page(null, limit);
  }

  /** The page that starts at {@code cursor} (null for the first). */
  public Page<T> page(Cursor cursor) {
    return page(cursor, limit);
  }

  private Page<T> page(Cursor cursor, long remaining) {
    if (remaining <= 0) {
      return new Page<>(List.of(), null);
    }
    Item start = cursor == null ? null : cursor.key();
    // Limit is the page size alone: with a filter, a Limit of the items still wanted would read
    // them in ever smaller requests. A page with more items than wanted is cut, and its cursor
    // then points after the last item returned.
    Integer requestLimit = pageSize;
    List<Item> items;
    Item last;
    Expressions.Builder e = Expressions.builder().keyCondition(key).filter(effectiveFilter());
    if (projected) {
      e.projection(table.projectionOf(results, table.keyAttributes(index)));
    }
    Expressions x = e.build();
    if (key != null) {
      QueryRequest.Builder b = QueryRequest.builder().tableName(table.tableName())
          .indexName(index == null ? null : index.name())
          .limit(requestLimit)
          .exclusiveStartKey(start)
          .scanIndexForward(descending ? Boolean.FALSE : null)
          .consistentRead(consistentRead ? Boolean.TRUE : null);
      QueryResponse r = table.client().query(x.applyTo(b).build());
      items = r.items();
      last = r.lastEvaluatedKey();
    } else {
      ScanRequest.Builder b = ScanRequest.builder().tableName(table.tableName())
          .indexName(index == null ? null : index.name())
          .limit(requestLimit)
          .exclusiveStartKey(start)
          .segment(segment)
          .totalSegments(totalSegments)
          .consistentRead(consistentRead ? Boolean.TRUE : null);
      ScanResponse r = table.client().scan(x.applyTo(b).build());
      items = r.items();
      last = r.lastEvaluatedKey();
    }
    if (items == null) {
      items = List.of();
    }
    Cursor next = last == null || last.isEmpty() ? null : Cursor.of(last);
    if (items.size() > remaining) {
      items = items.subList(0, (int) remaining);
      next = Cursor.of(keyOf(items.get(items.size() - 1)));
    }
    List<T> out = new ArrayList<>(items.size());
    for (Item item : items) {
      out.add(results.fromItem(item));
    }
    return new Page<>(out, next);
  }

  private Item keyOf(Item item) {
    Item.Builder b = Item.builder();
    for (String name : table.keyAttributes(index)) {
      AttributeValue v = item.get(name);
      if (v != null) {
        b.put(name, v);
      }
    }
    return b.build();
  }

  private ConditionExpression effectiveFilter() {
    Mapping<?> m = table.schema().mapping;
    if (m instanceof Mapping.Concrete<?> c && c.model.discriminatorName != null) {
      ConditionExpression own = ConditionExpression.eq(AttributePath.of(c.model.discriminatorName),
          AttributeValue.s(c.model.discriminatorValue));
      return filter == null ? own : ConditionExpression.and(filter, own);
    }
    return filter;
  }

  /** The pages, fetched lazily, until the last or until {@link #limit} items were returned. */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
      private Cursor cursor;
      private long remaining = limit;
      private boolean done = limit == 0;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Page<T> next() {
        if (done) {
          throw new NoSuchElementException("no page after the last");
        }
        Page<T> p = page(cursor, remaining);
        remaining -= p.items().size();
        cursor = p.next();
        done = cursor == null || remaining <= 0;
        return p;
      }
    };
  }

  /** The items of every page as a lazy, sequential stream. */
  public Stream<T> stream() {
    Iterator<Page<T>> pages = pages().iterator();
    Iterator<T> items = new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** Every item, read page by page into a list. */
  public List<T> list() {
    return stream().toList();
  }
}
