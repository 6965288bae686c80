package dev.colsync.runtime.flag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-path flags in the database: table {@value #TABLE}, one row per migration, and a
 * notification on channel {@value #CHANNEL} (payload: the migration's name) with every change.
 *
 * <p>Reading never creates anything and never fails because the table is missing (everything then
 * reads OLD), so it is safe inside the caller's transaction. Writing creates the table first when
 * it does not exist yet; {@link #DDL} is the same script for those who create it themselves.
 */
public final class JdbcFlagStore {
  /** The table, schema-qualified. */
  public static final String TABLE = "colsync.read_path_flags";
  /** The LISTEN/NOTIFY channel; each notification's payload is the migration whose flag changed. */
  public static final String CHANNEL = "colsync_read_path";
  /** Creates the schema and table if they do not exist; safe to run twice. */
  public static final String DDL = """
      CREATE SCHEMA IF NOT EXISTS colsync;
      CREATE TABLE IF NOT EXISTS colsync.read_path_flags (
        migration text PRIMARY KEY,
        read_path text NOT NULL CHECK (read_path IN ('OLD','SHADOW','NEW')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL DEFAULT current_user
      );
      """;

  private static final String EXISTS = "SELECT to_regclass('colsync.read_path_flags') IS NOT NULL";
  private static final String SELECT_ONE = "SELECT read_path FROM colsync.read_path_flags WHERE migration = ?";
  static final String SELECT_ALL = "SELECT migration, read_path FROM colsync.read_path_flags";
  private static final String SELECT_RECORDS =
      "SELECT migration, read_path, updated_at, updated_by FROM colsync.read_path_flags ORDER BY migration";
  private static final String UPSERT = "INSERT INTO colsync.read_path_flags (migration, read_path) VALUES (?, ?)"
      + " ON CONFLICT (migration) DO UPDATE SET read_path = EXCLUDED.read_path, updated_at = now(),"
      + " updated_by = current_user";
  private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?)";

  private JdbcFlagStore() {}

  /** {@code migration}'s read path; OLD when it has no row or the table does not exist. */
  public static ReadPath read(Connection connection, String migration) throws SQLException {
    requireMigration(migration);
    if (!tableExists(connection)) {
      return ReadPath.OLD;
    }
    try (PreparedStatement select = connection.prepareStatement(SELECT_ONE)) {
      select.setString(1, migration);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? ReadPath.parseOrOld(row.getString(1)) : ReadPath.OLD;
      }
    }
  }

  /**
   * Sets {@code migration}'s read path and notifies listeners, creating the table first if needed.
   * In autocommit mode the change is visible at once; otherwise when the caller commits.
   */
  public static void write(Connection connection, String migration, ReadPath path) throws SQLException {
    requireMigration(migration);
    if (path == null) {
      throw new NullPointerException("path");
    }
    if (!tableExists(connection)) {
      createTable(connection);
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setString(1, migration);
      upsert.setString(2, path.name());
      upsert.executeUpdate();
    }
    try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
      notify.setString(1, migration);
      notify.execute();
    }
  }

  /**
   * Deletes {@code migration}'s flag and notifies listeners: from then on it reads OLD.
   *
   * @return whether there was a flag to delete
   */
  public static boolean remove(Connection connection, String migration) throws SQLException {
    requireMigration(migration);
    if (!tableExists(connection)) {
      return false;
    }
    int removed;
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE migration = ?")) {
      delete.setString(1, migration);
      removed = delete.executeUpdate();
    }
    try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
      notify.setString(1, migration);
      notify.execute();
    }
    return removed > 0;
  }

  /** Every flag, by migration name; empty when the table does not exist. */
  public static List<FlagRecord> list(Connection connection) throws SQLException {
    List<FlagRecord> records = new ArrayList<>();
    if (!tableExists(connection)) {
      return records;
    }
    try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(SELECT_RECORDS)) {
      while (rows.next()) {
        records.add(new FlagRecord(rows.getString(1), ReadPath.parseOrOld(rows.getString(2)),
            rows.getObject(3, OffsetDateTime.class), rows.getString(4)));
      }
    }
    return records;
  }

  /** Runs {@link #DDL}. */
  public static void createTable(Connection connection) throws SQLException {
    try (Statement create = connection.createStatement()) {
      for (String statement : DDL.split(";")) {
        if (!statement.isBlank()) {
          create.execute(statement);
        }
      }
    }
  }

  /** Every flag as a map from migration to read path: what {@link JdbcFlagSource} caches. */
  static Map<String, ReadPath> readAll(Connection connection, int timeoutSeconds) throws SQLException {
    Map<String, ReadPath> paths = new HashMap<>();
    try (Statement select = connection.createStatement()) {
      select.setQueryTimeout(timeoutSeconds);
      try (ResultSet exists = select.executeQuery(EXISTS)) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return paths;
        }
      }
      try (ResultSet rows = select.executeQuery(SELECT_ALL)) {
        while (rows.next()) {
          paths.put(rows.getString(1), ReadPath.parseOrOld(rows.getString(2)));
        }
      }
    }
    return paths;
  }

  private static boolean tableExists(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(EXISTS)) {
      row.next();
      return row.getBoolean(1);
    }
  }

  private static void requireMigration(String migration) {
    if (migration == null || migration.isEmpty()) {
      throw new IllegalArgumentException("a migration name is required");
    }
  }
}
