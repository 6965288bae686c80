package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadSampleTest {
  private static final ExecutionSettings.Throttle LIMITS =
      new ExecutionSettings.Throttle(Duration.ofSeconds(5), 8, Duration.ofSeconds(1), Duration.ofMillis(100));

  @Test
  void aQuietDatabaseLetsTheBackfillGo() {
    assertThat(new LoadSample(8, 8, Optional.of("replica1"), Duration.ofSeconds(5)).reasonToWait(LIMITS)).isEmpty();
    assertThat(new LoadSample(0, 0, Optional.empty(), Duration.ZERO).reasonToWait(LIMITS)).isEmpty();
  }

  @Test
  void aLaggingStandbyIsNamed() {
    assertThat(new LoadSample(0, 0, Optional.of("replica1"), Duration.ofMillis(7_500)).reasonToWait(LIMITS))
        .contains("standby replica1 replays 7s behind, over the limit of 5s");
  }

  @Test
  void tooManyActiveSessions() {
    assertThat(new LoadSample(9, 9, Optional.empty(), Duration.ZERO).reasonToWait(LIMITS))
        .contains("9 other sessions are active in the database, over the limit of 8");
  }
}
