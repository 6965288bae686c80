package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.StepFailedException;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expand checks the live table before it changes anything, whoever runs it: a rename onto an existing
 * column, a column that does not exist, a type or nullability other than the spec's, or a table without
 * the key the backfill walks are refused with every mismatch named, and nothing changes. Expand after
 * contract is a no-op, and the rollback of expand after contract refuses to drop the only copy.
 */
class ExpandPreflightTest {
  private static final String PEOPLE = "CREATE TABLE public.people (id bigint PRIMARY KEY, name text, email text)";
  private static final String SEED = "INSERT INTO public.people VALUES (1, 'ann', 'ann@example.com'),"
      + " (2, 'bob', 'bob@example.com'), (3, NULL, 'cy@example.com')";

  @EachPostgres
  void aRenameOntoAnExistingColumnIsRefusedByPsqlFlywayAndTheExecutor(PostgresServer server, @TempDir Path output)
      throws Exception {
    MigrationSpec spec = spec("people_email", "table: public.people\nprimaryKey: [id]\n"
        + "rename: { from: name, to: email, type: text }\n");
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, PEOPLE);
      execute(connection, SEED);
      List<String> before = strings(connection, "SELECT concat_ws('|', id, name, email) FROM public.people ORDER BY id");
      String refusal = "column email of \"public\".\"people\" exists already and is not this migration's";

      Psql.Result psql = plain(spec, output.resolve("plain"), database).run("expand-add-column");
      assertThat(psql.succeeded()).isFalse();
      assertThat(psql.output()).contains("expand refused", refusal);

