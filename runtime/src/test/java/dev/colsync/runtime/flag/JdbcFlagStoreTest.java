package dev.colsync.runtime.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class JdbcFlagStoreTest {

  @EachPostgres
  void readingBeforeTheTableExistsIsOldAndLeavesTheCallersTransactionUsable(PostgresServer server)
      throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      connection.setAutoCommit(false);

      assertThat(JdbcFlagStore.read(connection, "users_full_name")).isEqualTo(ReadPath.OLD);
      assertThat(JdbcFlagStore.list(connection)).isEmpty();
      assertThat(query(connection, "SELECT 1")).containsExactly("1");
      assertThat(query(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'colsync'"))
          .as("reading creates nothing").containsExactly("0");
      connection.rollback();
    }
  }

  @EachPostgres
  void writingCreatesTheTableOnFirstUseAndUpdatesTheRowAfterwards(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      JdbcFlagStore.write(connection, "users_full_name", ReadPath.SHADOW);
      assertThat(JdbcFlagStore.read(connection, "users_full_name")).isEqualTo(ReadPath.SHADOW);

      JdbcFlagStore.write(connection, "users_full_name", ReadPath.NEW);
      JdbcFlagStore.write(connection, "orders_amount_cents", ReadPath.OLD);

      assertThat(JdbcFlagStore.read(connection, "users_full_name")).isEqualTo(ReadPath.NEW);
      assertThat(JdbcFlagStore.read(connection, "unknown")).isEqualTo(ReadPath.OLD);
      List<FlagRecord> records = JdbcFlagStore.list(connection);
      assertThat(records).extracting(FlagRecord::migration).containsExactly("orders_amount_cents", "users_full_name");
      assertThat(records).extracting(FlagRecord::readPath).containsExactly(ReadPath.OLD, ReadPath.NEW);
      assertThat(records.get(1).updatedBy()).isEqualTo(query(connection, "SELECT current_user").get(0));
      assertThat(records.get(1).updatedAt()).isNotNull();
    }
  }

  @EachPostgres
  void theDdlIsTheDecidedTableAndSafeToRunTwice(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      JdbcFlagStore.createTable(connection);
      JdbcFlagStore.createTable(connection);

      assertThat(query(connection, "SELECT column_name || ' ' || data_type || ' ' || is_nullable"
          + " FROM information_schema.columns WHERE table_schema = 'colsync' AND table_name = 'read_path_flags'"
          + " ORDER BY ordinal_position"))
          .containsExactly("migration text NO", "read_path text NO", "updated_at timestamp with time zone NO",
              "updated_by text NO");
      assertThatThrownBy(() -> execute(connection,
          "INSERT INTO colsync.read_path_flags (migration, read_path) VALUES ('m', 'NEWER')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("check");
    }
  }

  @EachPostgres
  void everyWriteNotifiesTheMigrationOnTheChannelWhenItCommits(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase();
        Connection writer = database.connect();
        Connection listener = database.connect()) {
      execute(listener, "LISTEN " + JdbcFlagStore.CHANNEL);
      writer.setAutoCommit(false);
      JdbcFlagStore.write(writer, "users_full_name", ReadPath.SHADOW);

      assertThat(listener.unwrap(PGConnection.class).getNotifications(200)).as("before commit").isEmpty();
      writer.commit();

      PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5000);
      assertThat(notifications).extracting(PGNotification::getName).containsExactly(JdbcFlagStore.CHANNEL);
      assertThat(notifications).extracting(PGNotification::getParameter).containsExactly("users_full_name");
    }
  }

  @EachPostgres
  void aMigrationNameIsRequired(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      assertThatThrownBy(() -> JdbcFlagStore.write(connection, "", ReadPath.NEW))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> JdbcFlagStore.read(connection, null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static List<String> query(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
