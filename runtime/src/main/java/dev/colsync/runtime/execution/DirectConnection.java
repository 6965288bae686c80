package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.ConnectionPooler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The executor runs only on PostgreSQL's own sessions. Its migration lock is a session-level advisory lock, and
 * a run's settings are session settings: under transaction pooling each transaction may run on another server
 * session, and other clients' transactions on the one that holds the lock.
 */
final class DirectConnection {
  private DirectConnection() {}

  /** Refuses, before anything has run, when {@code connection} goes through a connection pooler. */
  static void require(Connection connection) throws SQLException {
    Optional<String> pooler = ConnectionPooler.evidence(connection);
    if (pooler.isPresent()) {
      throw new ExecutionRefusedException("the executor needs a direct connection to PostgreSQL: " + pooler.get()
          + ". Its one-run-per-migration lock and its settings belong to a session, and do not survive"
          + " transaction pooling; connect it to the database server's own host and port (the application may"
          + " keep using the pooler)");
    }
  }
}
