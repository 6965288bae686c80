package dev.colsync.runtime.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * Runs a generated script the way its first line asks: a script marked
 * {@value SqlScript#NO_TRANSACTION_MARKER} statement by statement in autocommit, any other script
 * whole in a single transaction that is rolled back if any statement fails.
 */
public final class ScriptRunner {
  private ScriptRunner() {}

  /**
   * What a caller does around the statements of a script, on the script's connection.
   *
   * <p>{@link #beforeStatement} runs before each statement, in the script's transaction for a
   * transactional script and in autocommit otherwise. {@link #afterStatements} runs once every
   * statement succeeded, always inside a transaction that commits with the script's work: the
   * script's own for a transactional script (a failure rolls both back), a transaction of its own
   * after the last statement for a no-transaction script.
   */
  public interface Hooks {
    Hooks NONE = new Hooks() {};

    default void beforeStatement(Connection connection, String statement) throws SQLException {}

    default void afterStatements(Connection connection) throws SQLException {}

    /** A {@code WARNING} the server raised while a statement ran (SQLSTATE class 01), its message only. */
    default void warning(String message) {}
  }

  public static void run(Connection connection, String script) throws SQLException {
    run(connection, script, Hooks.NONE);
  }

  public static void run(Connection connection, String script, Hooks hooks) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    try {
      if (SqlScript.isNoTransaction(script)) {
        connection.setAutoCommit(true);
        for (String statement : SqlScript.statements(script)) {
          hooks.beforeStatement(connection, statement);
          execute(connection, statement, hooks);
        }
        if (hooks != Hooks.NONE) {
          connection.setAutoCommit(false);
          inTransaction(connection, () -> hooks.afterStatements(connection));
        }
      } else {
        connection.setAutoCommit(false);
        inTransaction(connection, () -> {
          for (String statement : SqlScript.statements(script)) {
            hooks.beforeStatement(connection, statement);
            execute(connection, statement, hooks);
          }
          hooks.afterStatements(connection);
        });
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private interface Work {
    void run() throws SQLException;
  }

  private static void inTransaction(Connection connection, Work work) throws SQLException {
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    }
  }

  /** A failed rollback (the connection is gone) must not hide why the transaction failed. */
  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static void execute(Connection connection, String sql, Hooks hooks) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
        if (warning.getSQLState() != null && warning.getSQLState().startsWith("01")) {
          hooks.warning(warning.getMessage());
        }
      }
    }
  }
}
