package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Has the server check, while a statement runs, that the client is still connected ({@code
 * client_connection_check_interval}, PostgreSQL 14 and later). When the process running the executor is killed,
 * its batch or step then ends within about {@link #INTERVAL_MILLIS} instead of running to its end, and the
 * session's locks, the migration's among them, go with it. Older servers keep running the statement to its end.
 */
final class DeadClientCheck {
  static final int INTERVAL_MILLIS = 1000;
  private static final String INVALID_PARAMETER_VALUE = "22023";

  private DeadClientCheck() {}

  static void enable(Connection connection) throws SQLException {
    try {
      Jdbc.execute(connection, "SELECT pg_catalog.set_config('client_connection_check_interval', ?, false)"
          + " WHERE pg_catalog.current_setting('server_version_num')::int >= 140000", INTERVAL_MILLIS + "ms");
    } catch (SQLException e) {
      // The check needs kernel support PostgreSQL has on Linux, macOS and the BSDs only; elsewhere it must stay 0.
      if (!INVALID_PARAMETER_VALUE.equals(e.getSQLState())) {
        throw e;
      }
    }
  }
}
