package dev.colsync.runtime.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a generated script the way its first line asks: a script marked
 * {@value SqlScript#NO_TRANSACTION_MARKER} statement by statement in autocommit, any other script
 * whole in a single transaction that is rolled back if any statement fails.
 */
public final class ScriptRunner {
  private ScriptRunner() {}

  public static void run(Connection connection, String script) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    try {
      if (SqlScript.isNoTransaction(script)) {
        connection.setAutoCommit(true);
        for (String statement : SqlScript.statements(script)) {
          execute(connection, statement);
        }
      } else {
        connection.setAutoCommit(false);
        try {
          for (String statement : SqlScript.statements(script)) {
            execute(connection, statement);
          }
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        }
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
