package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strategy: auto} on the command line: validate says what it chose and why, validate --url confirms a
 * catalog-only change from the live catalog, and apply, status and rollback work with the one phase
 * {@code alter-type}.
 */
class CatalogOnlyCommandsTest {
  @TempDir
  Path dir;

  @EachPostgres
  void aCatalogOnlyChangeFromValidateToRollback(PostgresServer server) throws Exception {
    Path widen = spec("people_name_widen", "varchar(50)", "varchar(200)");
    Path narrow = spec("people_name_narrow", "varchar(50)", "varchar(20)");
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.people (id bigint PRIMARY KEY, name varchar(50))");
      statement.execute("CREATE INDEX people_name ON public.people (name)");
      String url = database.jdbcUrl();

      CommandRun offline = CommandRun.of("validate", widen.toString(), narrow.toString());
      assertThat(offline.exitCode()).as(offline.err()).isZero();
      assertThat(offline.outLines()[0]).startsWith("ok: " + widen + " (people_name_widen); strategy auto chose a"
          + " catalog-only change: varchar(50) → varchar(200) is binary-coercible");
      assertThat(offline.outLines()[1]).startsWith("ok: " + narrow + " (people_name_narrow); strategy auto chose"
          + " expand–contract (copy): varchar(50) → varchar(20) is not a change PostgreSQL makes without rewriting"
          + " the table");

      CommandRun live = CommandRun.of("validate", "--url", url, widen.toString());
      assertThat(live.exitCode()).as(live.err()).isZero();
      assertThat(live.out()).contains("ok: " + widen + " (people_name_widen) matches the database; colsync"
          + " people_name_widen: column name of \"public\".\"people\" can change from varchar(50) to varchar(200)"
          + " in the catalog alone");

      CommandRun wrongPhase = CommandRun.of("apply", widen.toString(), "--phase", "expand", "--url", url);
      assertThat(wrongPhase.exitCode()).isNotZero();
      assertThat(wrongPhase.err()).contains("people_name_widen has: alter-type",
          "a catalog-only type change has no new column: it is all in alter-type");

      CommandRun apply = CommandRun.of("apply", widen.toString(), "--phase", "alter-type", "--url", url);
      assertThat(apply.exitCode()).as(apply.err()).isZero();
      assertThat(type(statement)).isEqualTo("character varying(200)");
      CommandRun verify = CommandRun.of("verify", widen.toString(), "--url", url);
      assertThat(verify.exitCode()).isEqualTo(2);
      assertThat(verify.err()).contains("people_name_widen changes the type of column name in place (strategy auto):"
          + " there is no second column to compare");
      CommandRun status = CommandRun.of("status", widen.toString(), "--url", url);
      assertThat(status.outLines()[1]).matches("  steps: 1 of 1 applied, the last alter-type/change-type at \\S+Z");

      CommandRun rollback = CommandRun.of("rollback", widen.toString(), "--phase", "alter-type", "--url", url);
      assertThat(rollback.exitCode()).as(rollback.err()).isZero();
      assertThat(type(statement)).isEqualTo("character varying(50)");
    }
  }

  @EachPostgres
  void scaffoldWritesStrategyAutoOnceTheLiveCatalogAgrees(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.people (id bigint PRIMARY KEY, name varchar(50), nick varchar(20))");
      statement.execute("CREATE INDEX people_name ON public.people (name)");
      statement.execute("CREATE INDEX people_nick ON public.people (lower(nick))");
      Path out = dir.resolve("people_name.yaml");

      CommandRun widen = CommandRun.of("scaffold", "retype", "--url", database.jdbcUrl(), "--table", "people",
          "--column", "name", "--to-type", "varchar(200)", "--strategy", "auto", "--out", out.toString());
      assertThat(widen.exitCode()).as(widen.err()).isZero();
      assertThat(Files.readString(out)).contains("  onUpError: reject\n  strategy: auto\n");
      assertThat(widen.err()).contains("note: strategy auto chose a catalog-only change", "The live catalog agrees.");

      CommandRun nick = CommandRun.of("scaffold", "retype", "--url", database.jdbcUrl(), "--table", "people",
          "--column", "nick", "--to-type", "varchar(40)", "--strategy", "auto");
      assertThat(nick.exitCode()).as(nick.err()).isZero();
      assertThat(nick.err()).contains("note: strategy auto chose expand–contract (copy):", "people_nick");
    }
  }

  private static String type(Statement statement) throws Exception {
    try (ResultSet row = statement.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = 'public.people'::regclass AND attname = 'name'")) {
      row.next();
      return row.getString(1);
    }
  }

  private Path spec(String migration, String from, String to) throws Exception {
    Path file = dir.resolve(migration + ".yaml");
    Files.writeString(file, """
        migration: %s
        table: public.people
        primaryKey: [id]
        retype:
          from: { column: name, type: "%s" }
          to: { column: name, type: "%s" }
          up: "name::%s"
          down: "name::varchar"
          strategy: auto
        """.formatted(migration, from, to, to));
    return file;
  }
}
