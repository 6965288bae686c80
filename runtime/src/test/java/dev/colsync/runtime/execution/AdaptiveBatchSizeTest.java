package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveBatchSizeTest {
  private static final ExecutionSettings.BatchSizing SIZING =
      new ExecutionSettings.BatchSizing(10, 10_000, Duration.ofMillis(100));

  @Test
  void theFirstSizeIsThePlansClampedToTheBounds() {
    assertThat(new AdaptiveBatchSize(5_000, SIZING).current()).isEqualTo(5_000);
    assertThat(new AdaptiveBatchSize(1, SIZING).current()).isEqualTo(10);
    assertThat(new AdaptiveBatchSize(1_000_000, SIZING).current()).isEqualTo(10_000);
  }

  @Test
  void fastBatchesGrowAtMostOneAndAHalfFoldEach() {
    AdaptiveBatchSize size = new AdaptiveBatchSize(100, SIZING);
    size.record(100, Duration.ofMillis(1));
    assertThat(size.current()).isEqualTo(150);
    size.record(150, Duration.ofMillis(1));
    assertThat(size.current()).isEqualTo(225);
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
    AdaptiveBatchSize size = new AdaptiveBatchSize(4_000, SIZING);
    size.record(4_000, Duration.ofMillis(800));
    assertThat(size.current()).isEqualTo(500);
  }

  @Test
  void aSlightlySlowBatchShrinksGently() {
    AdaptiveBatchSize size = new AdaptiveBatchSize(1_000, SIZING);
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
}
