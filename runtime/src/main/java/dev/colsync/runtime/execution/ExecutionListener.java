package dev.colsync.runtime.execution;

import java.time.Duration;

/**
 * What the executor tells about its work as it goes. Every method has an empty default; the listener
 * runs on the executor's thread and must return quickly. {@link #logging()} writes everything to
 * {@link System.Logger}.
 */
public interface ExecutionListener {

  default void stepStarted(String phase, String step, Action action) {}

  default void stepFinished(StepOutcome outcome) {}

  /** A step failed to get a lock in time (or deadlocked) and will be tried again. */
  default void lockRetry(LockRetryEvent event) {}

  /** After each backfill batch. */
  default void backfillProgress(BackfillProgress progress) {}

  /** The backfill stopped before its next batch, for {@code reason}; called again when the reason changes. */
  default void backfillPaused(String reason) {}

  /** The backfill goes on after a pause of {@code pausedFor}. */
  default void backfillResumed(Duration pausedFor) {}

  /** Something worth knowing that is not an error: an INVALID index dropped, a changed script. */
  default void notice(String message) {}

  /** A listener that logs every event through {@link System.Logger} ({@code dev.colsync.runtime.execution}). */
  static ExecutionListener logging() {
    return new LoggingListener();
  }
}
