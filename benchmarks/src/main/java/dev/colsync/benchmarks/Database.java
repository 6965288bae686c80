package dev.colsync.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQL on the benchmark database, one short connection per call. */
final class Database {
  private final String jdbcUrl;

  Database(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  void execute(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
         Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  long number(String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
         Statement statement = connection.createStatement();
         ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * A table shaped like pgbench's accounts, for runs without pgbench (the quick mode):
   * {@code rows} accounts, abalance 0.
   */
  void createAccounts(int rows) throws SQLException {
    execute("CREATE TABLE pgbench_accounts (aid integer NOT NULL PRIMARY KEY, bid integer, abalance integer,"
            + " filler character(84)) WITH (fillfactor = 100)",
        "INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT g, 1 + (g - 1) / 100000, 0, ''"
            + " FROM generate_series(1, " + rows + ") AS g",
        "VACUUM ANALYZE pgbench_accounts");
    balanceNotNull();
  }

  /**
   * pgbench leaves {@code abalance} nullable though it never writes a NULL; the benchmarked migration
   * renames a NOT NULL column (validate included), and expand checks the table says so.
   */
  void balanceNotNull() throws SQLException {
    execute("ALTER TABLE pgbench_accounts ALTER COLUMN abalance SET NOT NULL");
  }
}
