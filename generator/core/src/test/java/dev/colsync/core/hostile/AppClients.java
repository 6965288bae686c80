package dev.colsync.core.hostile;

import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

/**
 * The two application versions, each on its own connection: N-1 writes only the old column, N only
 * the new one. Each write is one autocommitted statement with bound parameters: inserts (of a key that
 * may exist, {@code ON CONFLICT DO NOTHING}), updates of the version's column, updates of neither
 * column, deletes. Both connections use a search path that puts a schema of decoy {@code round} and
 * {@code btrim} functions before pg_catalog, as an application may: generated SQL must not care.
 */
final class AppClients implements AutoCloseable {

  /** An application version. */
  enum Version {
    /** N-1: reads and writes the old column. */
    OLD,
    /** N: reads and writes the new column. */
    NEW
  }

  static final String DECOY_SEARCH_PATH = "SET search_path = decoy, pg_catalog, public";

  private final HostileCase hostile;
  private final Connection oldApp;
  private final Connection newApp;
  private final Random random;
  private int writes;

  AppClients(HostileCase hostile, Connection oldApp, Connection newApp, Random random) throws SQLException {
    this.hostile = hostile;
    this.oldApp = oldApp;
    this.newApp = newApp;
    this.random = random;
    for (Connection connection : List.of(oldApp, newApp)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(DECOY_SEARCH_PATH);
      }
    }
  }

  /** Creates the decoy functions the application's search path finds before pg_catalog's. */
  static void createDecoys(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA decoy");
      statement.execute("CREATE FUNCTION decoy.round(numeric) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric'");
      statement.execute("CREATE FUNCTION decoy.btrim(text) RETURNS text LANGUAGE sql AS 'SELECT ''0'''");
    }
  }

  /** {@code count} random writes by each of {@code versions}, interleaved. */
  void write(List<Version> versions, int count) throws SQLException {
    for (int i = 0; i < count; i++) {
      for (Version version : versions) {
        writeOnce(version);
      }
    }
  }

  int writes() {
    return writes;
  }

  private void writeOnce(Version version) throws SQLException {
    Connection connection = version == Version.OLD ? oldApp : newApp;
    String column = version == Version.OLD ? hostile.oldColumn() : hostile.newColumn();
    String table = hostile.qualifiedTable();
    List<Object> key = hostile.randomKey(random);
    int kind = random.nextInt(10);
    String sql;
    if (kind < 3) {
      sql = "INSERT INTO " + table + " (" + hostile.keyList() + ", " + column + ", " + quote(hostile.bystander())
          + ") VALUES (" + "?, ".repeat(hostile.key().size()) + "?, 'inserted by " + version + "') ON CONFLICT DO NOTHING";
    } else if (kind < 8) {
      sql = "UPDATE " + table + " SET " + column + " = ? WHERE " + hostile.keyCondition();
    } else if (kind < 9) {
      sql = "UPDATE " + table + " SET " + quote(hostile.bystander()) + " = pg_catalog.clock_timestamp()::text WHERE "
          + hostile.keyCondition();
    } else {
      sql = "DELETE FROM " + table + " WHERE " + hostile.keyCondition();
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (kind < 3) {
        hostile.bindKey(statement, 1, key);
        bindValue(version, statement, hostile.key().size() + 1);
      } else if (kind < 8) {
        bindValue(version, statement, 1);
        hostile.bindKey(statement, 2, key);
      } else {
        hostile.bindKey(statement, 1, key);
      }
      statement.executeUpdate();
      writes++;
    } catch (SQLException e) {
      throw new AssertionError(version + " application statement failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private void bindValue(Version version, PreparedStatement statement, int index) throws SQLException {
    if (version == Version.OLD) {
      hostile.bindRandomOld(statement, index, random);
    } else {
      hostile.bindRandomNew(statement, index, random);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      oldApp.close();
    } finally {
      newApp.close();
    }
  }
}
