package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the executor gets its connections; it opens a few per run and closes each one. */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;

  /** Connections from {@link DriverManager} for a JDBC URL (user and password may be URL parameters). */
  static ConnectionSource of(String jdbcUrl) {
    return () -> DriverManager.getConnection(jdbcUrl);
  }
}
