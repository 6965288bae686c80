package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches, from a second connection, the lock waits around one backend while it works: either the
 * sessions that block it (who held the lock a step timed out on) or the sessions it blocks (whom a
 * backfill batch made wait). A lock wait is over by the time the worker learns of it, so it must be
 * seen while it lasts.
 */
final class SessionWatch implements AutoCloseable {
  private static final String BLOCKERS_OF = "SELECT " + BlockingSession.COLUMNS + " FROM pg_catalog.pg_stat_activity a"
      + " WHERE a.pid = ANY (pg_catalog.pg_blocking_pids(?)) ORDER BY a.pid";
  private static final String WAITING_ON = "SELECT " + BlockingSession.COLUMNS + " FROM pg_catalog.pg_stat_activity a"
      + " WHERE a.wait_event_type = 'Lock' AND ? = ANY (pg_catalog.pg_blocking_pids(a.pid)) ORDER BY a.pid";

  private final Connection monitor;
  private final String query;
  private final int pid;
  private final long intervalMillis;
  private final Thread thread;
  private final Map<Integer, BlockingSession> everSeen = new LinkedHashMap<>();
  private List<BlockingSession> lastSeen = List.of();
  private volatile boolean stopped;

  private SessionWatch(Connection monitor, String query, int pid, Duration interval) {
    this.monitor = monitor;
    this.query = query;
    this.pid = pid;
    this.intervalMillis = Math.max(1, interval.toMillis());
    this.thread = new Thread(this::watch, "colsync-session-watch-" + pid);
    this.thread.setDaemon(true);
  }

  /** Watches who blocks backend {@code pid}. */
  static SessionWatch blockersOf(Connection monitor, int pid, Duration interval) {
    return start(new SessionWatch(monitor, BLOCKERS_OF, pid, interval));
  }

  /** Watches who waits for a lock backend {@code pid} holds. */
  static SessionWatch waitingOn(Connection monitor, int pid, Duration interval) {
    return start(new SessionWatch(monitor, WAITING_ON, pid, interval));
  }

  private static SessionWatch start(SessionWatch watch) {
    watch.thread.start();
    return watch;
  }

  /** The sessions of the last sample that found any. */
  synchronized List<BlockingSession> lastSeen() {
    return lastSeen;
  }

  /** Every session seen in any sample, each as first seen. */
  synchronized List<BlockingSession> everSeen() {
    return List.copyOf(everSeen.values());
  }

  /** Stops watching and waits for the last sample to finish; safe to call twice. */
  void stop() {
    synchronized (this) {
      stopped = true;
      notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void watch() {
    while (!stopped) {
      try {
        List<BlockingSession> sample = Jdbc.list(monitor, query, BlockingSession::read, pid);
        record(sample);
        pause();
      } catch (SQLException e) {
        return; // the watch only adds detail; the work it watches reports its own failures
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits for the next sample, or less when stopped. */
  private synchronized void pause() throws InterruptedException {
    if (!stopped) {
      wait(intervalMillis);
    }
  }

  private synchronized void record(List<BlockingSession> sample) {
    if (!sample.isEmpty()) {
      lastSeen = sample;
      sample.forEach(session -> everSeen.putIfAbsent(session.pid(), session));
    }
  }
}
