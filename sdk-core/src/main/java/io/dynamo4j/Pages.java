package io.dynamo4j;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The pages of a paginated operation ({@code Query}, {@code Scan}, {@code ListTables},
 * {@code ListBackups}, {@code ListStreams}), fetched lazily: iterating yields one response of
 * type {@code R} per call, and {@link #items()} yields the {@code T}s of every page in turn.
 *
 * <pre>{@code
 * for (Item order : client.queryPaginator(request).items()) { ... }
 * long big = client.scanPaginator(r -> r.tableName("Orders")).itemStream().filter(...).count();
 * }</pre>
 *
 * <p>Nothing is fetched when a {@code Pages} or one of its iterators or streams is created. A
 * page iterator fetches page {@code n} in its {@code n}-th {@code next()}; its {@code hasNext()}
 * fetches nothing, since whether there is a next page is known from the previous one (its
 * {@code LastEvaluatedKey}, {@code LastEvaluatedTableName}, ...). An item iterator's
 * {@code hasNext()} does fetch, as many pages as it takes to find an item or the end: a page may
 * be empty and still not be the last (a Scan whose filter removed everything it read, say).
 * Every page is fetched through the client, so with its retries.
 *
 * <p>Each iteration starts over from the first request and fetches afresh; a stream may be
 * consumed once, like every stream.
 *
 * <p>Immutable and thread-safe; its iterators are not thread-safe.
 *
 * @param <R> the response type, one per page
 * @param <T> the type of the items on a page
 */
public final class Pages<R, T> implements Iterable<R> {

  private final Iteration<?, R> iteration;
  private final Function<? super R, ? extends List<? extends T>> items;

  private Pages(Iteration<?, R> iteration, Function<? super R, ? extends List<? extends T>> items) {
    this.iteration = iteration;
    this.items = items;
  }

  /**
   * Pages that start with {@code first}.
   *
   * @param fetch performs one request
   * @param next the request for the page after {@code response}, or null if it was the last
   * @param items a page's items; a null list counts as empty
   */
  static <Q, R, T> Pages<R, T> of(
      Q first,
      Function<? super Q, ? extends R> fetch,
      BiFunction<? super Q, ? super R, ? extends Q> next,
      Function<? super R, ? extends List<? extends T>> items) {
    return new Pages<>(new Iteration<>(first, fetch, next), items);
  }

  /** The pages, from the first: each {@code next()} fetches one. */
  @Override
  public Iterator<R> iterator() {
    return iteration.start();
  }

  /** The items of every page, in order; {@code hasNext()} fetches pages until it finds one or the end. */
  public Iterable<T> items() {
    return () -> new ItemIterator<>(iterator(), items);
  }

  /** The pages as a sequential, ordered, lazy stream. */
  public Stream<R> stream() {
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        Spliterator.ORDERED | Spliterator.NONNULL,
        false);
  }

  /** The items of every page as a sequential, ordered, lazy stream. */
  public Stream<T> itemStream() {
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(items().iterator(), Spliterator.ORDERED),
        Spliterator.ORDERED,
        false);
  }

  /** The first request and how to get from one page to the next. */
  private record Iteration<Q, R>(
      Q first, Function<? super Q, ? extends R> fetch, BiFunction<? super Q, ? super R, ? extends Q> next) {

    Iterator<R> start() {
      return new Iterator<>() {
        private Q pending = first;

        @Override
        public boolean hasNext() {
          return pending != null;
        }

        @Override
        public R next() {
          if (pending == null) {
            throw new NoSuchElementException("no page after the last one");
          }
          Q request = pending;
          R response = fetch.apply(request);
          pending = next.apply(request, response);
          return response;
        }
      };
    }
  }

  /** Flattens pages into their items, skipping empty pages. */
  private static final class ItemIterator<R, T> implements Iterator<T> {
    private final Iterator<R> pages;
    private final Function<? super R, ? extends List<? extends T>> items;
    private Iterator<? extends T> current = Collections.emptyIterator();

    ItemIterator(Iterator<R> pages, Function<? super R, ? extends List<? extends T>> items) {
      this.pages = pages;
      this.items = items;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!pages.hasNext()) {
          return false;
        }
        List<? extends T> page = items.apply(pages.next());
        current = page == null ? Collections.emptyIterator() : page.iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no item after the last page");
      }
      return current.next();
    }
  }
}
