package dev.colsync.runtime.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.InMemoryFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LogicalColumn on real PostgreSQL, over a hand-written table where {@code name} is the old column
 * and {@code full_name} the new one, with SQL shaped as the generator writes it.
 */
class LogicalColumnTest {
  private static final String MIGRATION = "users_full_name";
  private static final String UP = "(\"name\")";
  private static final PathSql FIND = new PathSql(
      "SELECT " + UP + " FROM users WHERE id = ?",
      "SELECT " + UP + ", " + ShadowOutcome.comparisonSql("\"full_name\"", UP) + " FROM users WHERE id = ?",
      "SELECT \"full_name\" FROM users WHERE id = ?");
  private static final PathSql UPDATE = new PathSql(
      "UPDATE users SET \"name\" = CAST(? AS text) WHERE id = ?",
      "UPDATE users SET \"name\" = CAST(? AS text) WHERE id = ?",
      "UPDATE users SET \"full_name\" = CAST(? AS text) WHERE id = ?");
  private static final PathSql INSERT = new PathSql(
      "INSERT INTO users (\"name\", id) VALUES (CAST(? AS text), ?)",
      "INSERT INTO users (\"name\", id) VALUES (CAST(? AS text), ?)",
      "INSERT INTO users (\"full_name\", id) VALUES (CAST(? AS text), ?)");

  private final InMemoryFlagSource flags = new InMemoryFlagSource();
  private final ReadPathCounts counts = new ReadPathCounts();

  @EachPostgres
  void eachPathReadsItsColumnAndShadowReportsWithoutChangingTheResult(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text, full_name text)");
      execute(connection, "INSERT INTO users VALUES (1, 'Ada', 'Ada'), (2, 'Grace', NULL), (3, 'Alan', 'Turing'),"
          + " (4, NULL, NULL)");
      LogicalColumn<String> column = column(ShimOptions.of(flags).observedBy(counts));

