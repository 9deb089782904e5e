package io.dynamo4j.server;

import io.dynamo4j.server.protocol.DynamoProtocol;
import io.dynamo4j.server.protocol.DynamoProtocol.TransportFailure;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's requests: assembles each request's body (up to the protocol's limit), hands the
 * request to {@link DynamoProtocol} and writes the answer.
 *
 * <p>A request's clock starts at its first byte (a watch placed before the HTTP decoder sees it),
 * so a client that trickles its headers or body is cut off at the request timeout with 408, like
 * one that stops sending. After a 400, 413 or 408 of the transport the connection takes no more
 * requests (the client's framing can no longer be trusted): the server half-closes it and drops
 * what else arrives until the client closes.
 *
 * <p>Not thread-safe: one instance per connection, used only on the connection's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

  private static final byte[] EMPTY = new byte[0];
  private static final int INITIAL_BODY_BYTES = 64 * 1024;
  private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());

  private final DynamoProtocol protocol;
  private final long requestTimeoutNanos;
  private final ServerState server;
  private ChannelHandlerContext context;

  private ScheduledFuture<?> deadline;
  private boolean requestOpen;
  private HttpRequest head;
  private byte[] body = EMPTY;
  private int length;
  private boolean discarding;

  ConnectionHandler(DynamoProtocol protocol, Duration requestTimeout, ServerState server) {
    this.protocol = protocol;
    this.requestTimeoutNanos = requestTimeout.toNanos();
    this.server = server;
  }

  /** The handler to place before the HTTP decoder: starts the request clock at a request's first byte. */
  ChannelInboundHandlerAdapter firstByteWatch() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
          armDeadline(ctx);
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.context = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpRequest request) {
        begin(ctx, request);
      }
      if (msg instanceof HttpContent content) {
        append(ctx, content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void begin(ChannelHandlerContext ctx, HttpRequest request) {
    if (discarding) {
      return;
    }
    if (!requestOpen) {
      requestOpen = true;
      server.requestStarted();
    }
    if (request.decoderResult().isFailure()) {
      fail(ctx, TransportFailure.MALFORMED_HTTP);
      return;
    }
    armDeadline(ctx);
    head = request;
    length = 0;
    long declared = HttpUtil.getContentLength(request, -1L);
    if (declared > protocol.maxRequestBytes()) {
      // With Expect: 100-continue the client waits for us and sends nothing more.
      fail(ctx, TransportFailure.REQUEST_TOO_LARGE);
      return;
    }
    // Allocate as the bytes arrive: a declared length is a promise, not a reason to reserve 16 MB.
    body = declared == 0 ? EMPTY : new byte[(int) Math.min(declared > 0 ? declared : 1024, INITIAL_BODY_BYTES)];
    if (HttpUtil.is100ContinueExpected(request)) {
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
  }

  private void append(ChannelHandlerContext ctx, HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    if (discarding) {
      return;
    }
    if (head == null) {
      return;
    }
    if (content.decoderResult().isFailure()) {
      fail(ctx, TransportFailure.MALFORMED_HTTP);
      return;
    }
    ByteBuf data = content.content();
    int n = data.readableBytes();
    if (n > 0) {
      if ((long) length + n > protocol.maxRequestBytes()) {
        fail(ctx, TransportFailure.REQUEST_TOO_LARGE);
        return;
      }
      if (length + n > body.length) {
        body = Arrays.copyOf(body, (int) Math.min(protocol.maxRequestBytes(), Math.max((long) length + n, body.length * 2L)));
      }
      data.readBytes(body, length, n);
      length += n;
    }
    if (last) {
      dispatch(ctx);
    }
  }

  private void dispatch(ChannelHandlerContext ctx) {
    cancelDeadline();
    HttpRequest request = head;
    byte[] received = length == body.length ? body : Arrays.copyOf(body, length);
    head = null;
    body = EMPTY;
    DynamoProtocol.Response response = protocol.handle(DynamoProtocol.Request.of(
        request.method().name(), path(request.uri()), request.headers()::get, received));
    boolean keepAlive = HttpUtil.isKeepAlive(request) && !server.draining();
    ChannelFuture written = write(ctx, response, keepAlive, request.method() == HttpMethod.HEAD);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
    end();
  }

  /** Answers with {@code failure} and stops reading requests from this connection. */
  private void fail(ChannelHandlerContext ctx, TransportFailure failure) {
    cancelDeadline();
    head = null;
    body = EMPTY;
    discarding = true;
    write(ctx, protocol.transportFailure(failure), false, false).addListener(f -> linger(ctx));
    end();
  }

  /**
   * Half-closes after a failure: the answer is followed by FIN, and whatever the client still sends
   * is read and dropped until it closes (or the request timeout passes). Closing at once would make
   * the kernel answer the client's next bytes with a reset, which can destroy the answer unread.
   */
  private void linger(ChannelHandlerContext ctx) {
    if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
      duplex.shutdownOutput();
      armDeadline(ctx);
    } else {
      ctx.close();
    }
  }

  private void timedOut() {
    deadline = null;
    if (context == null || !context.channel().isActive()) {
      return;
    }
    if (discarding) {
      context.close();
      return;
    }
    if (!requestOpen) {
      requestOpen = true;
      server.requestStarted();
    }
    fail(context, TransportFailure.REQUEST_TIMEOUT);
  }

  private ChannelFuture write(ChannelHandlerContext ctx, DynamoProtocol.Response response, boolean keepAlive,
      boolean head) {
    byte[] bytes = response.body();
    FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(response.status()), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      out.headers().set(h.getKey(), h.getValue());
    }
    out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    if (!keepAlive) {
      out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return ctx.writeAndFlush(out);
  }

  private void end() {
    if (requestOpen) {
      requestOpen = false;
      server.requestEnded();
    }
  }

  /** Starts the current request's clock unless it runs already. */
  private void armDeadline(ChannelHandlerContext ctx) {
    if (deadline == null) {
      deadline = ctx.executor().schedule(this::timedOut, requestTimeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  /** Closes the connection unless a request is in progress (used when the server drains). */
  void closeIfIdle() {
    if (!requestOpen && context != null) {
      context.close();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && !requestOpen) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelDeadline();
    end();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Mostly connections reset by clients; the request, if any, has no one left to answer.
    LOG.log(System.Logger.Level.DEBUG, "connection " + ctx.channel().remoteAddress() + " failed", cause);
    ctx.close();
  }

  private static String path(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }
}
