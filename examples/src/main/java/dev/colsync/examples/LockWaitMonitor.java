package dev.colsync.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Samples {@code pg_locks} every few milliseconds and records each wait in progress into the running
 * phase. A wait is seen at its age when sampled, so the longest one is measured to within the period.
 */
final class LockWaitMonitor implements AutoCloseable {
  static final Duration PERIOD = Duration.ofMillis(5);

  /** {@code waitstart} is there since PostgreSQL 14, the oldest version colsync supports. */
  private static final String WAITS = """
      SELECT a.application_name, (extract(epoch FROM clock_timestamp() - l.waitstart) * 1000000)::bigint
      FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE NOT l.granted AND l.waitstart IS NOT NULL AND a.datname = current_database()""";

  private final Connection connection;
  private final PhaseLog phases;
  private final String applicationPrefix;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile SQLException failure;

  /** Waits of sessions whose {@code application_name} starts with {@code applicationPrefix} count as the application's. */
  LockWaitMonitor(Connection connection, PhaseLog phases, String applicationPrefix) {
    this.connection = connection;
    this.phases = phases;
    this.applicationPrefix = applicationPrefix;
    this.thread = new Thread(this::run, "lock-wait-monitor");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    try (PreparedStatement waits = connection.prepareStatement(WAITS)) {
      while (!stopped) {
        try (ResultSet rows = waits.executeQuery()) {
          while (rows.next()) {
            String waiter = rows.getString(1);
            LockWait wait = new LockWait(Duration.ofNanos(rows.getLong(2) * 1000), waiter);
            phases.current().lockWait(wait, waiter.startsWith(applicationPrefix));
          }
        }
        Thread.sleep(PERIOD.toMillis());
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Why sampling stopped early, if it did: then the lock waits reported are incomplete. */
  SQLException failure() {
    return failure;
  }

  @Override
  public void close() throws SQLException {
    stopped = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
