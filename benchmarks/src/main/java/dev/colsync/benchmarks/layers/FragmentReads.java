package dev.colsync.benchmarks.layers;

import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * (6) A primary-key read in plain JDBC, the way a JdbcTemplate query reads a row by label: of the column itself
 * (without colsync), or with the shim's select-list fragment, its path evaluated once per query and the value read
 * by the shim under the same label (on SHADOW it reads the comparison too, and reports it).
 */
public final class FragmentReads implements AutoCloseable {
  private static final String LABEL = "amount_cents";
  private static final String PLAIN_SELECT =
      "SELECT o.amount_cents AS " + LABEL + " FROM public.bench_orders o WHERE o.id = ?";

  private final Connection connection;

  private FragmentReads(Connection connection) {
    this.connection = connection;
  }

  public static FragmentReads connect(String jdbcUrl) throws SQLException {
    return new FragmentReads(DriverManager.getConnection(jdbcUrl));
  }

  /** The read without colsync. */
  public Long plain(int id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(PLAIN_SELECT)) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getObject(LABEL, Long.class) : null;
      }
    }
  }

  /** The same read through {@code shim}'s fragments, on the path its flag gives now. */
  public Long through(BenchOrderAmounts shim, int id) throws SQLException {
    ReadPath path = shim.readPath();
    String sql = "SELECT " + shim.selectList(path, "o", LABEL) + " FROM public.bench_orders o WHERE o.id = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? shim.read(path, row, LABEL) : null;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
