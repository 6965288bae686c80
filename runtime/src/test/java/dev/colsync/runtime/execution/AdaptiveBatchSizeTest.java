package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveBatchSizeTest {
  private static final ExecutionSettings.BatchSizing SIZING =
      new ExecutionSettings.BatchSizing(10, 10_000, Duration.ofMillis(100));

  @Test
  void theFirstBatchProbesWithATenthOfThePlansSizeClampedToTheBounds() {
    assertThat(new AdaptiveBatchSize(5_000, SIZING).current()).isEqualTo(500);
    assertThat(new AdaptiveBatchSize(1, SIZING).current()).isEqualTo(10);
    assertThat(new AdaptiveBatchSize(1_000_000, SIZING).current()).isEqualTo(1_000);
  }

  @Test
  void aFixedSizeIsNotProbed() {
    AdaptiveBatchSize size = new AdaptiveBatchSize(5_000, ExecutionSettings.BatchSizing.fixed(40, Duration.ofMillis(100)));
    assertThat(size.current()).isEqualTo(40);
    size.record(40, Duration.ofMillis(1));
    assertThat(size.current()).isEqualTo(40);
  }

  @Test
  void theProbeSizesTheSecondBatchAtOnceButNoLargerThanThePlan() {
    AdaptiveBatchSize slow = new AdaptiveBatchSize(5_000, SIZING);
    slow.record(500, Duration.ofMillis(50)); // 100 µs per row: 1000 rows per 100 ms
    assertThat(slow.current()).isEqualTo(1_000);
    AdaptiveBatchSize fast = new AdaptiveBatchSize(5_000, SIZING);
    fast.record(500, Duration.ofMillis(2)); // would suggest 25 000
    assertThat(fast.current()).isEqualTo(5_000);
  }

  @Test
  void afterTheProbeFastBatchesGrowAtMostOneAndAHalfFoldEach() {
    AdaptiveBatchSize size = new AdaptiveBatchSize(1_000, SIZING);
    size.record(100, Duration.ofMillis(1));
    assertThat(size.current()).isEqualTo(1_000);
    size.record(1_000, Duration.ofMillis(1));
    assertThat(size.current()).isEqualTo(1_500);
    size.record(1_500, Duration.ofMillis(1));
    assertThat(size.current()).isEqualTo(2_250);
  }

  @Test
  void itSettlesWhereABatchTakesTheTarget() {
    AdaptiveBatchSize size = new AdaptiveBatchSize(100, SIZING);
    for (int i = 0; i < 40; i++) {
      int rows = size.current();
      size.record(rows, Duration.ofNanos(rows * 50_000L)); // 50 µs per row: 2000 rows per 100 ms
    }
    assertThat(size.current()).isBetween(1_950, 2_050);
  }

  @Test
  void anOutlierShrinksTheNextBatchAtOnce() {
    AdaptiveBatchSize size = probed(4_000);
    size.record(4_000, Duration.ofMillis(800));
    assertThat(size.current()).isEqualTo(500);
  }

  @Test
  void aBatchOfOneAndAHalfTimesTheTargetCountsAsAnOutlier() {
    AdaptiveBatchSize size = probed(3_000);
    size.record(3_000, Duration.ofMillis(150));
    assertThat(size.current()).isEqualTo(2_000);
  }

  @Test
  void aSlightlySlowBatchShrinksGently() {
    AdaptiveBatchSize size = probed(1_000);
    size.record(1_000, Duration.ofMillis(125));
    assertThat(size.current()).isEqualTo(900);
  }

  @Test
  void neverBelowTheMinimum() {
    AdaptiveBatchSize size = new AdaptiveBatchSize(20, SIZING);
    size.record(20, Duration.ofSeconds(30));
    size.halve();
    assertThat(size.current()).isEqualTo(10);
  }

  /** A sizing past its probe, at {@code rows}: the probe took exactly the target. */
  private static AdaptiveBatchSize probed(int rows) {
    AdaptiveBatchSize size = new AdaptiveBatchSize(rows, SIZING);
    size.record(size.current(), Duration.ofNanos(SIZING.target().toNanos() * size.current() / rows));
    assertThat(size.current()).isEqualTo(rows);
    return size;
  }
}
