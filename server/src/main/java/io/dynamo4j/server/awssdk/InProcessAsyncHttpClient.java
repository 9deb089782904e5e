package io.dynamo4j.server.awssdk;

import io.dynamo4j.server.protocol.DynamoProtocol;
import io.dynamo4j.spi.Engine;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The asynchronous twin of {@link InProcessHttpClient}, for {@code DynamoDbAsyncClient} and the
 * asynchronous Enhanced Client: requests are answered in process, without a socket.
 *
 * <pre>{@code
 * DynamoDbAsyncClient ddb = DynamoDbAsyncClient.builder()
 *     .httpClient(InProcessAsyncHttpClient.create(engine))
 *     .endpointOverride(URI.create("http://dynamo4j.local"))
 *     ...
 *     .build();
 * }</pre>
 *
 * <p>By default the engine answers on the thread that delivers the request body (the caller's,
 * for the SDK's in-memory bodies): the memory engine answers in microseconds. Pass an executor to
 * answer elsewhere.
 *
 * <p>Thread-safe. {@link #close()} never closes the engine; it closes the protocol only if this
 * client created it.
 */
public final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {

  private final DynamoProtocol protocol;
  private final boolean ownsProtocol;
  private final Executor executor;

  private InProcessAsyncHttpClient(DynamoProtocol protocol, boolean ownsProtocol, Executor executor) {
    this.protocol = protocol;
    this.ownsProtocol = ownsProtocol;
    this.executor = executor;
  }

  /** A client answering from {@code engine}, shared by every access key. */
  public static InProcessAsyncHttpClient create(Engine engine) {
    return new InProcessAsyncHttpClient(DynamoProtocol.of(Objects.requireNonNull(engine, "engine")), true, Runnable::run);
  }

  /** A client answering through {@code protocol}. */
  public static InProcessAsyncHttpClient create(DynamoProtocol protocol) {
    return create(protocol, Runnable::run);
  }

  /** A client answering through {@code protocol} on {@code executor}. */
  public static InProcessAsyncHttpClient create(DynamoProtocol protocol, Executor executor) {
    return new InProcessAsyncHttpClient(Objects.requireNonNull(protocol, "protocol"), false,
        Objects.requireNonNull(executor, "executor"));
  }

  @Override
  public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    SdkAsyncHttpResponseHandler handler = request.responseHandler();
    request.requestContentPublisher().subscribe(new BodyCollector(protocol.maxRequestBytes(), body -> {
      try {
        executor.execute(() -> answer(request, body, handler, done));
      } catch (RuntimeException e) {
        fail(handler, done, e);
      }
    }, error -> fail(handler, done, error)));
    return done;
  }

  private void answer(AsyncExecuteRequest request, byte[] body, SdkAsyncHttpResponseHandler handler,
      CompletableFuture<Void> done) {
    DynamoProtocol.Response response;
    try {
      response = body == null
          ? protocol.transportFailure(DynamoProtocol.TransportFailure.REQUEST_TOO_LARGE)
          : protocol.handle(SdkExchange.toProtocol(request.request(), body));
      handler.onHeaders(SdkExchange.toSdk(response));
    } catch (RuntimeException e) {
      fail(handler, done, e);
      return;
    }
    handler.onStream(new OneBufferPublisher(response.body(), done));
  }

  private static void fail(SdkAsyncHttpResponseHandler handler, CompletableFuture<Void> done, Throwable error) {
    try {
      handler.onError(error);
    } finally {
      done.completeExceptionally(error);
    }
  }

  @Override
  public String clientName() {
    return "dynamo4j-in-process";
  }

  @Override
  public void close() {
    if (ownsProtocol) {
      protocol.close();
    }
  }

  /** Collects a request body; hands on null when it grows past the limit. Not thread-safe (signals are serial). */
  private static final class BodyCollector implements Subscriber<ByteBuffer> {
    private final int limit;
    private final java.util.function.Consumer<byte[]> onBody;
    private final java.util.function.Consumer<Throwable> onError;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Subscription subscription;
    private boolean finished;

    BodyCollector(int limit, java.util.function.Consumer<byte[]> onBody, java.util.function.Consumer<Throwable> onError) {
      this.limit = limit;
      this.onBody = onBody;
      this.onError = onError;
    }

    @Override
    public void onSubscribe(Subscription s) {
      this.subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
      if (finished) {
        return;
      }
      int n = buffer.remaining();
      if ((long) body.size() + n > limit) {
        finished = true;
        subscription.cancel();
        onBody.accept(null);
        return;
      }
      if (buffer.hasArray()) {
        body.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
        buffer.position(buffer.limit());
      } else {
        byte[] chunk = new byte[n];
        buffer.get(chunk);
        body.write(chunk, 0, n);
      }
    }

    @Override
    public void onError(Throwable t) {
      if (!finished) {
        finished = true;
        onError.accept(t);
      }
    }

    @Override
    public void onComplete() {
      if (!finished) {
        finished = true;
        onBody.accept(body.toByteArray());
      }
    }
  }

  /** Publishes one buffer to one subscriber, then completes {@code done}. */
  private static final class OneBufferPublisher implements Publisher<ByteBuffer> {
    private final byte[] body;
    private final CompletableFuture<Void> done;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    OneBufferPublisher(byte[] body, CompletableFuture<Void> done) {
      this.body = body;
      this.done = done;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
      Objects.requireNonNull(subscriber, "subscriber");
      if (!subscribed.compareAndSet(false, true)) {
        subscriber.onSubscribe(new Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
        subscriber.onError(new IllegalStateException("the response body can be subscribed to only once"));
        return;
      }
      AtomicBoolean emitted = new AtomicBoolean();
      subscriber.onSubscribe(new Subscription() {
        @Override
        public void request(long n) {
          if (!emitted.compareAndSet(false, true)) {
            return;
          }
          if (n <= 0) {
            subscriber.onError(new IllegalArgumentException("Reactive Streams §3.9: request(" + n + ") must be positive"));
            done.complete(null);
            return;
          }
          if (body.length > 0) {
            subscriber.onNext(ByteBuffer.wrap(body).asReadOnlyBuffer());
          }
          subscriber.onComplete();
          done.complete(null);
        }

        @Override
        public void cancel() {
          emitted.set(true);
          done.complete(null);
        }
      });
    }
  }
}
