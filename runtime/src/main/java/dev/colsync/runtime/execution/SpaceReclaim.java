package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs {@code VACUUM} on the backfilled table every so many changed rows (see {@link ExecutionSettings.Reclaim}),
 * between two batches, on the backfill's own session. {@code TRUNCATE false}: giving the table's end back to the
 * operating system would take an ACCESS EXCLUSIVE lock. A VACUUM that cannot get its lock within the plan's lock
 * timeout, or that this role may not run, is skipped with a notice: the backfill goes on, and autovacuum reclaims
 * later.
 */
final class SpaceReclaim {
  private final Connection connection;
  private final QualifiedName table;
  private final long interval;
  private final Duration lockTimeout;
  private final Duration statementTimeout;
  private final ExecutionListener listener;
  private long changedSinceLast;
  private boolean refused;

  SpaceReclaim(Connection connection, QualifiedName table, long interval, Duration lockTimeout,
      Duration statementTimeout, ExecutionListener listener) {
    this.connection = connection;
    this.table = table;
    this.interval = interval;
    this.lockTimeout = lockTimeout;
    this.statementTimeout = statementTimeout;
    this.listener = listener;
  }

  /** Counts a committed batch's rows; vacuums once enough have changed since the last time. */
  void afterBatch(long changed) throws SQLException {
    changedSinceLast += changed;
    if (refused || changedSinceLast < interval || !connection.getAutoCommit()) {
      return;
    }
    changedSinceLast = 0;
    Jdbc.execute(connection, "SELECT pg_catalog.set_config('lock_timeout', ?, false),"
        + " pg_catalog.set_config('statement_timeout', ?, false)", lockTimeout.toMillis() + "ms",
        statementTimeout.toMillis() + "ms");
    try (Statement statement = connection.createStatement()) {
      try {
        statement.execute("VACUUM (TRUNCATE false) " + table.quoted());
      } catch (SQLException failure) {
        boolean mayNot = "42501".equals(failure.getSQLState());
        refused = mayNot;
        listener.notice("backfill: VACUUM of " + table + " skipped (" + StepFailedException.firstLine(
            failure.getMessage()) + ")" + (mayNot ? "; only its owner may run it: autovacuum reclaims the space"
            + " later, the table grows meanwhile" : "; tried again later"));
      } finally {
        statement.execute("RESET lock_timeout; RESET statement_timeout");
      }
    }
  }
}