      flags.set(MIGRATION, ReadPath.OLD);
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 3L)).contains("Alan");
      flags.set(MIGRATION, ReadPath.NEW);
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 3L)).contains("Turing");
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 2L)).isEmpty();

      flags.set(MIGRATION, ReadPath.SHADOW);
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 1L)).contains("Ada");
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 2L)).contains("Grace");
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 3L)).contains("Alan");
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 4L)).isEmpty();
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 5L)).as("no row").isEmpty();

      assertThat(counts.shadows(MIGRATION, ShadowOutcome.MATCH)).isEqualTo(2); // rows 1 and 4 (both NULL)
      assertThat(counts.shadows(MIGRATION, ShadowOutcome.MISSING)).isEqualTo(1);
      assertThat(counts.shadows(MIGRATION, ShadowOutcome.MISMATCH)).isEqualTo(1);
      assertThat(counts.shadows(MIGRATION, ShadowOutcome.ERROR)).isZero();
      assertThat(counts.reads(MIGRATION, ReadPath.OLD)).isEqualTo(1);
      assertThat(counts.reads(MIGRATION, ReadPath.NEW)).isEqualTo(2);
      assertThat(counts.reads(MIGRATION, ReadPath.SHADOW)).isEqualTo(5);
    }
  }

  @EachPostgres
  void writesGoToTheOldColumnOnOldAndShadowAndToTheNewOneOnNew(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text, full_name text)");
      LogicalColumn<String> column = column(ShimOptions.of(flags));

      flags.set(MIGRATION, ReadPath.OLD);
      column.insert(connection, INSERT, ColumnType.BIGINT, 1L, "Ada");
      flags.set(MIGRATION, ReadPath.SHADOW);
      column.insert(connection, INSERT, ColumnType.BIGINT, 2L, "Grace");
      assertThat(column.update(connection, UPDATE, ColumnType.BIGINT, 1L, "Ada L.")).isEqualTo(1);
      flags.set(MIGRATION, ReadPath.NEW);
      column.insert(connection, INSERT, ColumnType.BIGINT, 3L, "Alan");
      assertThat(column.update(connection, UPDATE, ColumnType.BIGINT, 2L, "Grace H.")).isEqualTo(1);
      assertThat(column.update(connection, UPDATE, ColumnType.BIGINT, 9L, "nobody")).isZero();

      assertThat(rows(connection)).containsExactly("1|Ada L.|null", "2|Grace|Grace H.", "3|null|Alan");
    }
  }

  @EachPostgres
  void aFailingShadowStatementIsReportedAndAnsweredOnOldInAutocommit(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text)"); // no new column yet
      execute(connection, "INSERT INTO users VALUES (1, 'Ada')");
      LogicalColumn<String> column = column(ShimOptions.of(flags.set(MIGRATION, ReadPath.SHADOW)).observedBy(counts));

      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 1L)).contains("Ada");

      assertThat(counts.shadows(MIGRATION, ShadowOutcome.ERROR)).isEqualTo(1);
    }
  }

  @EachPostgres
  void aFailingShadowStatementLeavesTheCallersTransactionUsable(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text)");
      execute(connection, "INSERT INTO users VALUES (1, 'Ada')");
      LogicalColumn<String> column = column(ShimOptions.of(flags.set(MIGRATION, ReadPath.SHADOW)).observedBy(counts));
      connection.setAutoCommit(false);
      execute(connection, "INSERT INTO users VALUES (2, 'Grace')");

      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 2L)).contains("Grace");
      assertThat(column.find(connection, FIND, ColumnType.BIGINT, 1L)).contains("Ada");
      execute(connection, "INSERT INTO users VALUES (3, 'Alan')");
      connection.commit();

      assertThat(counts.shadows(MIGRATION, ShadowOutcome.ERROR)).isEqualTo(2);
      assertThat(rows(connection)).hasSize(3);
    }
  }

  @EachPostgres
  void aShimBuiltToFailOnAnOutcomeThrowsOnIt(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text, full_name text)");
      execute(connection, "INSERT INTO users VALUES (1, 'Ada', 'Ada'), (2, 'Grace', NULL), (3, 'Alan', 'Turing')");
      LogicalColumn<String> strict = column(ShimOptions.of(flags.set(MIGRATION, ReadPath.SHADOW))
          .failingOn(ShadowOutcome.MISMATCH, ShadowOutcome.ERROR));
      connection.setAutoCommit(false);

      assertThat(strict.find(connection, FIND, ColumnType.BIGINT, 1L)).contains("Ada");
      assertThat(strict.find(connection, FIND, ColumnType.BIGINT, 2L)).as("MISSING is not failed on").contains("Grace");
      assertThatThrownBy(() -> strict.find(connection, FIND, ColumnType.BIGINT, 3L))
          .isInstanceOf(ShadowReadException.class)
          .hasMessage("colsync users_full_name: SHADOW read found MISMATCH")
          .satisfies(e -> assertThat(((ShadowReadException) e).outcome()).isEqualTo(ShadowOutcome.MISMATCH));
      assertThat(rows(connection)).as("the transaction is still usable").hasSize(3);
      connection.rollback();
    }
  }

  @EachPostgres
  void aUserQueryReadsTheValueWithTheSelectListOfItsPath(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text, full_name text, email text)");
      execute(connection, "INSERT INTO users VALUES (1, 'Ada', NULL, 'ada@example.com')");
      LogicalColumn<String> column = column(ShimOptions.of(flags.set(MIGRATION, ReadPath.SHADOW)).observedBy(counts));
      PathSql selectList = new PathSql(UP, UP + ", " + ShadowOutcome.comparisonSql("\"full_name\"", UP), "\"full_name\"");

      ReadPath path = column.readPath();
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT " + selectList.on(path) + ", email FROM users")) {
        row.next();
        assertThat(column.read(path, row, 1)).isEqualTo("Ada");
        assertThat(row.getString(1 + LogicalColumn.selectedColumns(path))).isEqualTo("ada@example.com");
      }
      assertThat(counts.shadows(MIGRATION, ShadowOutcome.MISSING)).isEqualTo(1);
    }
  }

  @EachPostgres
  void nullIsRefusedForANotNullColumnBeforeReachingTheDatabase(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text, full_name text)");
      LogicalColumn<String> notNull = new LogicalColumn<>(MIGRATION, ColumnType.TEXT, true, ShimOptions.of(flags));
      LogicalColumn<String> nullable = column(ShimOptions.of(flags));

      assertThatThrownBy(() -> notNull.insert(connection, INSERT, ColumnType.BIGINT, 1L, null))
          .isInstanceOf(NullPointerException.class).hasMessageContaining("NOT NULL");
      nullable.insert(connection, INSERT, ColumnType.BIGINT, 1L, null);
      assertThat(rows(connection)).containsExactly("1|null|null");
    }
  }

  @Test
  void aBrokenFlagSourceOrObserverReadsOldAndBreaksNothing() {
    FlagSource broken = migration -> {
      throw new IllegalStateException("flag service down");
    };
    ReadPathObserver throwing = new ReadPathObserver() {
      @Override
      public void onRead(String migration, ReadPath path) {
        throw new IllegalStateException("metrics down");
      }
    };

    assertThat(column(ShimOptions.of(broken).observedBy(throwing)).readPath()).isEqualTo(ReadPath.OLD);
    assertThat(column(ShimOptions.of(migration -> null)).readPath()).isEqualTo(ReadPath.OLD);
    assertThat(column(ShimOptions.of(FlagSource.fixed(ReadPath.NEW))).writePath()).isEqualTo(ReadPath.NEW);
  }

  private static LogicalColumn<String> column(ShimOptions options) {
    return new LogicalColumn<>(MIGRATION, ColumnType.TEXT, false, options);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> rows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    boolean hasNew;
    try (Statement statement = connection.createStatement();
        ResultSet check = statement.executeQuery(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'full_name'")) {
      check.next();
      hasNew = check.getInt(1) > 0;
    }
    String sql = "SELECT id, name, " + (hasNew ? "full_name" : "NULL") + " FROM users ORDER BY id";
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        rows.add(row.getLong(1) + "|" + row.getString(2) + "|" + row.getString(3));
      }
    }
    return rows;
  }
}
