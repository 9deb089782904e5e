package io.dynamo4j.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.engine.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  @Test
  void every_onATestClock_runsWhenTheClockPassesEachInterval() {
    TestClock clock = new TestClock();
    try (Scheduler s = new Scheduler(clock)) {
      List<String> ran = new ArrayList<>();
      s.every("a", Duration.ofSeconds(10), () -> ran.add("a@" + clock.instant().getEpochSecond() % 100));
      clock.advance(Duration.ofSeconds(9));
      assertThat(ran).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      assertThat(ran).hasSize(1);
      clock.advance(Duration.ofSeconds(35)); // late: runs once, next an interval later
      assertThat(ran).hasSize(2);
      clock.advance(Duration.ofSeconds(9));
      assertThat(ran).hasSize(2);
      clock.advance(Duration.ofSeconds(1));
      assertThat(ran).hasSize(3);
    }
  }

  @Test
  void every_sameNameTwice_schedulesOnce() {
    TestClock clock = new TestClock();
    try (Scheduler s = new Scheduler(clock)) {
      AtomicInteger runs = new AtomicInteger();
      s.every("x", Duration.ofSeconds(1), runs::incrementAndGet);
      s.every("x", Duration.ofSeconds(1), runs::incrementAndGet);
      clock.advance(Duration.ofSeconds(1));
      assertThat(runs).hasValue(1);
      assertThat(s.has("x")).isTrue();
      assertThat(s.runNow("x")).isTrue();
      assertThat(s.runNow("y")).isFalse();
      assertThat(runs).hasValue(2);
    }
  }

  @Test
  void failingTask_doesNotStopTheOthers_andIsRethrown() {
    TestClock clock = new TestClock();
    try (Scheduler s = new Scheduler(clock)) {
      AtomicInteger runs = new AtomicInteger();
      s.every("bad", Duration.ofSeconds(1), () -> {
        throw new IllegalStateException("boom");
      });
      s.every("good", Duration.ofSeconds(1), runs::incrementAndGet);
      assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1))).hasMessage("boom");
      assertThat(runs).hasValue(1);
      assertThat(s.lastFailure()).hasMessage("boom");
    }
  }

  @Test
  void close_removesTheClockListener() {
    TestClock clock = new TestClock();
    AtomicInteger runs = new AtomicInteger();
    Scheduler s = new Scheduler(clock);
    s.every("a", Duration.ofSeconds(1), runs::incrementAndGet);
    s.close();
    clock.advance(Duration.ofSeconds(5));
    assertThat(runs).hasValue(0);
    assertThat(s.runDue()).isZero();
  }

  @Test
  void realClock_runsOnItsOwnThread() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    try (Scheduler s = new Scheduler(Clock.systemUTC())) {
      s.every("tick", Duration.ofMillis(20), runs::incrementAndGet);
      long end = System.currentTimeMillis() + 10_000;
      while (runs.get() < 3 && System.currentTimeMillis() < end) {
        Thread.sleep(5);
      }
    }
    assertThat(runs.get()).isGreaterThanOrEqualTo(3);
  }
}
