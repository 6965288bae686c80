package dev.colsync.runtime.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Before a step that locks the table: waits, for a bounded time, while a maintenance operation holds the
 * table's SHARE UPDATE EXCLUSIVE lock (VACUUM, autovacuum, ANALYZE, CREATE INDEX CONCURRENTLY). Those do
 * not block the application, but a lock request queued behind one does: every client that touches the
 * table then waits behind the request until its lock timeout, and the attempt fails anyway when the
 * timeout is shorter than the time PostgreSQL lets an autovacuum block others (deadlock_timeout) or the
 * holder is not an autovacuum it would cancel.
 */
final class MaintenanceWait {
  static final Duration POLL = Duration.ofMillis(100);
  private static final String HOLDERS = "SELECT " + BlockingSession.COLUMNS
      + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
      + " WHERE l.locktype = 'relation' AND l.relation = pg_catalog.to_regclass(?) AND l.granted"
      + " AND l.mode = 'ShareUpdateExclusiveLock' AND l.pid <> ALL (?) ORDER BY a.pid";

  private MaintenanceWait() {}

  /** Whether {@code step} alters or locks {@code table} in one transaction: what a queued request would be. */
  static boolean locksTable(ExecutionStep step, QualifiedName table) {
    return step.runsInOneTransaction() && Pattern.compile(
        "(?i)\\b(ALTER|LOCK)\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?(ONLY\\s+)?" + Pattern.quote(table.quoted()))
        .matcher(step.sql()).find();
  }

  /**
   * Returns once no other session holds the lock, or after {@code atMost}; says once what it waits for.
   *
   * @return how long it waited
   */
  static Duration untilClear(Connection monitor, QualifiedName table, Collection<Integer> ownPids, Duration atMost,
      String step, ExecutionListener listener) throws SQLException {
    long start = System.nanoTime();
    boolean reported = false;
    while (true) {
      List<BlockingSession> holders = holders(monitor, table, ownPids);
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (holders.isEmpty()) {
        if (reported) {
          listener.notice(step + ": the maintenance operation is over after " + Progress.duration(waited)
              + "; taking the lock now");
        }
        return waited;
      }
      if (waited.compareTo(atMost) >= 0) {
        listener.notice(step + ": still held after " + Progress.duration(waited) + "; requesting the lock anyway");
        return waited;
      }
      if (!reported) {
        reported = true;
        listener.notice(step + ": waiting up to " + Progress.duration(atMost) + " before requesting the lock on "
            + table + ": a maintenance operation holds it (" + holders.stream().map(BlockingSession::toString)
                .collect(Collectors.joining("; ")) + "), and clients would queue behind the request");
      }
      StepRunner.sleep(POLL);
    }
  }

  private static List<BlockingSession> holders(Connection monitor, QualifiedName table, Collection<Integer> ownPids)
      throws SQLException {
    Array own = monitor.createArrayOf("int4", ownPids.toArray());
    return Jdbc.list(monitor, HOLDERS, BlockingSession::read, table.quoted(), own);
  }
}
