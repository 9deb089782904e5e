package io.dynamo4j.junit;

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
    Map<String, EngineFactory> loaded = serviceLoaded();
    EngineFactory f = loaded.get(name);
    if (f != null) {
      return f;
    }
    if (name.indexOf('.') > 0) {
      return byClassName(name);
    }
    throw new ExtensionConfigurationException("No engine factory named \"" + name + "\"; the class path has "
        + loaded.keySet() + ". Add the engine's module to the test class path, list its factory in "
        + "META-INF/services/" + EngineFactory.class.getName() + ", or give the factory's class name");
  }

  private static Map<String, EngineFactory> serviceLoaded() {
    Map<String, EngineFactory> byName = new TreeMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = EngineFactories.class.getClassLoader();
    }
    try {
      for (EngineFactory f : ServiceLoader.load(EngineFactory.class, loader)) {
        byName.putIfAbsent(f.name(), f);
      }
    } catch (ServiceConfigurationError e) {
      throw new ExtensionConfigurationException("An engine factory listed in META-INF/services/"
          + EngineFactory.class.getName() + " could not be loaded: " + e.getMessage(), e);
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