      new OutputWriter().write(output.resolve("flyway"), new Generator().files(List.of(spec), OutputFormat.FLYWAY));
      assertThatThrownBy(() -> Flyway.configure().dataSource(database.jdbcUrl(), null, null)
          .locations("filesystem:" + output.resolve("flyway").toAbsolutePath()).baselineOnMigrate(true)
          .baselineVersion("0").load().migrate()).isInstanceOf(FlywayException.class).hasMessageContaining(refusal);

      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
          ExecutionPlans.of(new Generator().plan(spec)), ExecutionSettings.defaults(), new ExecutionListener() {});
      assertThatThrownBy(() -> executor.apply("expand")).isInstanceOf(StepFailedException.class)
          .hasMessageContaining(refusal);

      assertThat(strings(connection, "SELECT concat_ws('|', id, name, email) FROM public.people ORDER BY id"))
          .isEqualTo(before);
      assertThat(strings(connection, "SELECT proname FROM pg_proc WHERE proname LIKE 'colsync%'")).isEmpty();
    }
  }

  @EachPostgres
  void everyMismatchIsNamedAndNothingChanges(PostgresServer server, @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, PEOPLE);
      execute(connection, "CREATE TABLE public.loose (id bigint, code varchar(50) NOT NULL)");
      execute(connection, "CREATE TABLE public.nullable_key (id bigint UNIQUE, code varchar(50))");

      assertRefused(database, output.resolve("a"), spec("people_nick", "table: public.people\nprimaryKey: [id]\n"
          + "rename: { from: nick, to: handle, type: text }\n"), "column nick of \"public\".\"people\" does not exist");
      assertRefused(database, output.resolve("b"), spec("people_name", "table: public.people\nprimaryKey: [id]\n"
          + "rename: { from: name, to: full_name, type: varchar(20) }\n"),
          "column name of \"public\".\"people\" is text, but the spec says varchar(20)");
      assertRefused(database, output.resolve("c"), spec("loose_code", "table: public.loose\nprimaryKey: [id]\n"
          + "rename: { from: code, to: ref, type: varchar(20), notNull: true }\n"),
          "column code of \"public\".\"loose\" is character varying(50), but the spec says varchar(20)",
          "\"public\".\"loose\" has no primary key or unique index on exactly (id) over NOT NULL columns");
      assertRefused(database, output.resolve("d"), spec("loose_nullable", "table: public.loose\nprimaryKey: [id]\n"
          + "rename: { from: code, to: ref, type: varchar(50) }\n"),
          "column code of \"public\".\"loose\" is NOT NULL, but the spec says nullable");
      assertRefused(database, output.resolve("e"), spec("nullable_key", "table: public.nullable_key\n"
          + "primaryKey: [id]\nrename: { from: code, to: ref, type: varchar(50) }\n"),
          "has no primary key or unique index on exactly (id) over NOT NULL columns");
      assertRefused(database, output.resolve("f"), spec("missing_table", "table: public.nothing\nprimaryKey: [id]\n"
          + "rename: { from: a, to: b, type: text }\n"), "table \"public\".\"nothing\" does not exist");
      assertThat(strings(connection, "SELECT attname FROM pg_attribute WHERE attrelid IN ('public.people'::regclass,"
          + " 'public.loose'::regclass, 'public.nullable_key'::regclass) AND attnum > 0 ORDER BY attrelid, attnum"))
          .containsExactly("id", "name", "email", "id", "code", "id", "code");
    }
  }

  @EachPostgres
  void expandAfterContractIsANoOpAndItsRollbackRefuses(PostgresServer server, @TempDir Path output) throws Exception {
    FormatCase change = FormatCase.all(server).get(0);
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      PhaseFacts facts = new PhaseFacts(connection, change);
      facts.createTable();
      PsqlScripts scripts = plain(change.spec(), output, database);
      scripts.runPhase("expand");
      Psql.Result again = scripts.run("expand-add-column");
      assertThat(again.succeeded()).as(again.output()).isTrue();
      assertThat(again.output()).contains("expand has run already");
      scripts.runPhase("backfill");
      scripts.runPhase("validate");
      JdbcFlagStore.write(connection, change.migration(), ReadPath.NEW);
      scripts.runPhase("contract");
      List<String> values = facts.values(change.quotedNew());

      Psql.Result afterContract = scripts.run("expand-add-column");
      assertThat(afterContract.succeeded()).as(afterContract.output()).isTrue();
      assertThat(afterContract.output()).contains("contract has run already; nothing to do");
      assertThat(facts.colsyncObjects()).isEmpty();
      execute(connection, "INSERT INTO " + change.table() + " (" + change.quotedNew() + ") VALUES ('after contract')");

      Psql.Result rollback = scripts.runFile("rollback/expand/01-drop-column.sql");
      assertThat(rollback.succeeded()).isFalse();
      assertThat(rollback.output()).contains("rollback of expand refused");
      assertThat(facts.values(change.quotedNew())).startsWith(values.toArray(String[]::new));
    }
  }

  /** Refused by psql, Flyway and the executor alike, each naming every problem. */
  private static void assertRefused(TestDatabase database, Path output, MigrationSpec spec, String... problems)
      throws Exception {
    Psql.Result result = plain(spec, output.resolve("plain"), database).run("expand-add-column");
    assertThat(result.succeeded()).as("%s: %s", spec.migration(), result.output()).isFalse();
    assertThat(result.output()).contains(problems);

    new OutputWriter().write(output.resolve("flyway"), new Generator().files(List.of(spec), OutputFormat.FLYWAY));
    Throwable flyway = org.assertj.core.api.Assertions.catchThrowable(() -> Flyway.configure()
        .dataSource(database.jdbcUrl(), null, null).locations("filesystem:" + output.resolve("flyway").toAbsolutePath())
        .baselineOnMigrate(true).baselineVersion("0").table("flyway_" + spec.migration()).load().migrate());
    assertThat(flyway).as("%s by Flyway", spec.migration()).isInstanceOf(FlywayException.class);
    for (String problem : problems) {
      assertThat(flyway).hasMessageContaining(problem);
    }

    MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
        ExecutionPlans.of(new Generator().plan(spec)), ExecutionSettings.defaults(), new ExecutionListener() {});
    Throwable applied = org.assertj.core.api.Assertions.catchThrowable(() -> executor.apply("expand"));
    assertThat(applied).as("%s by colsync apply", spec.migration()).isInstanceOf(StepFailedException.class);
    for (String problem : problems) {
      assertThat(applied).hasMessageContaining(problem);
    }
  }

  private static PsqlScripts plain(MigrationSpec spec, Path output, TestDatabase database) throws Exception {
    new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
    return new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
  }

  private static MigrationSpec spec(String migration, String body) throws Exception {
    return new SpecLoader().load(migration + ".yaml", "migration: " + migration + "\nflyway: { version: \"1\" }\n" + body);
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> strings(Connection connection, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
