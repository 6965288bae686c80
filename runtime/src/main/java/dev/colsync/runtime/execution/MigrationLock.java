package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A session-level advisory lock per migration: one colsync run of a migration at a time. PostgreSQL
 * releases it when the session ends, however it ends.
 */
final class MigrationLock {
  private MigrationLock() {}

  static long key(Connection connection, String migration) throws SQLException {
    return Jdbc.first(connection, "SELECT pg_catalog.hashtextextended(?, 0)", row -> row.getLong(1),
        "colsync migration " + migration).orElseThrow();
  }

  /**
   * Takes the lock on {@code connection}, waiting at most {@code wait} while another session holds it (a run
   * finishing, or the session of a killed one the server has yet to end), or refuses naming that session.
   */
  static void acquire(Connection connection, String migration, Duration wait) throws SQLException {
    long key = key(connection, migration);
    // lock_timeout counts whole milliseconds, and 0 would wait for ever.
    long millis = Math.min(Integer.MAX_VALUE, wait.toMillis());
    if (!(millis == 0 ? tryLock(connection, key) : lockWithin(connection, key, millis))) {
      String holder = holder(connection, migration).map(pid -> " (backend pid " + pid + ")").orElse("");
      String waited = millis == 0 ? "" : ", still after " + millis + " ms";
      throw new ExecutionRefusedException("another colsync run of " + migration + " is in progress" + holder + waited
          + "; wait for it to finish, or pause or cancel its backfill");
    }
  }

  private static boolean tryLock(Connection connection, long key) throws SQLException {
    return Jdbc.first(connection, "SELECT pg_catalog.pg_try_advisory_lock(?)", row -> row.getBoolean(1), key)
        .orElse(false);
  }

  /**
   * Queues for the lock under a {@code lock_timeout} of {@code millis}, so it is taken the moment it is free. A
   * session-level advisory lock outlives the transaction it was taken in; the setting does not.
   */
  private static boolean lockWithin(Connection connection, long key, long millis) throws SQLException {
    try {
      return Jdbc.inTransaction(connection, c -> {
        Jdbc.execute(c, "SELECT pg_catalog.set_config('lock_timeout', ?, true)", millis + "ms");
        Jdbc.execute(c, "SELECT pg_catalog.pg_advisory_lock(?)", key);
        return true;
      });
    } catch (SQLException e) {
      if (LockFailures.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Releases the lock at once. Closing the connection releases it too, but only once the server
   * process has ended, a moment after the client let go: a run right after this one would be refused.
   */
  static void release(Connection connection, String migration) throws SQLException {
    Jdbc.execute(connection, "SELECT pg_catalog.pg_advisory_unlock(?)", key(connection, migration));
  }

  /** The backend holding {@code migration}'s lock, if any. */
  static Optional<Integer> holder(Connection connection, String migration) throws SQLException {
    long key = key(connection, migration);
    // An advisory lock on a bigint key keeps its high half in classid and its low half in objid.
    return Jdbc.first(connection,
        "SELECT pid FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            + " AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"
            + " AND ((classid::bigint << 32) | objid::bigint) = ?",
        row -> row.getInt(1), key);
  }
}
