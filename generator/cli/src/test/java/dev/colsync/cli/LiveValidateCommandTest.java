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
 * {@code validate --url} and {@code scaffold} check the live database as expand would: a target column that
 * exists already, a column that does not, a wrong type, and an up bound to a planted operator are refused
 * with exit 2, and nothing in the database changes.
 */
class LiveValidateCommandTest {
  @TempDir
  Path dir;

  @EachPostgres
  void validateWithUrlRefusesWhatExpandWouldRefuseAndChangesNothing(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.people (id bigint PRIMARY KEY, name text, email text,"
          + " amount numeric(12,2))");
      Path good = spec("people_full_name", "rename: { from: name, to: full_name, type: text }");
      Path onto = spec("people_email", "rename: { from: name, to: email, type: text }");
      Path missing = spec("people_nick", "rename: { from: nick, to: handle, type: text }");
      Path wrongType = spec("people_name", "rename: { from: name, to: label, type: varchar(20) }");
      Path cents = spec("people_cents", "retype:\n  from: { column: amount, type: \"numeric(12,2)\" }\n"
          + "  to: { column: amount_cents, type: bigint }\n  up: \"round(amount * 100)::bigint\"\n"
          + "  down: \"amount_cents / 100.0\"");

      CommandRun ok = CommandRun.of("validate", "--url", database.jdbcUrl(), good.toString(), cents.toString());
      assertThat(ok.exitCode()).as(ok.err()).isZero();
      assertThat(ok.out()).contains("ok: " + good + " (people_full_name) matches the database");

      CommandRun refused = CommandRun.of("validate", "--url", database.jdbcUrl(), onto.toString(), missing.toString(),
          wrongType.toString());
      assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(refused.err()).contains(onto + ": does not match the database",
          "column email of \"public\".\"people\" exists already and is not this migration's",
          "column nick of \"public\".\"people\" does not exist",
          "column name of \"public\".\"people\" is text, but the spec says varchar(20)");

      statement.execute("DO $$ BEGIN CREATE ROLE colsync_cli_planter; EXCEPTION WHEN duplicate_object THEN NULL;"
          + " END $$");
      statement.execute("GRANT CREATE ON SCHEMA public TO colsync_cli_planter");
      statement.execute("SET ROLE colsync_cli_planter");
      statement.execute("CREATE FUNCTION public.planted(numeric, integer) RETURNS numeric LANGUAGE sql IMMUTABLE"
          + " RETURN 0");
      statement.execute("CREATE OPERATOR public.* (LEFTARG = numeric, RIGHTARG = integer, FUNCTION = public.planted)");
      statement.execute("RESET ROLE");
      CommandRun captured = CommandRun.of("validate", "--url", database.jdbcUrl(), cents.toString());
      assertThat(captured.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(captured.err()).contains("operator public.*(numeric,integer) belongs to role colsync_cli_planter");

      try (ResultSet columns = statement.executeQuery("SELECT string_agg(attname, ',' ORDER BY attnum)"
          + " FROM pg_attribute WHERE attrelid = 'public.people'::regclass AND attnum > 0")) {
        columns.next();
        assertThat(columns.getString(1)).isEqualTo("id,name,email,amount");
      }
      try (ResultSet functions = statement.executeQuery("SELECT count(*) FROM pg_proc WHERE proname LIKE 'colsync%'")) {
        functions.next();
        assertThat(functions.getLong(1)).isZero();
      }
    }
  }

