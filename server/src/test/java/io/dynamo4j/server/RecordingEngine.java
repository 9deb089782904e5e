package io.dynamo4j.server;

import io.dynamo4j.api.Operation;
import io.dynamo4j.spi.Engine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine that passes every call to a real one and records what the real one answered, in
 * process: the reference a test compares the AWS SDK's view with.
 */
final class RecordingEngine {

  /** One engine call: the operation, the request the engine got, and what it returned or threw. */
  record Call(Operation op, Object request, Object response, Throwable error) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Engine engine;

  RecordingEngine(Engine delegate) {
    this.engine = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> {
          Operation op = args != null && args.length == 1 ? operationOf(method.getName()) : null;
          try {
            Object result = method.invoke(delegate, args);
            if (op != null) {
              calls.add(new Call(op, args[0], result, null));
            }
            return result;
          } catch (InvocationTargetException e) {
            if (op != null) {
              calls.add(new Call(op, args[0], null, e.getCause()));
            }
            throw e.getCause();
          }
        });
  }

  Engine engine() {
    return engine;
  }

  /** Forgets the calls recorded so far. */
  void clear() {
    calls.clear();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  private static Operation operationOf(String method) {
    for (Operation op : Operation.values()) {
      String name = op.wireName();
      if ((Character.toLowerCase(name.charAt(0)) + name.substring(1)).equals(method)) {
        return op;
      }
    }
    return null;
  }
}
