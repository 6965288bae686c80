package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
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

  /** Takes the lock on {@code connection}, or refuses naming the session that holds it. */
  static void acquire(Connection connection, String migration) throws SQLException {
    long key = key(connection, migration);
    boolean acquired = Jdbc.first(connection, "SELECT pg_catalog.pg_try_advisory_lock(?)", row -> row.getBoolean(1),
        key).orElse(false);
    if (!acquired) {
      String holder = holder(connection, migration).map(pid -> " (backend pid " + pid + ")").orElse("");
      throw new ExecutionRefusedException("another colsync run of " + migration + " is in progress" + holder
          + "; wait for it to finish, or pause or cancel its backfill");
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
