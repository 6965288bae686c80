package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages a new user meets in the first hour, from the packaged jar: each says what is wrong and what to do,
 * with the exit code the README gives (1 a failure, 2 bad input).
 */
@Tag("packaged-jar")
class ColsyncJarMessagesIT {
  @TempDir
  Path dir;

  private ColsyncJar jar;

  @BeforeEach
  void jarRunsIn() {
    jar = new ColsyncJar(dir);
  }

  @Test
  void anUnknownHostIsNamedWithoutVerbose() throws Exception {
    ColsyncJar.Run run = jar.run("status", "--url", "jdbc:postgresql://no-such-host.invalid:5432/app?user=me");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("The connection attempt failed.", "UnknownHostException: no-such-host.invalid")
        .doesNotContain("\tat ");
  }

  @Test
  void aUrlThatIsNoJdbcUrlIsBadInput() throws Exception {
    ColsyncJar.Run run = jar.run("status", "--url", "mysql://db/app");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("'mysql://db/app' is not a JDBC URL such as jdbc:postgresql://db:5432/app?user=colsync"
        + " (or postgresql://colsync@db:5432/app)");
  }

  @Test
  void flywayOutputNeedsTheVersionInTheSpec() throws Exception {
    Path spec = SpecFiles.write(dir, "users.yaml", Files.readString(SpecFiles.rename(dir, "versioned.yaml",
        "users_full_name")).replace("flyway: { version: \"1\", release: all }\n", ""));

    ColsyncJar.Run run = jar.run("generate", spec.toString(), "--format", "flyway", "--out", dir.resolve("out")
        .toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains(spec + ": /flyway: Flyway scripts need a version of their own");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aTypeChangeThatIsNoWideningCastNeedsUpAndDown() throws Exception {
    ColsyncJar.Run run = jar.run("scaffold", "retype", "--table", "orders", "--column", "amount", "--from-type",
        "numeric(12,2)", "--to-column", "amount_cents", "--to-type", "bigint");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("colsync scaffold: give --up and --down: colsync writes them itself only for a"
        + " cast that widens", "and numeric(12,2) → bigint is not one");
  }

  @Test
  void databaseMessages() throws Exception {
    try (TestDatabase database = PostgresServers.any().newDatabase(); Connection admin = database.connect();
        Statement statement = admin.createStatement()) {
      String url = database.jdbcUrl();
      statement.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2));"
          + " INSERT INTO public.orders SELECT g, g * 1.25 FROM generate_series(1, 300) g;"
          + " CREATE TABLE public.events (id bigint PRIMARY KEY, ref text);"
          + " INSERT INTO public.events SELECT g, g::text FROM generate_series(1, 300) g;"
          + " UPDATE public.events SET ref = 'x7' WHERE id = 123");
      Path orders = SpecFiles.retype(dir, "orders.yaml", "orders_amount_cents");

      ColsyncJar.Run unknownFlag = jar.run("flag", "set", "orders_amount_centz", "SHADOW", "--url", url);
      assertThat(unknownFlag.exitCode()).as(unknownFlag.toString()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(unknownFlag.err()).contains("orders_amount_centz", "--force");

      Path events = SpecFiles.write(dir, "events.yaml", """
          migration: events_ref_number
          table: public.events
          primaryKey: [id]
          retype:
            from: { column: ref, type: text }
            to: { column: ref_number, type: integer }
            up: "ref::integer"
            down: "ref_number::text"
            onUpError: reject
          """);
      assertThat(jar.run("apply", events.toString(), "--phase", "expand", "--url", url).exitCode()).isZero();
      ColsyncJar.Run rejected = jar.run("apply", events.toString(), "--phase", "backfill", "--url", url);
      assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(ExitCodes.FAILURE);
      assertThat(rejected.err()).contains("invalid input syntax for type integer: \"x7\" (on the row whose key (id)"
          + " is (123))");

      for (String[] step : new String[][] {{"apply", "expand"}, {"apply", "backfill"}}) {
        ColsyncJar.Run run = jar.run(step[0], orders.toString(), "--phase", step[1], "--url", url);
        assertThat(run.exitCode()).as(run.toString()).isZero();
      }
      assertThat(jar.run("flag", "set", "orders_amount_cents", "SHADOW", "--url", url).exitCode()).isZero();
      assertThat(jar.run("flag", "set", "orders_amount_cents", "NEW", "--url", url).exitCode()).isZero();
      ColsyncJar.Run removeTooEarly = jar.run("flag", "remove", "orders_amount_cents", "--url", url);
      assertThat(removeTooEarly.exitCode()).as(removeTooEarly.toString()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(removeTooEarly.err()).contains("sync trigger");
      assertThat(jar.run("apply", orders.toString(), "--phase", "contract", "--url", url).exitCode()).isZero();
      ColsyncJar.Run verify = jar.run("verify", orders.toString(), "--url", url);
      assertThat(verify.err() + verify.out()).contains("orders_amount_cents has been contracted");
      assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.FAILURE);
      ColsyncJar.Run removed = jar.run("flag", "remove", "orders_amount_cents", "--url", url);
      assertThat(removed.exitCode()).as(removed.toString()).isZero();
    }
  }

  @Test
  void anOwnerWhoMayNotCreateTheColsyncSchemaIsToldWhatToRun() throws Exception {
    try (TestDatabase database = PostgresServers.any().newDatabase(); Connection admin = database.connect();
        Statement statement = admin.createStatement()) {
      statement.execute("DO $$ BEGIN CREATE ROLE colsync_no_create LOGIN PASSWORD 'no-create';"
          + " EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
          + " CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2));"
          + " ALTER TABLE public.orders OWNER TO colsync_no_create;"
          + " GRANT USAGE, CREATE ON SCHEMA public TO colsync_no_create");
      // The role and its password come from PGUSER and PGPASSWORD, as for psql, since the URL names neither.
      String url = database.jdbcUrl().replaceFirst("\\?.*$", "");
      Path orders = SpecFiles.retype(dir, "orders.yaml", "orders_amount_cents");

      ColsyncJar.Run run = jar.run(Map.of("PGUSER", "colsync_no_create", "PGPASSWORD", "no-create"), "apply",
          orders.toString(), "--phase", "expand", "--url", url);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
      assertThat(run.err()).contains("colsync keeps its state in schema colsync, which this database does not have"
          + " yet, and role colsync_no_create may not create it (ERROR: permission denied for database "
          + database.name() + "). Once, as a role with CREATE on database " + database.name() + ", run: CREATE SCHEMA"
          + " colsync AUTHORIZATION \"colsync_no_create\"; or give this role that right: GRANT CREATE ON DATABASE \""
          + database.name() + "\" TO \"colsync_no_create\";");
    }
  }
}
