package io.dynamo4j.engine.stream;

import io.dynamo4j.api.Record;
import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.error.TrimmedDataAccessException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The thread behind a {@link Subscription}: walks the stream's shards in lineage order (a shard
 * once its parent was read to its end), reads a batch at a time from the consumer's position,
 * hands it to the handler (retrying with backoff, then to the failure handler) and moves the
 * checkpoint. Waits on the stream's signal when there is nothing to read.
 *
 * <p>Checkpoints map shard ids to the next journal position to read; {@link #FINISHED} marks a
 * shard read to its end. They belong to the engine (per stream and consumer name) and outlive the
 * worker.
 *
 * <p>Thread-safe: the worker's state is confined to its thread; {@link #close} may be called from
 * any thread.
 */
final class SubscriptionWorker implements Subscription, Runnable {

  static final long FINISHED = Long.MAX_VALUE;
  private static final long IDLE_WAIT_MILLIS = 50;
  private static final long MAX_BATCH_BYTES = 6L << 20;

  private final Streams streams;
  private final LiveStream stream;
  private final Subscriber subscriber;
  private final ConcurrentHashMap<String, Long> checkpoints;
  private final Runnable onStop;
  private final Map<String, Long> pendingSince = new HashMap<>();
  private final Thread thread;
  private final Object sleeper = new Object();
  private volatile boolean running = true;

  SubscriptionWorker(Streams streams, LiveStream stream, Subscriber subscriber, ConcurrentHashMap<String, Long> checkpoints,
      Runnable onStop) {
    this.streams = streams;
    this.stream = stream;
    this.subscriber = subscriber;
    this.checkpoints = checkpoints;
    this.onStop = onStop;
    this.thread = new Thread(this, "dynamo4j-subscriber-" + subscriber.tableName() + "-" + subscriber.consumerName());
    this.thread.setDaemon(true);
  }

  LiveStream stream() {
    return stream;
  }

  /** Starts the thread; {@code latestPosition} is where LATEST starts open shards. */
  void start(long latestPosition) {
    boolean fresh = checkpoints.isEmpty();
    if (fresh && subscriber.startingPosition() == Subscriber.StartingPosition.LATEST) {
      for (StreamShard s : stream.shards) {
        checkpoints.put(s.id, s.isOpen() ? Math.max(s.startSequence, latestPosition) : FINISHED);
      }
    }
    thread.start();
  }

  @Override
  public void run() {
    try {
      while (running) {
        long seen = stream.version();
        boolean worked = false;
        boolean unfinished = false;
        long wait = IDLE_WAIT_MILLIS;
        List<StreamShard> shards = new ArrayList<>(stream.shards);
        for (StreamShard shard : shards) {
          if (!running) {
            return;
          }
          Long position = checkpoints.get(shard.id);
          if (position != null && position == FINISHED) {
            continue;
          }
          unfinished = true;
          if (!parentFinished(shard)) {
            continue;
          }
          long from = position == null ? shard.horizon() : position;
          Streams.Batch b;
          try {
            b = streams.read(stream, shard, from, subscriber.batchSize(), MAX_BATCH_BYTES);
          } catch (TrimmedDataAccessException e) {
            // The consumer fell more than 24 hours behind: go on from what is left.
            checkpoints.put(shard.id, shard.horizon());
            worked = true;
            continue;
          }
          if (b.records().isEmpty()) {
            if (b.end()) {
              checkpoints.put(shard.id, FINISHED);
              worked = true;
            }
            continue;
          }
          long windowMillis = subscriber.batchWindow().toMillis();
          if (b.records().size() < subscriber.batchSize() && !b.end() && windowMillis > 0) {
            long now = System.nanoTime();
            Long since = pendingSince.putIfAbsent(shard.id, now);
            long waited = since == null ? 0 : (now - since) / 1_000_000L;
            if (waited < windowMillis) {
              wait = Math.min(wait, Math.max(1, windowMillis - waited));
              continue;
            }
          }
          pendingSince.remove(shard.id);
          if (!deliver(b.records())) {
            return; // closed while retrying: the checkpoint stays before the batch
          }
          checkpoints.put(shard.id, b.end() ? FINISHED : b.next());
          worked = true;
        }
        if (!unfinished && !stream.isEnabled()) {
          return; // the stream was disabled and every shard read to its end
        }
        if (!worked) {
          stream.await(seen, wait);
        }
      }
    } catch (InterruptedException e) {
      // closing
    } finally {
      running = false;
      onStop.run();
    }
  }

  /** Whether {@code shard}'s parent (if the stream still has it) was read to its end. */
  private boolean parentFinished(StreamShard shard) {
    if (shard.parentId == null) {
      return true;
    }
    StreamShard parent = stream.shard(shard.parentId);
    if (parent == null) {
      return true;
    }
    Long p = checkpoints.get(parent.id);
    return p != null && p == FINISHED;
  }

  /** Hands {@code records} to the handler, with retries; false if the subscription closed meanwhile. */
  private boolean deliver(List<JournalRecord> records) throws InterruptedException {
    String region = streams.region();
    List<Record> batch = new ArrayList<>(records.size());
    for (JournalRecord r : records) {
      batch.add(StreamRecords.toRecord(stream, r, region));
    }
    List<Record> view = java.util.Collections.unmodifiableList(batch);
    long backoff = Math.max(0, subscriber.retryBackoff().toMillis());
    for (int attempt = 0; ; attempt++) {
      if (!running) {
        return false;
      }
      try {
        subscriber.handler().handle(view);
        return true;
      } catch (Exception e) {
        if (attempt >= subscriber.maxRetries()) {
          try {
            subscriber.onFailure().failed(view, e);
          } catch (RuntimeException ignored) {
            // the failure handler's own failure does not stop the consumer
          }
          return true;
        }
        long sleep = backoff << Math.min(attempt, 20);
        if (sleep > 0) {
          synchronized (sleeper) {
            if (running) {
              sleeper.wait(sleep);
            }
          }
        }
      }
    }
  }

  @Override
  public String tableName() {
    return subscriber.tableName();
  }

  @Override
  public String consumerName() {
    return subscriber.consumerName();
  }

  @Override
  public String streamArn() {
    return stream.arn;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void close() {
    running = false;
    stream.signal();
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
    if (Thread.currentThread() != thread && thread.isAlive()) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
