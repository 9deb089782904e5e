package io.dynamo4j.server.protocol;

import io.dynamo4j.api.Operation;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.InternalServerError;
import io.dynamo4j.error.SerializationException;
import io.dynamo4j.error.UnknownOperationException;
import io.dynamo4j.json.WireCodec;
import io.dynamo4j.spi.Engine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * DynamoDB's HTTP JSON protocol (AWS JSON 1.0) over {@link Engine}s, independent of any transport:
 * one {@link Request} in, one {@link Response} out. The Netty server and the in-process AWS SDK
 * HTTP clients both hand their requests here, so a request answered over a socket and the same
 * request answered in process are byte for byte the same (apart from the request id).
 *
 * <p>What it does, in DynamoDB's order: {@code POST} with {@code X-Amz-Target:
 * DynamoDB_20120810.<Operation>} or {@code DynamoDBStreams_20120810.<Operation>} and a JSON body
 * ({@code application/x-amz-json-1.0} or {@code application/json}) dispatches to the operation of
 * the engine; the {@code Authorization} header must be a SigV4 header (its signature is not checked,
 * as DynamoDB Local does not) and its access key id names the account; {@code Content-Encoding: gzip}
 * bodies are inflated; responses of 4 KB and more are compressed when {@code Accept-Encoding} asks
 * for gzip or deflate, as DynamoDB does; every response carries {@code x-amzn-RequestId} and {@code
 * x-amz-crc32} (the CRC32 of the body as sent). {@code GET} answers DynamoDB's health check, {@code
 * OPTIONS} answers CORS preflights.
 *
 * <p>Errors are DynamoDB's: {@code {"__type": ..., "message": ...}} with DynamoDB's HTTP status. An
 * engine that throws {@link UnsupportedOperationException} (an operation or feature it does not
 * implement yet) is answered with 400 {@code UnknownOperationException} and the engine's message,
 * as DynamoDB Local answers operations it lacks; any other exception that is not a {@link
 * DynamoException} is a bug and is answered with 500 {@code InternalServerError} (and logged).
 * Client mistakes are never answered with 5xx.
 *
 * <p>Thread-safe: any number of threads may call {@link #handle} at once. {@link #close()} closes
 * the engines this protocol created through an account factory, never an engine it was given.
 */
public final class DynamoProtocol implements AutoCloseable {

  /** DynamoDB's limit on a request body: 16 MB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  /** Responses of at least this many bytes are compressed when the client accepts it, as DynamoDB does. */
  static final int COMPRESSION_THRESHOLD = 4096;

  static final String JSON_1_0 = "application/x-amz-json-1.0";
  static final String JSON = "application/json";
  static final String INTERNAL_ERROR_MESSAGE = "The server encountered an internal error trying to fulfill the request.";
  private static final byte[] UNKNOWN_OPERATION_XML = "<UnknownOperationException/>\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_BODY = new byte[0];
  private static final System.Logger LOG = System.getLogger(DynamoProtocol.class.getName());

  private final Engine sharedEngine;
  private final Function<String, ? extends Engine> accountEngines;
  private final Map<String, Engine> engines = new ConcurrentHashMap<>();
  private final Cors cors;
  private final int maxRequestBytes;
  private final byte[] healthBody;
  private volatile boolean closed;

  private DynamoProtocol(Builder b) {
    this.sharedEngine = b.engine;
    this.accountEngines = b.accountEngines;
    this.cors = new Cors(b.corsOrigins);
    this.maxRequestBytes = b.maxRequestBytes;
    this.healthBody = ("healthy: dynamodb." + b.region + ".amazonaws.com ").getBytes(StandardCharsets.US_ASCII);
  }

  /** The protocol over one engine shared by every access key, with the defaults. */
  public static DynamoProtocol of(Engine engine) {
    return builder().engine(engine).build();
  }

  /** A builder; set {@link Builder#engine} or {@link Builder#accountEngines}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The largest request body accepted, after gzip inflation; larger ones get 413. */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /** Answers one HTTP request. Never throws for anything the request contains. */
  public Response handle(Request request) {
    String requestId = RequestIds.next();
    try {
      return dispatch(request, requestId);
    } catch (DynamoException e) {
      return error(request, requestId, e, e.statusCode());
    } catch (RuntimeException | StackOverflowError e) {
      // A bug outside the engine (the codec writing a response, say): still an answer, not a dropped connection.
      LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
      return error(request, requestId, new InternalServerError(INTERNAL_ERROR_MESSAGE), 500);
    }
  }

  /**
   * The answer to a request the transport could not deliver whole: DynamoDB's error shape, a
   * request id and the CRC, with the failure's status. The connection should be closed after it.
   */
  public Response transportFailure(TransportFailure failure) {
    DynamoException e = switch (failure) {
      case REQUEST_TOO_LARGE -> ProtocolErrors.requestTooLarge(maxRequestBytes);
      case REQUEST_TIMEOUT -> ProtocolErrors.requestTimeout();
      case MALFORMED_HTTP -> ProtocolErrors.malformedHttp();
    };
    return error(null, RequestIds.next(), e, e.statusCode());
  }

  private Response dispatch(Request request, String requestId) {
    switch (request.method()) {
      case "POST":
        break;
      case "GET":
        return respond(request, requestId, 200, "text/plain", healthBody, false);
      case "HEAD":
        return respond(request, requestId, 200, "text/plain", NO_BODY, false);
      case "OPTIONS":
        return preflight(request, requestId);
      default:
        return respond(request, requestId, 404, "text/plain", UNKNOWN_OPERATION_XML, false);
    }
    byte[] body = request.body();
    String mediaType = mediaType(request.header("Content-Type"));
    if (body.length > 0 && !JSON_1_0.equals(mediaType) && !JSON.equals(mediaType)) {
      // DynamoDB answers a body of any other type as if the path did not exist.
      return respond(request, requestId, 404, "text/plain", UNKNOWN_OPERATION_XML, false);
    }
    Operation op = Operation.fromTarget(request.header("X-Amz-Target"));
    if (op == null) {
      throw new UnknownOperationException(null);
    }
    String accessKeyId = Authorization.accessKeyId(request.header("Authorization"),
        request.header("X-Amz-Date") != null || request.header("Date") != null);
    body = Encodings.decodeRequest(request.header("Content-Encoding"), body, maxRequestBytes);
    if (body.length == 0) {
      throw new SerializationException(null);
    }
    Object input = read(op, body);
    Object output = invoke(op, engineFor(accessKeyId), input);
    // TagResource and UntagResource have no output shape: DynamoDB sends an empty body.
    byte[] json = op == Operation.TAG_RESOURCE || op == Operation.UNTAG_RESOURCE
        ? NO_BODY : WireCodec.writeResponse(op, output);
    return respond(request, requestId, 200, JSON.equals(mediaType) ? JSON : JSON_1_0, json, true);
  }

  private static Object read(Operation op, byte[] body) {
    try {
      return WireCodec.readRequest(op, body);
    } catch (DynamoException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // The codec promises DynamoDB errors only; whatever else escapes it is still the client's input.
      LOG.log(System.Logger.Level.WARNING, "unexpected exception reading a " + op.wireName() + " request", e);
      throw new SerializationException("Unable to read the request body: " + e);
    }
  }

  private static Object invoke(Operation op, Engine engine, Object input) {
    try {
      return op.invoke(engine, input);
    } catch (DynamoException e) {
      throw e;
    } catch (UnsupportedOperationException e) {
      throw new UnknownOperationException(e.getMessage() != null ? e.getMessage() : op.wireName() + " is not implemented yet");
    } catch (VirtualMachineError e) {
      if (!(e instanceof StackOverflowError)) {
        throw e;
      }
      LOG.log(System.Logger.Level.ERROR, op.wireName() + " failed", e);
      throw new InternalServerError(INTERNAL_ERROR_MESSAGE);
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, op.wireName() + " failed", e);
      throw new InternalServerError(INTERNAL_ERROR_MESSAGE);
    }
  }

  private Engine engineFor(String accessKeyId) {
    if (closed) {
      throw ProtocolErrors.shuttingDown();
    }
    if (sharedEngine != null) {
      return sharedEngine;
    }
    return engines.computeIfAbsent(accessKeyId, key -> Objects.requireNonNull(accountEngines.apply(key),
        "DynamoProtocol.accountEngines returned null for an access key"));
  }

  private Response preflight(Request request, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    cors.preflight(request, headers);
    headers.put("x-amz-crc32", "0");
    return new Response(200, headers, NO_BODY);
  }

  private Response error(Request request, String requestId, DynamoException e, int status) {
    return respond(request, requestId, status, JSON_1_0, WireCodec.writeError(e), true);
  }

  private Response respond(Request request, String requestId, int status, String contentType, byte[] body,
      boolean compressible) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("Content-Type", contentType);
    if (compressible && request != null && body.length >= COMPRESSION_THRESHOLD) {
      String encoding = Encodings.negotiate(request.header("Accept-Encoding"));
      if (encoding != null) {
        body = Encodings.encode(encoding, body);
        headers.put("Content-Encoding", encoding);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    headers.put("x-amz-crc32", Long.toString(crc.getValue()));
    if (request != null) {
      cors.simple(request, headers);
    }
    return new Response(status, headers, body);
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Stops answering operations (they get 503 from now on) and closes the engines created through
   * {@link Builder#accountEngines}. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    List<Engine> created = new ArrayList<>(engines.values());
    engines.clear();
    for (Engine engine : created) {
      engine.close();
    }
  }

  /** The failures a transport reports instead of a request. Immutable. */
  public enum TransportFailure {
    /** The body is larger than {@link #maxRequestBytes()}: 413. */
    REQUEST_TOO_LARGE,
    /** The client did not send the whole request in time: 408. */
    REQUEST_TIMEOUT,
    /** The bytes received are not HTTP/1.1: 400. */
    MALFORMED_HTTP
  }

  /**
   * One HTTP request: method, path, headers (looked up case-insensitively) and the body as received.
   *
   * <p>Immutable if the header lookup is; the body array is not copied.
   */
  public static final class Request {
    private final String method;
    private final String path;
    private final Function<String, String> headers;
    private final byte[] body;

    private Request(String method, String path, Function<String, String> headers, byte[] body) {
      this.method = Objects.requireNonNull(method, "method");
      this.path = path == null ? "/" : path;
      this.headers = Objects.requireNonNull(headers, "headers");
      this.body = body == null ? NO_BODY : body;
    }

    /**
     * A request whose headers are read through {@code headers}: a case-insensitive lookup of the
     * first value of a header, returning null when it is absent.
     */
    public static Request of(String method, String path, Function<String, String> headers, byte[] body) {
      return new Request(method, path, headers, body);
    }

    /** A request with these headers (names compared case-insensitively). */
    public static Request of(String method, String path, Map<String, String> headers, byte[] body) {
      Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(headers);
      return new Request(method, path, Collections.unmodifiableMap(copy)::get, body);
    }

    /** The HTTP method, e.g. {@code POST}. */
    public String method() {
      return method;
    }

    /** The request target's path, e.g. {@code /}. DynamoDB ignores it. */
    public String path() {
      return path;
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      return headers.apply(name);
    }

    /** The body as received (possibly gzip-encoded). */
    public byte[] body() {
      return body;
    }
  }

  /**
   * One HTTP response: status, headers in the order to send them, and the body as to be sent
   * (already compressed when {@code Content-Encoding} says so). The transport adds {@code
   * Content-Length} and its connection headers.
   *
   * <p>Immutable apart from the body array, which callers must not modify.
   */
  public static final class Response {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    Response(int status, Map<String, String> headers, byte[] body) {
      this.status = status;
      this.headers = Collections.unmodifiableMap(headers);
      this.body = body;
    }

    /** The HTTP status code. */
    public int status() {
      return status;
    }

    /** The headers, in order. */
    public Map<String, String> headers() {
      return headers;
    }

    /** The value of header {@code name} (exact spelling as in {@link #headers()}), or null. */
    public String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }

    /** The body as to be sent. */
    public byte[] body() {
      return body;
    }
  }

  /** Builds a {@link DynamoProtocol}. Not thread-safe. */
  public static final class Builder {
    private Engine engine;
    private Function<String, ? extends Engine> accountEngines;
    private List<String> corsOrigins = List.of("*");
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private String region = "us-east-1";

    private Builder() {}

    /** Serves every access key from {@code engine}. The protocol never closes it. */
    public Builder engine(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      this.accountEngines = null;
      return this;
    }

    /**
     * Gives every access key id its own engine, created by {@code factory} on the key's first
     * request, so two keys see separate tables. {@link DynamoProtocol#close()} closes them.
     */
    public Builder accountEngines(Function<String, ? extends Engine> factory) {
      this.accountEngines = Objects.requireNonNull(factory, "factory");
      this.engine = null;
      return this;
    }

    /**
     * The origins browsers may call from: {@code "*"} for any (the default, as DynamoDB Local),
     * none to send no CORS headers at all.
     */
    public Builder corsOrigins(String... origins) {
      for (String o : origins) {
        if (o == null || o.isBlank()) {
          throw new IllegalArgumentException("DynamoProtocol.corsOrigins: an origin is empty; pass no origins to turn CORS off");
        }
      }
      this.corsOrigins = List.of(origins);
      return this;
    }

    /** The largest request body, after inflation; default 16 MB as DynamoDB. */
    public Builder maxRequestBytes(int maxRequestBytes) {
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException("DynamoProtocol.maxRequestBytes must be positive: " + maxRequestBytes);
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /** The region named in the health check answer; default {@code us-east-1}. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The protocol. */
    public DynamoProtocol build() {
      if (engine == null && accountEngines == null) {
        throw new IllegalStateException("DynamoProtocol.builder(): set engine(...) or accountEngines(...)");
      }
      return new DynamoProtocol(this);
    }
  }
}
