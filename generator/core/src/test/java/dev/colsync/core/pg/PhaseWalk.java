package dev.colsync.core.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Step;
import dev.colsync.runtime.sql.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Applying a phase the way the carried-object tests do: every script twice, and its rollback proven. */
final class PhaseWalk {
  private PhaseWalk() {}

  /** What the tests compare before and after: lines read from the catalog in a stable order. */
  interface Snapshot {
    List<String> take() throws SQLException;
  }

  /**
   * Applies {@code phase} twice; then, where it has a rollback, rolls it back twice and checks that
   * {@code snapshot} is as before the phase, and applies it twice again and checks it is as after.
   */
  static void applyAndRollBack(Connection admin, PhasePlan phase, Snapshot snapshot) throws SQLException {
    List<String> before = snapshot.take();
    applyTwice(admin, phase.steps());
    List<String> after = snapshot.take();
    if (!phase.rollback().isEmpty()) {
      applyTwice(admin, phase.rollback());
      assertThat(snapshot.take()).as("after rolling back %s", phase.phase().id()).containsExactlyElementsOf(before);
      applyTwice(admin, phase.steps());
      assertThat(snapshot.take()).as("after %s again", phase.phase().id()).containsExactlyElementsOf(after);
    }
  }

  /**
   * Runs each script twice in a row: every generated script must be safe to run again. A script that
   * could not take its locks in time changed nothing and is run again, as the runbook says.
   */
  static void applyTwice(Connection connection, List<Step> steps) throws SQLException {
    for (Step step : steps) {
      run(connection, step);
      run(connection, step);
    }
  }

  private static void run(Connection connection, Step step) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        ScriptRunner.run(connection, step.sql());
        return;
      } catch (SQLException e) {
        if (!LOCK_FAILURE.equals(e.getSQLState()) || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(10L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** {@code lock_not_available}: lock_timeout ran out, or NOWAIT found the lock taken. */
  private static final String LOCK_FAILURE = "55P03";
  private static final int MAX_ATTEMPTS = 50;
}
