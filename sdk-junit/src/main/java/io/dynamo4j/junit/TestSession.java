package io.dynamo4j.junit;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.spi.Engine;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * What one test (or, for {@link Lifecycle#PER_CLASS}, the class's {@code @BeforeAll} and
 * {@code @AfterAll} methods) sees of an engine: the engine behind its own {@link Faults}, a
 * {@link DynamoClient} and a {@link Mapper} over that, stream recorders, and SDK clients on
 * request. Closing it closes what it made, releases a shared engine's turn, and closes the engine
 * if the session owns it. Thread-safe.
 */
final class TestSession implements AutoCloseable {

  final EngineSession engineSession;
  final Faults faults;
  final FaultyEngine engine;
  final DynamoClient client;
  final Mapper mapper;
  private final boolean ownsEngine;
  private final boolean holdsTurn;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<StreamRecorder> recorders = new CopyOnWriteArrayList<>();
  private AwsSdkClients sdk;

  TestSession(EngineSession engineSession, boolean ownsEngine, boolean holdsTurn) {
    this.engineSession = engineSession;
    this.ownsEngine = ownsEngine;
    this.holdsTurn = holdsTurn;
    this.faults = new Faults(engineSession.clock);
    this.engine = new FaultyEngine(engineSession.engine, faults, this::capture);
    this.client = DynamoClient.create(engine);
    this.mapper = Mapper.builder().clock(engineSession.clock).build();
  }

  /** The mapped table of {@code type} (Mapper defines each accessor class once per JVM, under its own lock). */
  <T> io.dynamo4j.mapper.MappedTable<T> table(DynamoClient through, Class<T> type) {
    return mapper.table(through, type);
  }

  /** A client on the engine itself, without faults: for setup. */
  DynamoClient setupClient() {
    return DynamoClient.create(engineSession.engine);
  }

  /**
   * Lets the test's recorders read what a write just added, so that no record is lost to the
   * stream's 24-hour retention when the test later moves the clock far. A recorder that cannot read
   * now (its table was just deleted, say) reports that when the test asks it for records.
   */
  private void capture(List<String> tables) {
    for (StreamRecorder r : recorders) {
      if (!tables.isEmpty() && !tables.contains(r.tableName())) {
        continue;
      }
      try {
        r.records();
      } catch (DynamoException e) {
        // reported by the recorder when asked
      }
    }
  }

  /** Whether the extension can give a value of {@code type} (with {@code recordStream} if annotated so). */
  static boolean supports(Class<?> type, boolean recordStream) {
    return type == Engine.class || type == LocalEngine.class || type == DynamoClient.class || type == Mapper.class
        || type == MappedTable.class || type == TestClock.class || type == Faults.class
        || (type == StreamRecorder.class && recordStream) || AwsSdkClients.isClientType(type.getName());
  }

  /** The value of {@code type} for this test; {@code what} names the parameter or field in errors. */
  synchronized Object resolve(Class<?> type, Type generic, RecordStream recordStream, String what) {
    if (type == Engine.class) {
      return engine;
    } else if (type == LocalEngine.class) {
      if (engineSession.engine instanceof LocalEngine local) {
        return local;
      }
      throw new ParameterResolutionException(what + ": the engine is a " + engineSession.engine.getClass().getName()
          + ", not a LocalEngine; ask for an Engine");
    } else if (type == DynamoClient.class) {
      return client;
    } else if (type == Mapper.class) {
      return mapper;
    } else if (type == TestClock.class) {
      return engineSession.clock;
    } else if (type == Faults.class) {
      return faults;
    } else if (type == MappedTable.class) {
      return table(client, mappedType(generic, what));
    } else if (type == StreamRecorder.class) {
      StreamRecorder recorder = StreamRecorder.start(engineSession.engine, recordStream.value());
      recorders.add(recorder);
      return recorder;
    }
    String name = type.getName();
    String unavailable = AwsSdkClients.unavailable(name, type.getClassLoader());
    if (unavailable != null) {
      throw new ParameterResolutionException(what + ": " + unavailable);
    }
    if (sdk == null) {
      sdk = new AwsSdkClients(engine, "us-east-1");
      closeables.add(sdk);
    }
    return sdk.get(name);
  }

  private static Class<?> mappedType(Type generic, String what) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    throw new ParameterResolutionException(what + ": say which MappedTable, e.g. MappedTable<Order>, with a class"
        + " annotated @Table");
  }

  @Override
  public synchronized void close() {
    faults.clear();
    RuntimeException failure = null;
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Closing " + c + " failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    closeables.clear();
    try {
      if (ownsEngine) {
        engineSession.close();
      }
    } finally {
      if (holdsTurn) {
        engineSession.turn.release();
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
