package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlScript;
import java.util.Objects;

/**
 * One script the executor runs as a unit.
 *
 * @param name short name, unique within its phase ({@code add-column})
 * @param sql the script; its first line decides how it runs (see {@link SqlScript#isNoTransaction})
 * @param kind whether the executor runs {@code sql} itself or does the same work with its backfill runner
 * @param appliedProbe a query of one boolean that is true when the step's work is in the database (applied by
 *     another runner: psql, Flyway, Liquibase); null when the catalog cannot tell
 */
public record ExecutionStep(String name, String sql, Kind kind, String appliedProbe) {

  public ExecutionStep(String name, String sql, Kind kind) {
    this(name, sql, kind, null);
  }

  /** Who does a step's work. */
  public enum Kind {
    /** The script runs as written, under the executor's lock timeout and retries. */
    SCRIPT,
    /**
     * The script calls the generated backfill procedure in direction {@code up}; the executor walks the
     * same checkpoint with its own adaptive, throttled runner instead. {@code sql} is what is audited.
     */
    BACKFILL_UP,
    /** The same in direction {@code down}: the old column is refilled from the new one. */
    BACKFILL_DOWN,
    /**
     * The script counts the rows that diverge, in one transaction, and records a passed check for
     * contract's gate; the executor's gate does the same work chunk by chunk before the phase instead.
     */
    CONVERGENCE_CHECK
  }

  public ExecutionStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a step needs a name");
    }
  }

  /** A script step. */
  public static ExecutionStep script(String name, String sql) {
    return new ExecutionStep(name, sql, Kind.SCRIPT);
  }

  /** The same step, recognised as applied when {@code probe} (a query of one boolean) is true. */
  public ExecutionStep withAppliedProbe(String probe) {
    return new ExecutionStep(name, sql, kind, probe);
  }

  /** Whether the script runs whole in one transaction (otherwise statement by statement in autocommit). */
  public boolean runsInOneTransaction() {
    return !SqlScript.isNoTransaction(sql);
  }

  boolean isBackfill() {
    return kind == Kind.BACKFILL_UP || kind == Kind.BACKFILL_DOWN;
  }
}
