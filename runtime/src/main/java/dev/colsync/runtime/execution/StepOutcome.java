package dev.colsync.runtime.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one step.
 *
 * @param phase the phase's id
 * @param step the step's name
 * @param action apply or rollback
 * @param result what happened
 * @param duration how long it took, lock retries included
 * @param attempts how many times it was started (more than one after lock timeouts or deadlocks)
 * @param detail a short note: rows changed by a backfill, an override, why it was skipped
 */
public record StepOutcome(
    String phase, String step, Action action, Result result, Duration duration, int attempts, String detail) {

  /** What happened to a step. */
  public enum Result {
    /** It ran and its work is committed. */
    DONE,
    /** It had been applied before; nothing ran. */
    ALREADY_DONE,
    /** A backfill stopped on a cancel request; its checkpoint is kept for the next run. */
    CANCELLED
  }

  public StepOutcome {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code phase/step}. */
  public String id() {
    return phase + "/" + step;
  }
}
