package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The connections of one run: {@code work} runs the steps and batches; {@code monitor} watches the
 * work connection's lock waits and the database's load from outside its transactions.
 */
final class Session implements AutoCloseable {
  final ConnectionSource source;
  final Connection work;
  final int workPid;
  final Connection monitor;
  final int monitorPid;
  final Actor actor;
  /** Whether the process asked this run to stop at its next safe point ({@link MigrationExecutor#requestStop}). */
  final BooleanSupplier stopRequested;
  private final String migration;
  private boolean locked;

  private Session(ConnectionSource source, Connection work, int workPid, Connection monitor, int monitorPid,
      Actor actor, String migration, BooleanSupplier stopRequested) {
    this.migration = migration;
    this.stopRequested = stopRequested;
    this.source = source;
    this.work = work;
    this.workPid = workPid;
    this.monitor = monitor;
    this.monitorPid = monitorPid;
    this.actor = actor;
  }

  static Session open(ConnectionSource source, String migration, BooleanSupplier stopRequested)
      throws SQLException {
    Connection work = source.open();
    Connection monitor = null;
    try {
      work.setAutoCommit(true);
      DirectConnection.require(work);
      int workPid = identify(work, "colsync " + migration);
      monitor = source.open();
      monitor.setAutoCommit(true);
      int monitorPid = identify(monitor, "colsync " + migration + " monitor");
      return new Session(source, work, workPid, monitor, monitorPid, Actor.of(work), migration, stopRequested);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(monitor, e);
      closeQuietly(work, e);
      throw e;
    }
  }

  /**
   * Makes this the one colsync run of its migration, waiting at most {@code wait} for a run that holds it, or
   * refuses (see {@link MigrationLock}).
   */
  void lockMigration(Duration wait) throws SQLException {
    MigrationLock.acquire(work, migration, wait);
    locked = true;
  }

  /**
   * Names the session in {@code pg_stat_activity}, has the server end its statements soon after this process
   * ends, and returns its backend pid.
   */
  private static int identify(Connection connection, String applicationName) throws SQLException {
    DeadClientCheck.enable(connection);
    return Jdbc.first(connection, "SELECT pg_catalog.pg_backend_pid(), pg_catalog.set_config('application_name', ?, false)",
        row -> row.getInt(1), applicationName).orElseThrow();
  }

  /** The work connection if it still answers, otherwise a new one (the caller closes it if it differs). */
  Connection usableWork() throws SQLException {
    return work.isValid(2) ? work : source.open();
  }

  /** Releases the migration's lock and closes both connections; a connection already gone is no failure. */
  @Override
  public void close() {
    if (locked) {
      try {
        MigrationLock.release(work, migration);
      } catch (SQLException e) {
        // the connection is gone, and its lock with it
      }
    }
    for (Connection connection : new Connection[] {monitor, work}) {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing left to release
      }
    }
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