  @EachPostgres
  void scaffoldTakesTheFlywayVersionAfterTheHistoryAndValidateRefusesOneBeforeIt(PostgresServer server)
      throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.people (id bigint PRIMARY KEY, name text);"
          + " CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),"
          + " description varchar(200), success boolean);"
          + " INSERT INTO public.flyway_schema_history VALUES (1, '1', 'init', true), (2, '2', 'people', true),"
          + " (3, '10', 'more', true), (4, NULL, 'repeatable', true)");
      Path out = dir.resolve("people_full_name.yaml");

      CommandRun scaffold = CommandRun.of("scaffold", "rename", "--url", database.jdbcUrl(), "--table", "people",
          "--from", "name", "--to", "full_name", "--out", out.toString());

      assertThat(scaffold.exitCode()).as(scaffold.err()).isZero();
      assertThat(Files.readString(out)).contains("flyway:\n  version: \"11\"");
      assertThat(scaffold.err()).contains("note: flyway.version 11 comes after the latest migration in"
          + " flyway_schema_history (10)");
      assertThat(CommandRun.of("validate", out.toString(), "--url", database.jdbcUrl()).exitCode()).isZero();

      Path early = SpecFiles.write(dir, "early.yaml", Files.readString(out).replace("\"11\"", "\"2\""));
      CommandRun validate = CommandRun.of("validate", early.toString(), "--url", database.jdbcUrl());

      assertThat(validate.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(validate.err()).contains(early + ": /flyway/version: Flyway has applied version 10, after this"
          + " migration's 2: it would refuse these scripts as out of order (expected: a flyway.version after 10,"
          + " e.g. \"11\")");
    }
  }

  @EachPostgres
  void scaffoldRefusesATargetColumnThatExists(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.people (id bigint PRIMARY KEY, name text, email text, n integer)");
      Path out = dir.resolve("people_email.yaml");

      CommandRun rename = CommandRun.of("scaffold", "rename", "--url", database.jdbcUrl(), "--table", "people",
          "--from", "name", "--to", "email", "--out", out.toString());
      CommandRun retype = CommandRun.of("scaffold", "retype", "--url", database.jdbcUrl(), "--table", "people",
          "--column", "n", "--to-column", "name", "--to-type", "bigint", "--up", "n::bigint", "--down", "name::integer");

      assertThat(rename.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(rename.err()).contains("column email exists already in table public.people");
      assertThat(retype.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(retype.err()).contains("column name exists already in table public.people");
      assertThat(out).doesNotExist();
    }
  }

  @EachPostgres
  void scaffoldNamesTheFunctionsThatWillFailAfterContract(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2))");
      statement.execute("CREATE FUNCTION public.revenue() RETURNS numeric LANGUAGE sql STABLE"
          + " AS 'SELECT sum(o.amount) FROM public.orders AS o'");
      statement.execute("CREATE FUNCTION public.unrelated() RETURNS integer LANGUAGE sql AS 'SELECT 1'");
      Path out = dir.resolve("orders_amount_cents.yaml");

      CommandRun run = CommandRun.of("scaffold", "retype", "--url", database.jdbcUrl(), "--table", "orders",
          "--column", "amount", "--to-column", "amount_cents", "--to-type", "bigint",
          "--up", "round(amount * 100)::bigint", "--down", "amount_cents / 100.0", "--out", out.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("note: public.revenue() names column amount of public.orders and will fail once"
          + " contract drops it: change it to read amount_cents before contract").doesNotContain("unrelated");
      assertThat(java.nio.file.Files.readString(out)).contains("readers:", "public.revenue()");
      CommandRun generate = CommandRun.of("generate", out.toString(), "--out", dir.resolve("generated").toString());
      assertThat(generate.exitCode()).as(generate.err()).isZero();
      assertThat(java.nio.file.Files.readString(dir.resolve("generated/orders_amount_cents/runbook.md")))
          .contains("fail once contract drops it", "`public.revenue()`");
    }
  }

  @EachPostgres
  void scaffoldNamesTheTriggersTheBackfillWillFire(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.products (id bigint PRIMARY KEY, name text, updated_at timestamptz)");
      statement.execute("CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS"
          + " $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$");
      statement.execute("CREATE TRIGGER products_touch BEFORE UPDATE ON public.products FOR EACH ROW"
          + " EXECUTE FUNCTION public.touch()");
      statement.execute("CREATE TRIGGER products_name_only BEFORE UPDATE OF updated_at ON public.products FOR EACH ROW"
          + " EXECUTE FUNCTION public.touch()");
      Path out = dir.resolve("products_title.yaml");

      CommandRun run = CommandRun.of("scaffold", "rename", "--url", database.jdbcUrl(), "--table", "products",
          "--from", "name", "--to", "title", "--out", out.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("note: trigger products_touch of public.products fires on every UPDATE, so also"
          + " for every row the backfill writes", "current_setting('colsync.backfill', true)")
          .doesNotContain("products_name_only");
    }
  }

  private Path spec(String migration, String change) throws Exception {
    Path file = dir.resolve(migration + ".yaml");
    Files.writeString(file, "migration: " + migration + "\ntable: public.people\nprimaryKey: [id]\n" + change + "\n");
    return file;
  }
}
