package io.dynamo4j.server;

import io.dynamo4j.server.protocol.DynamoProtocol;
import io.dynamo4j.spi.Engine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DynamoDB's HTTP endpoint over an {@link Engine}: every DynamoDB client (the AWS CLI, the AWS SDKs,
 * boto3, NoSQL Workbench, dynamodb-admin) can talk to it.
 *
 * <pre>{@code
 * try (LocalEngine engine = MemoryEngine.create();
 *      DynamoServer server = DynamoServer.builder().engine(engine).port(0).start()) {
 *   DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(server.endpoint()) ... .build();
 * }
 * }</pre>
 *
 * <p>HTTP/1.1 with keep-alive, answered by {@link DynamoProtocol} on the I/O threads (the engines
 * answer in microseconds; nothing waits on another thread). Bodies over the protocol's limit get
 * 413, requests not received completely within {@link Builder#requestTimeout} get 408, bytes that
 * are not HTTP get 400, each with DynamoDB's error shape; the server keeps serving. It opens no
 * connection of its own.
 *
 * <p>Thread-safe. {@link #close()} stops accepting, lets requests in progress finish (for up to
 * {@link Builder#shutdownGracePeriod}), closes every connection and then the protocol it built;
 * it never closes an engine or a protocol it was given.
 */
public final class DynamoServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DynamoServer.class.getName());

  private final DynamoProtocol protocol;
  private final boolean ownsProtocol;
  private final Duration requestTimeout;
  private final Duration idleTimeout;
  private final Duration shutdownGracePeriod;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final ChannelGroup connections;
  private final Channel listener;
  private final InetSocketAddress address;
  private final ServerState state = new ServerState();
  private final AtomicBoolean closed = new AtomicBoolean();

  private DynamoServer(Builder b) {
    this.ownsProtocol = b.protocol == null;
    this.protocol = ownsProtocol ? DynamoProtocol.of(b.engine) : b.protocol;
    this.requestTimeout = b.requestTimeout;
    this.idleTimeout = b.idleTimeout;
    this.shutdownGracePeriod = b.shutdownGracePeriod;
    this.acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("dynamo4j-accept"));
    this.workers = new NioEventLoopGroup(b.ioThreads, new DefaultThreadFactory("dynamo4j-io"));
    this.connections = new DefaultChannelGroup("dynamo4j-connections", GlobalEventExecutor.INSTANCE);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptor, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connections.add(ch);
            ConnectionHandler handler = new ConnectionHandler(protocol, requestTimeout, state);
            ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast("first-byte", handler.firstByteWatch())
                .addLast("http", new HttpServerCodec())
                .addLast("dynamo", handler);
          }
        });
    ChannelFuture bound = bootstrap.bind(b.host, b.port).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      if (ownsProtocol) {
        protocol.close();
      }
      Throwable cause = bound.cause();
      String where = "DynamoServer cannot listen on " + b.host + ":" + b.port + ": " + cause.getMessage();
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(where, io);
      }
      throw new IllegalStateException(where, cause);
    }
    this.listener = bound.channel();
    this.address = (InetSocketAddress) listener.localAddress();
  }

  /** A builder; set {@link Builder#engine} or {@link Builder#protocol}, then {@link Builder#start()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A server for {@code engine} on 127.0.0.1 and an ephemeral port, with the defaults. */
  public static DynamoServer start(Engine engine) {
    return builder().engine(engine).port(0).start();
  }

  /** The port the server listens on (the real one when it was started with port 0). */
  public int port() {
    return address.getPort();
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return address;
  }

  /** {@code http://host:port}, for {@code endpointOverride} and {@code --endpoint-url}. */
  public URI endpoint() {
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** The protocol this server answers with. */
  public DynamoProtocol protocol() {
    return protocol;
  }

  /**
   * Stops the server: no new connections, requests in progress finish (up to the grace period),
   * idle connections close, then every connection and the I/O threads. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    listener.close().syncUninterruptibly();
    state.drain();
    for (Channel ch : connections) {
      ConnectionHandler handler = ch.pipeline().get(ConnectionHandler.class);
      if (handler != null) {
        ch.eventLoop().execute(handler::closeIfIdle);
      }
    }
    long deadline = System.nanoTime() + shutdownGracePeriod.toNanos();
    while (state.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (state.inFlight() > 0) {
      LOG.log(System.Logger.Level.WARNING, state.inFlight() + " request(s) still in progress after the grace period; closing their connections");
    }
    connections.close().awaitUninterruptibly();
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (ownsProtocol) {
      protocol.close();
    }
  }

  /** Builds and starts a {@link DynamoServer}. Not thread-safe. */
  public static final class Builder {
    private Engine engine;
    private DynamoProtocol protocol;
    private String host = "127.0.0.1";
    private int port = 8000;
    private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofMinutes(5);
    private Duration shutdownGracePeriod = Duration.ofSeconds(10);

    private Builder() {}

    /** Serves {@code engine} to every access key, with the protocol's defaults. Never closed by the server. */
    public Builder engine(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      this.protocol = null;
      return this;
    }

    /** Serves with {@code protocol} (accounts, CORS, limits). Never closed by the server. */
    public Builder protocol(DynamoProtocol protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      this.engine = null;
      return this;
    }

    /** The address to listen on; default {@code 127.0.0.1}. {@code 0.0.0.0} listens on every interface. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; default 8000, as DynamoDB Local. 0 picks a free one (see {@link DynamoServer#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("DynamoServer.port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** The number of I/O threads, which also run the engine; default the number of cores (at least 2). */
    public Builder ioThreads(int ioThreads) {
      if (ioThreads < 1) {
        throw new IllegalArgumentException("DynamoServer.ioThreads must be positive: " + ioThreads);
      }
      this.ioThreads = ioThreads;
      return this;
    }

    /** How long a client may take to send one whole request once it started; default 60 s. Then 408. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /** How long a kept-alive connection may sit idle before the server closes it; default 5 min. */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive(idleTimeout, "idleTimeout");
      return this;
    }

    /** How long {@link DynamoServer#close()} waits for requests in progress; default 10 s. */
    public Builder shutdownGracePeriod(Duration shutdownGracePeriod) {
      if (shutdownGracePeriod.isNegative()) {
        throw new IllegalArgumentException("DynamoServer.shutdownGracePeriod must not be negative: " + shutdownGracePeriod);
      }
      this.shutdownGracePeriod = shutdownGracePeriod;
      return this;
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
     */
    public DynamoServer start() {
      if (engine == null && protocol == null) {
        throw new IllegalStateException("DynamoServer.builder(): set engine(...) or protocol(...) before start()");
      }
      return new DynamoServer(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("DynamoServer." + name + " must be positive: " + d);
      }
      return d;
    }
  }
}
