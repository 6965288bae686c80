package dev.colsync.spring.boot;

import java.time.Instant;
import java.util.Map;

/** Where the background runner's work stands, by migration; kept apart from the runner, which needs colsync-core. */
public interface RunnerStandings {
  /** Where one migration's run stands. */
  enum State { WAITING, RUNNING, DONE, FAILED, STOPPED }

  /** One migration's run: its state, the phase, what it said, and the backfill's rows so far of its estimate. */
  record Standing(State state, String phase, String message, long rowsDone, long rowsEstimated, Instant updatedAt) {}

  Map<String, Standing> standings();

  /** Lock timeouts and deadlocks the runner's steps retried, since start. */
  long lockRetries();

  /** Rows the runner's backfills changed, since start. */
  long rowsChanged();
}
