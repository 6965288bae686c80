package dev.colsync.benchmarks.shim;

import dev.colsync.runtime.flag.InMemoryFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ColumnType;
import dev.colsync.runtime.shim.LogicalColumn;
import dev.colsync.runtime.shim.PathSql;
import dev.colsync.runtime.shim.ShimOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A table mid-rename ({@code abalance} → {@code balance}, both filled) and the same primary-key read
 * made three ways: plain JDBC, and through a {@link LogicalColumn} on each read path. The shim's SQL
 * has the form a generated shim's does.
 */
public final class ShimFixture implements AutoCloseable {
  public static final String MIGRATION = "bench_accounts_balance";
  public static final int ROWS = 10_000;

  static final String PLAIN_SELECT = "SELECT abalance FROM bench_accounts WHERE aid = ?";
  static final PathSql FIND = new PathSql(
      PLAIN_SELECT,
      "SELECT abalance, CASE WHEN balance IS NOT DISTINCT FROM abalance THEN 0 WHEN balance IS NULL THEN 1 ELSE 2 END"
          + " FROM bench_accounts WHERE aid = ?",
      "SELECT balance FROM bench_accounts WHERE aid = ?");

  private final Connection connection;
  private final InMemoryFlagSource flags = new InMemoryFlagSource();
  private final LogicalColumn<Integer> column =
      new LogicalColumn<>(MIGRATION, ColumnType.INTEGER, false, ShimOptions.of(flags));

  private ShimFixture(Connection connection) {
    this.connection = connection;
  }

  /** Connects to {@code jdbcUrl}, where {@link #createTable} already ran. */
  public static ShimFixture connect(String jdbcUrl) throws SQLException {
    return new ShimFixture(DriverManager.getConnection(jdbcUrl));
  }

  /** Creates and fills the table (once per database). */
  public static void createTable(String jdbcUrl) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE bench_accounts (aid integer PRIMARY KEY, abalance integer, balance integer)");
      statement.execute("INSERT INTO bench_accounts SELECT g, g % 1000, g % 1000 FROM generate_series(1, " + ROWS
          + ") AS g");
      statement.execute("VACUUM ANALYZE bench_accounts");
    }
  }

  public LogicalColumn<Integer> column() {
    return column;
  }

  public void readOn(ReadPath path) {
    flags.set(MIGRATION, path);
  }

  /** The read without colsync: the statement a hand-written DAO would run. */
  public Integer plainRead(int key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(PLAIN_SELECT)) {
      statement.setInt(1, key);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getObject(1, Integer.class) : null;
      }
    }
  }

  /** The same read through the shim, on the path last set by {@link #readOn}. */
  public Integer shimRead(int key) throws SQLException {
    Optional<Integer> value = column.find(connection, FIND, ColumnType.INTEGER, key);
    return value.orElse(null);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
