package io.dynamo4j.server;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one server shares: the number of requests in progress and whether the
 * server is draining (answering what it has, closing connections after).
 *
 * <p>Thread-safe.
 */
final class ServerState {

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestEnded() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  boolean draining() {
    return draining;
  }

  void drain() {
    draining = true;
  }
}
