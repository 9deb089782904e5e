package io.dynamo4j.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link DynamoTest}: makes engines (a fresh in-memory one per test
 * unless the test says otherwise), creates the declared tables, loads {@link Fixture}s, installs
 * {@link InjectFault}s, and fills in the parameters and fields listed on {@link DynamoTest}.
 * Without {@code @DynamoTest} ({@code @ExtendWith(DynamoExtension.class)}) it uses the defaults:
 * a fresh memory engine per test, no tables; {@link #builder()} configures it in code instead, for
 * {@code @RegisterExtension}.
 *
 * <h2>Order of events</h2>
 *
 * Before each test, in this order: the engine is made (or taken: {@link Lifecycle}), the declared
 * tables are created and the class's fixtures loaded (once per class with
 * {@link Lifecycle#PER_CLASS}), the test method's fixtures are loaded, the declared faults are
 * installed, and the test instance's fields are filled in; then the test's {@code @BeforeEach}
 * methods run. After the test and its {@code @AfterEach} methods, the test's clients close, its
 * faults go, and a per-test engine closes.
 *
 * <h2>Parallel execution</h2>
 *
 * Safe under JUnit's parallel execution: each test has its own engine (by default), client,
 * mapper, faults and recorders; tests on a {@link Lifecycle#PER_RUN} engine take turns.
 *
 * <p>Immutable (all state lives in JUnit's extension stores) and thread-safe.
 */
public final class DynamoExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamoExtension.class);
  private static final String CLASS_ENGINE = "class-engine";
  private static final String SESSION = "session";
  /**
   * Fields this extension filled in: filled in again for every test (a test instance that lives
   * for its class keeps its fields), where a field the test set itself is left alone.
   */
  private static final Set<Field> INJECTED = ConcurrentHashMap.newKeySet();

  /** What the builder set, or null: then each test class's {@link DynamoTest} (or the defaults) says. */
  private final Settings configured;

  /** The extension ({@code @ExtendWith} and {@link DynamoTest} call this). */
  public DynamoExtension() {
    this.configured = null;
  }

  private DynamoExtension(Settings configured) {
    this.configured = configured;
  }

  /**
   * A builder of an extension configured in code, for {@code @RegisterExtension} on a static field
   * (in place of {@link DynamoTest}, whose attributes its methods mirror):
   *
   * <pre>{@code
   * @RegisterExtension
   * static DynamoExtension dynamo = DynamoExtension.builder().tables(Order.class).throttling(true).build();
   * }</pre>
   */
  public static Builder builder() {
    return new Builder();
  }

  private Settings settings(Class<?> testClass) {
    return configured != null ? configured : Settings.of(testClass);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Settings settings = settings(testClass);
    if (settings.lifecycle() != Lifecycle.PER_CLASS) {
      return;
    }
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    EngineSession engine = EngineSession.start(settings);
    store.put(CLASS_ENGINE, engine);
    TestSession classSession = new TestSession(engine, false, false);
    store.put(SESSION, classSession);
    TableSetup.createTables(classSession.setupClient(), classSession, settings, testClass);
    TableSetup.loadFixtures(classSession.setupClient(), classFixtures(testClass), testClass);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    Class<?> testClass = context.getRequiredTestClass();
    Settings settings = settings(testClass);
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    TestSession session;
    switch (settings.lifecycle()) {
      case PER_TEST -> {
        session = new TestSession(EngineSession.start(settings), true, false);
        store.put(SESSION, session);
        TableSetup.createTables(session.setupClient(), session, settings, testClass);
        TableSetup.loadFixtures(session.setupClient(), classFixtures(testClass), testClass);
      }
      case PER_CLASS -> {
        EngineSession engine = classEngine(context, settings);
        session = new TestSession(engine, false, false);
        store.put(SESSION, session);
      }
      case PER_RUN -> {
        EngineSession engine = context.getRoot().getStore(NAMESPACE)
            .getOrComputeIfAbsent(settings.sharedKey(), k -> EngineSession.start(settings), EngineSession.class);
        engine.turn.acquireUninterruptibly();
        session = new TestSession(engine, false, true);
        store.put(SESSION, session);
        TableSetup.dropAll(session.setupClient());
        TableSetup.createTables(session.setupClient(), session, settings, testClass);
        TableSetup.loadFixtures(session.setupClient(), classFixtures(testClass), testClass);
      }
      default -> throw new AssertionError(settings.lifecycle());
    }
    context.getTestMethod().ifPresent(m ->
        TableSetup.loadFixtures(session.setupClient(), AnnotationSupport.findRepeatableAnnotations(m, Fixture.class),
            testClass));
    for (InjectFault f : AnnotationSupport.findRepeatableAnnotations(testClass, InjectFault.class)) {
      session.faults.install(f);
    }
    context.getTestMethod().ifPresent(m -> {
      for (InjectFault f : AnnotationSupport.findRepeatableAnnotations(m, InjectFault.class)) {
        session.faults.install(f);
      }
    });
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      injectFields(instance, session);
    }
  }

  /** The engine made in {@code beforeAll} for this class (or, for a nested class, an enclosing one). */
  private static EngineSession classEngine(ExtensionContext context, Settings settings) {
    EngineSession engine = context.getStore(NAMESPACE).get(CLASS_ENGINE, EngineSession.class);
    if (engine == null) {
      throw new ExtensionConfigurationException("Lifecycle.PER_CLASS: no engine was made for "
          + context.getRequiredTestClass().getName() + " before its tests; register DynamoExtension on the class "
          + "(with @DynamoTest or @ExtendWith), not on a method");
    }
    return engine;
  }

  private static List<Fixture> classFixtures(Class<?> testClass) {
    List<Fixture> all = new ArrayList<>();
    List<Class<?>> outerFirst = new ArrayList<>();
    for (Class<?> c = testClass; c != null; c = Settings.enclosingInstanceClass(c)) {
      outerFirst.add(0, c);
    }
    for (Class<?> c : outerFirst) {
      all.addAll(AnnotationSupport.findRepeatableAnnotations(c, Fixture.class));
    }
    return all;
  }

  private static void injectFields(Object instance, TestSession session) throws IllegalAccessException {
    for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int mods = f.getModifiers();
        RecordStream recordStream = f.getAnnotation(RecordStream.class);
        if (Modifier.isStatic(mods) || Modifier.isFinal(mods) || f.isSynthetic()
            || !TestSession.supports(f.getType(), recordStream != null)) {
          continue;
        }
        f.setAccessible(true);
        if (INJECTED.contains(f) || f.get(instance) == null) {
          INJECTED.add(f);
          f.set(instance, session.resolve(f.getType(), f.getGenericType(), recordStream,
              "Field " + c.getSimpleName() + "." + f.getName()));
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter p = parameterContext.getParameter();
    return TestSession.supports(p.getType(), parameterContext.isAnnotated(RecordStream.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter p = parameterContext.getParameter();
    String what = "Parameter " + p.getName() + " of " + parameterContext.getDeclaringExecutable().getName();
    TestSession session = extensionContext.getStore(NAMESPACE).get(SESSION, TestSession.class);
    if (session == null) {
      throw new ParameterResolutionException(what + ": there is no engine here yet. An engine exists from before each"
          + " test's @BeforeEach methods to after its @AfterEach methods, and for @BeforeAll/@AfterAll only with"
          + " @DynamoTest(lifecycle = Lifecycle.PER_CLASS); constructors cannot receive it");
    }
    Optional<RecordStream> recordStream = parameterContext.findAnnotation(RecordStream.class);
    return session.resolve(p.getType(), p.getParameterizedType(), recordStream.orElse(null), what);
  }

  /** Builds a {@link DynamoExtension} configured in code; starts from {@link DynamoTest}'s defaults. Not thread-safe. */
  public static final class Builder {
    private Lifecycle lifecycle = Settings.DEFAULTS.lifecycle();
    private String engine = Settings.DEFAULTS.engine();
    private final List<Class<?>> tables = new ArrayList<>();
    private final List<String> tableDefinitions = new ArrayList<>();
    private boolean throttling;
    private Instant clockStart = Settings.DEFAULT_START;

    private Builder() {}

    /** See {@link DynamoTest#lifecycle()}. */
    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /** See {@link DynamoTest#engine()}. */
    public Builder engine(String engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** See {@link DynamoTest#tables()}; adds to those given before. */
    public Builder tables(Class<?>... tables) {
      this.tables.addAll(List.of(tables));
      return this;
    }

    /** See {@link DynamoTest#tableDefinitions()}; adds to those given before. */
    public Builder tableDefinitions(String... resources) {
      this.tableDefinitions.addAll(List.of(resources));
      return this;
    }

    /** See {@link DynamoTest#throttling()}. */
    public Builder throttling(boolean throttling) {
      this.throttling = throttling;
      return this;
    }

    /** See {@link DynamoTest#clockStart()}. */
    public Builder clockStart(Instant start) {
      this.clockStart = Objects.requireNonNull(start, "start");
      return this;
    }

    /** The extension. */
    public DynamoExtension build() {
      return new DynamoExtension(new Settings(lifecycle, engine, List.copyOf(tables), List.copyOf(tableDefinitions),
          throttling, clockStart));
    }
  }
}
