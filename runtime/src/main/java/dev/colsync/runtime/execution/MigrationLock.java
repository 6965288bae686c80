package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A session-level advisory lock per migration: one colsync run of a migration at a time. PostgreSQL
 * releases it when the session ends, however it ends.
 */
final class MigrationLock {
  private static final long POLL_MILLIS = 100;

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
    long millis = wait.toMillis();
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
   * Tries again every {@value #POLL_MILLIS} ms until {@code millis} have passed. It polls rather than queue in
   * {@code pg_advisory_lock}: a statement waiting for the lock keeps a transaction open, and the run holding the
   * lock may be building an index CONCURRENTLY, which waits for every open transaction to end: a deadlock.
   */
  private static boolean lockWithin(Connection connection, long key, long millis) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!tryLock(connection, key)) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      try {
        Thread.sleep(Math.min(POLL_MILLIS, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
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
