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

  @Test
  void theNiceSleepIsTheRatioTimesTheBatch() {
    assertThat(Throttling.niceSleep(Duration.ofMillis(120), 1.0)).isEqualTo(Duration.ofMillis(120));
    assertThat(Throttling.niceSleep(Duration.ofMillis(120), 0.5)).isEqualTo(Duration.ofMillis(60));
    assertThat(Throttling.niceSleep(Duration.ofMillis(120), 0)).isZero();
  }

  @Test
  void aNiceRatioOutsideZeroToAHundredIsRefused() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        new ExecutionSettings.Throttle(Duration.ofSeconds(1), 1, BACKOFF, BACKOFF, -0.5))
        .withMessage("the nice ratio must be between 0 and 100, not -0.5");
  }
}
