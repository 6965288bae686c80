package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers: every value goes in as a bind parameter. */
final class Jdbc {
  private Jdbc() {}

  /** Maps the current row of a result set. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work on a connection inside one transaction. */
  interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
    }
  }

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Runs a statement whose result (if any) does not matter, such as {@code SELECT set_config(…)}. */
  static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      statement.execute();
    }
  }

  /** Runs {@code work} in a transaction of its own, committed when it returns, rolled back when it throws. */
  static <T> T inTransaction(Connection connection, TransactionWork<T> work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      if (!connection.isClosed()) {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  static boolean tableExists(Connection connection, String qualifiedName) throws SQLException {
    return first(connection, "SELECT pg_catalog.to_regclass(?) IS NOT NULL", row -> row.getBoolean(1), qualifiedName)
        .orElse(false);
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
