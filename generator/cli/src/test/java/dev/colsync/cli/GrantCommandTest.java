package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code colsync grant} gives an application role exactly what reading the flags and reporting its instances need,
 * and no more.
 */
class GrantCommandTest {
  @Test
  void printsTheStatementsWithTheRoleQuoted() {
    CommandRun run = CommandRun.of("grant", "App \"Reader\"");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("GRANT USAGE ON SCHEMA colsync TO \"App \"\"Reader\"\"\";",
        "GRANT SELECT ON colsync.read_path_flags TO \"App \"\"Reader\"\"\";",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON colsync.instances TO \"App \"\"Reader\"\"\";");
  }

  @EachPostgres
  void withUrlTheRoleCanReadTheFlagsAndReportItsInstancesAndNothingElse(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Statement statement = admin.createStatement()) {
      statement.execute("DO $$ BEGIN CREATE ROLE colsync_granted_reader; EXCEPTION WHEN duplicate_object THEN NULL;"
          + " END $$");

      CommandRun run = CommandRun.of("grant", "colsync_granted_reader", "--url", database.jdbcUrl());

      assertThat(run.exitCode()).as(run.err()).isZero();
      JdbcFlagStore.write(admin, "people_email", ReadPath.SHADOW);
      statement.execute("SET ROLE colsync_granted_reader");
      try (ResultSet flags = statement.executeQuery("SELECT read_path FROM colsync.read_path_flags")) {
        assertThat(flags.next()).isTrue();
        assertThat(flags.getString(1)).isEqualTo("SHADOW");
      }
      try (ResultSet writable = statement.executeQuery(
          "SELECT has_table_privilege('colsync.read_path_flags', 'UPDATE')")) {
        writable.next();
        assertThat(writable.getBoolean(1)).isFalse();
      }
      statement.execute("INSERT INTO colsync.instances VALUES ('i', 'people_email', 'app', 'h', 1, 'OLD', now(),"
          + " now(), now()); DELETE FROM colsync.instances");
      statement.execute("RESET ROLE");
    }
  }
}
