package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldCommandTest {
  @TempDir
  Path directory;

  @EachPostgres
  void scaffoldsFromTheLiveCatalogAndTheSpecGenerates(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE TABLE public.users (tenant int, id bigint, name text NOT NULL DEFAULT '',
            PRIMARY KEY (tenant, id), CONSTRAINT users_name_check CHECK (name <> 'x'));
          CREATE INDEX users_name ON public.users (lower(name));
          """);
      Path spec = directory.resolve("users_full_name.yaml");

      CommandRun run = CommandRun.of("scaffold", "rename", "--url", database.jdbcUrl(), "--table", "users",
          "--from", "name", "--to", "full_name", "--java-package", "com.example.users", "--out", spec.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readString(spec)).contains("migration: users_full_name", "column: tenant", "type: integer",
          "notNull: true", "default: '''''::text'", "name: users_name",
          "definition: CREATE INDEX users_name ON public.users USING btree (lower(name))", "name: users_name_check",
          "package: com.example.users");
      CommandRun generate = CommandRun.of("generate", spec.toString(), "--out", directory.resolve("out").toString());
      assertThat(generate.exitCode()).as(generate.err()).isZero();
      assertThat(directory.resolve("out/users_full_name/04-indexes-build-index-1.sql")).exists();
    }
  }

  @EachPostgres
  void notesThePublicationsThatHoldTheTableAndWhatTheirSubscribersNeed(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.users (id bigint PRIMARY KEY, name text);"
          + " CREATE TABLE public.other (id bigint PRIMARY KEY);"
          + " CREATE PUBLICATION \"Users Out\" FOR TABLE public.users; CREATE PUBLICATION others FOR TABLE public.other");
      Path spec = directory.resolve("spec.yaml");

      CommandRun run = CommandRun.of("scaffold", "rename", "--url", database.jdbcUrl(), "--table", "public.users",
          "--from", "name", "--to", "full_name", "--out", spec.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("note: public.users is in publication \"Users Out\": DDL does not replicate, so"
          + " each subscriber must have the new column before expand runs here, and drops the old one only after"
          + " contract here; the generated runbook lists the statements, in order").doesNotContain("others");
    }
  }

  @EachPostgres
  void recordsAViewThatUsesTheColumnWithItsDefinition(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.users (id bigint PRIMARY KEY, name text);"
          + " CREATE VIEW public.names AS SELECT name FROM public.users WHERE name <> 'name';");
      Path spec = directory.resolve("spec.yaml");

      CommandRun run = CommandRun.of("scaffold", "rename", "--url", database.jdbcUrl(), "--table", "public.users",
          "--from", "name", "--to", "full_name", "--out", spec.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readString(spec)).contains("- kind: view", "name: public.names", "definition: |-",
          "FROM public.users");
    }
  }

  @EachPostgres
  void refusesAColumnOfAViewOtherViewsReadAndWritesNothing(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.users (id bigint PRIMARY KEY, name text);"
          + " CREATE VIEW public.names AS SELECT name FROM public.users;"
          + " CREATE VIEW public.name_list AS SELECT name FROM public.names;");
      Path spec = directory.resolve("spec.yaml");

      CommandRun run = CommandRun.of("scaffold", "rename", "--url", database.jdbcUrl(), "--table", "public.users",
          "--from", "name", "--to", "full_name", "--out", spec.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(run.err()).contains("/dependents/0: view public.names uses the column and is read by"
          + " public.name_list").contains("nothing was written");
      assertThat(spec).doesNotExist();
    }
  }

  @EachPostgres
  void withoutToColumnTheTypeChangesInPlace(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE TABLE public.customers (id serial PRIMARY KEY, name text);
          CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id integer REFERENCES public.customers (id));
          """);
      Path spec = directory.resolve("customers_id_bigint.yaml");

      CommandRun run = CommandRun.of("scaffold", "retype", "--url", database.jdbcUrl(), "--table", "customers",
          "--column", "id", "--to-type", "bigint", "--up", "id::bigint", "--down", "id::integer",
          "--out", spec.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readString(spec)).contains("migration: customers_id_bigint", "primary: true",
          "name: customers_pkey", "name: public.customers_id_seq", "type: integer", "name: orders_customer_id_fkey");
      CommandRun generate = CommandRun.of("generate", spec.toString(), "--out", directory.resolve("out").toString());
      assertThat(generate.exitCode()).as(generate.err()).isZero();
      try (var files = Files.list(directory.resolve("out/customers_id_bigint"))) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .anyMatch(name -> name.endsWith("-cutover-swap-columns.sql"))
            .noneMatch(name -> name.contains("switch"));
      }
    }
  }

  @Test
  void withoutADatabaseTheArgumentsAreTheSpec() {
    CommandRun run = CommandRun.of("scaffold", "retype", "--table", "public.orders", "--column", "amount",
        "--from-type", "numeric(12,2)", "--to-type", "bigint", "--to-column", "amount_cents",
        "--up", "round(amount * 100)::bigint", "--down", "amount_cents / 100.0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("migration: orders_amount_cents", "- id", "up: round(amount * 100)::bigint",
        "onUpError: reject");
  }

  @Test
  void aMissingTypeWithoutADatabaseIsBadInput() {
    CommandRun run = CommandRun.of("scaffold", "rename", "--table", "users", "--from", "name", "--to", "full_name");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("give the column's type with --type");
  }

  @EachPostgres
  void aWideningCastNeedsNoUpOrDownAndTheSpecPassesTheLiveCheck(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.events (id integer PRIMARY KEY, total integer NOT NULL,"
          + " title varchar(40), at timestamp(3))");
      String[][] changes = {{"total", "total_big", "bigint"}, {"title", "title_text", "text"},
          {"at", "at_tz", "timestamptz"}, {"id", null, "bigint"}};
      for (String[] change : changes) {
        Path spec = directory.resolve(change[0] + ".yaml");
        CommandRun run = CommandRun.of(change[1] == null
            ? new String[] {"scaffold", "retype", "--url", database.jdbcUrl(), "--table", "events", "--column",
                change[0], "--to-type", change[2], "--out", spec.toString()}
            : new String[] {"scaffold", "retype", "--url", database.jdbcUrl(), "--table", "events", "--column",
                change[0], "--to-column", change[1], "--to-type", change[2], "--out", spec.toString()});

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(spec)).contains("::" + change[2]);
        CommandRun validate = CommandRun.of("validate", spec.toString(), "--url", database.jdbcUrl());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
      }
      assertThat(Files.readString(directory.resolve("title.yaml"))).contains("::varchar").doesNotContain("(40)\"");
      assertThat(CommandRun.of("scaffold", "retype", "--url", database.jdbcUrl(), "--table", "events", "--column",
          "at", "--to-column", "at_tz", "--to-type", "timestamptz").err())
          .contains("note: up \"at\"::timestamptz reads each value in the TimeZone of the session that writes it");
    }
  }

  @Test
  void withoutUpOrDownAChangeThatIsNoWideningCastIsBadInput() {
    CommandRun run = CommandRun.of("scaffold", "retype", "--table", "public.orders", "--column", "amount",
        "--from-type", "numeric(12,2)", "--to-type", "bigint", "--to-column", "amount_cents");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("colsync scaffold: give --up and --down: colsync writes them itself only for a"
        + " cast that widens (", "), and numeric(12,2) → bigint is not one");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void withoutADatabaseAWideningCastIsWrittenFromTheGivenType() {
    CommandRun run = CommandRun.of("scaffold", "retype", "--table", "public.orders", "--column", "qty",
        "--from-type", "int4", "--to-type", "int8", "--to-column", "qty_big", "--down", "least(qty_big, 2147483647)");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("up: '\"qty\"::bigint'", "down: \"least(qty_big, 2147483647)\"");
  }
}
