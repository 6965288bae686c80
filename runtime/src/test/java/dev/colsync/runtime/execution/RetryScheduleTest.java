package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private final RetrySchedule schedule = new RetrySchedule(
      new ExecutionSettings.LockRetry(12, Duration.ofMillis(100), Duration.ofSeconds(2)), new SplittableRandom(7));

  @Test
  void eachDelayIsBetweenHalfAndAllOfAnExponentialBaseCappedAtTheMaximum() {
    long[] bases = {100, 200, 400, 800, 1600, 2000, 2000, 2000, 2000, 2000, 2000};
    for (int attempt = 2; attempt <= 12; attempt++) {
      long base = bases[attempt - 2];
      for (int draw = 0; draw < 200; draw++) {
        assertThat(schedule.delayBefore(attempt).toMillis()).as("attempt %d", attempt).isBetween(base / 2, base);
      }
    }
  }

  @Test
  void delaysAreJittered() {
    assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> schedule.delayBefore(5)).distinct().count())
        .isGreaterThan(10);
  }

  @Test
  void aHugeAttemptNumberStaysAtTheMaximum() {
    assertThat(schedule.delayBefore(10_000).toMillis()).isBetween(1000L, 2000L);
  }

  @Test
  void theFirstAttemptHasNoDelay() {
    assertThatThrownBy(() -> schedule.delayBefore(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
