package dev.colsync.core.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts set before every locking step.
 *
 * @param lock {@code lock_timeout}: how long a step may wait for its lock before giving up
 * @param statement {@code statement_timeout}: how long one statement may run
 */
public record Timeouts(Duration lock, Duration statement) {
  public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));

  public Timeouts {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(statement, "statement");
  }
}
