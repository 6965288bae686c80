package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlingPauseTest {
  private static final Duration BACKOFF = Duration.ofSeconds(1);

  @Test
  void aBatchThatMadeSomeoneWaitIsFollowedByAPauseAsLongAsItself() {
    assertThat(Throttling.lockWaitPause(Duration.ofMillis(120), BACKOFF)).isEqualTo(Duration.ofMillis(120));
  }

  @Test
  void theBackoffBoundsThePause() {
    assertThat(Throttling.lockWaitPause(Duration.ofSeconds(3), BACKOFF)).isEqualTo(BACKOFF);
  }

  @Test
  void aZeroBackoffMeansNoPause() {
    assertThat(Throttling.lockWaitPause(Duration.ofMillis(120), Duration.ZERO)).isZero();
  }
}
