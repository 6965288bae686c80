package dev.colsync.core.catalog;

import dev.colsync.core.spec.FlywayVersions;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The versions Flyway has applied in a database ({@code flyway_schema_history}, in any schema), and the version a
 * new migration's scripts take so that they come after every one of them.
 */
public final class FlywayHistory {
  private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");


  private final List<String> versions;

  FlywayHistory(List<String> versions) {
    this.versions = versions.stream().filter(version -> VERSION.matcher(version).matches()).toList();
  }

  /** The history of every {@code flyway_schema_history} table the connection can read; empty when there is none. */
  public static Optional<FlywayHistory> read(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT n.nspname, c.relname"
        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relname = 'flyway_schema_history' AND c.relkind IN ('r', 'p')"
        + " AND pg_catalog.has_table_privilege(c.oid, 'SELECT') ORDER BY 1");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tables.add(SqlIdentifiers.qualified(rows.getString(1), rows.getString(2)));
      }
    }
    if (tables.isEmpty()) {
      return Optional.empty();
    }
    List<String> versions = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("SELECT version FROM " + table + " WHERE version IS NOT NULL")) {
          while (rows.next()) {
            versions.add(rows.getString(1));
          }
        }
      }
    }
    return Optional.of(new FlywayHistory(versions));
  }

  /**
   * Whether Flyway would refuse the scripts of a migration at {@code version} ({@code V<version>.<NN>}): none of
   * them is applied yet and a later version is, so they would come out of order.
   */
  public boolean refusesScriptsAt(String version) {
    boolean ownApplied = versions.stream().anyMatch(applied -> applied.startsWith(version + "."));
    return !ownApplied
        && latest().filter(latest -> FlywayVersions.ORDER.compare(latest, version + ".01") > 0).isPresent();
  }

  /** The highest version applied, if any. */
  public Optional<String> latest() {
    return versions.stream().max(FlywayVersions.ORDER);
  }

  /**
   * The version for a new migration: the latest with its last part one higher ({@code 3} → {@code 4},
   * {@code 2026.11.1} → {@code 2026.11.2}), or {@code 1} for an empty history.
   */
  public String next() {
    return latest().map(latest -> {
      int cut = Math.max(latest.lastIndexOf('.'), latest.lastIndexOf('_')) + 1;
      String last = latest.substring(cut);
      String higher = new BigInteger(last).add(BigInteger.ONE).toString();
      String padded = "0".repeat(Math.max(0, last.length() - higher.length())) + higher;
      return latest.substring(0, cut) + padded;
    }).orElse("1");
  }
}
