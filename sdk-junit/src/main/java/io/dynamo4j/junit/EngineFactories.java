package io.dynamo4j.junit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Finds an {@link EngineFactory} by name: the built-in memory factory, then ServiceLoader's
 * factories (on the thread's context class loader, else this module's), then a class of that name.
 * Found factories are cached by name. Thread-safe.
 */
final class EngineFactories {

  private static final Map<String, EngineFactory> FOUND = new ConcurrentHashMap<>();

  private EngineFactories() {}

  static EngineFactory find(String name) {
    EngineFactory f = FOUND.get(name);
    if (f == null) {
      f = lookUp(name);
      EngineFactory previous = FOUND.putIfAbsent(name, f);
      if (previous != null) {
        f = previous;
      }
    }
    return f;
  }

  private static EngineFactory lookUp(String name) {
    if (name == null || name.isBlank()) {
      throw new ExtensionConfigurationException("@DynamoTest(engine = \"\"): name an engine factory, e.g. \""
          + MemoryEngineFactory.NAME + "\"");
    }
    if (name.equals(MemoryEngineFactory.NAME)) {
      return new MemoryEngineFactory();
    }
    List<String> broken = new ArrayList<>();
    Map<String, EngineFactory> loaded = serviceLoaded(broken);
    EngineFactory f = loaded.get(name);
    if (f != null) {
      return f;
    }
    if (name.indexOf('.') > 0) {
      return byClassName(name);
    }
    throw new ExtensionConfigurationException("No engine factory named \"" + name + "\"; the class path has "
        + loaded.keySet() + ". Add the engine's module to the test class path, list its factory in "
        + "META-INF/services/" + EngineFactory.class.getName() + ", or give the factory's class name"
        + (broken.isEmpty() ? "" : ". Listed factories that could not be made: " + broken));
  }

  /**
   * The factories ServiceLoader finds, by name. A listed factory that cannot be made (say, its
   * engine's module is missing) is skipped; why is kept for the error if no factory has the name.
   */
  private static Map<String, EngineFactory> serviceLoaded(List<String> broken) {
    Map<String, EngineFactory> byName = new TreeMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = EngineFactories.class.getClassLoader();
    }
    Iterator<EngineFactory> it = ServiceLoader.load(EngineFactory.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        EngineFactory f = it.next();
        byName.putIfAbsent(f.name(), f);
      } catch (ServiceConfigurationError | LinkageError e) {
        broken.add(e.toString());
      }
    }
    return byName;
  }

  private static EngineFactory byClassName(String className) {
    Class<?> type;
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      type = Class.forName(className, true, loader != null ? loader : EngineFactories.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExtensionConfigurationException("No engine factory named \"" + className + "\", and no class of that"
          + " name on the class path", e);
    }
    if (!EngineFactory.class.isAssignableFrom(type)) {
      throw new ExtensionConfigurationException(className + " is not an " + EngineFactory.class.getName()
          + "; @DynamoTest(engine = ...) takes a factory's name or the class name of an EngineFactory");
    }
    try {
      return (EngineFactory) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ExtensionConfigurationException(className + " could not be made through a public no-argument "
          + "constructor: " + e, e);
    }
  }
}
