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
import dev.colsync.runtime.execution.ExecutionRefusedException;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor takes over from another runner: after Flyway applied expand it runs the backfill, and after
 * psql ran the backfill it goes on with the next phase, each adopted step recorded with a notice. A step
 * whose work is not in the database is still refused.
 */
class ExecutorAdoptionTest {
  @EachPostgres
  void phasesAppliedByFlywayOrPsqlAreRecognisedAndRecorded(PostgresServer server, @TempDir Path output)
      throws Exception {
    MigrationSpec spec = new SpecLoader().load("items_cents.yaml", "migration: items_cents\ntable: public.items\n"
        + "flyway: { version: \"1\" }\nprimaryKey: [id]\nretype:\n  from: { column: amount, type: \"numeric(12,2)\" }\n"
        + "  to: { column: amount_cents, type: bigint }\n  up: \"round(amount * 100)::bigint\"\n"
        + "  down: \"amount_cents / 100.0\"\n");
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.items (id bigint PRIMARY KEY, amount numeric(12,2))");
      statement.execute("INSERT INTO public.items SELECT g, g * 1.25 FROM generate_series(1, 300) AS g");
      List<String> notices = new CopyOnWriteArrayList<>();
      MigrationExecutor executor = executor(spec, database, notices);
      assertThatThrownBy(() -> executor.apply("backfill")).isInstanceOf(ExecutionRefusedException.class)
          .hasMessageContaining("expand/add-column must be applied first");

      new OutputWriter().write(output.resolve("flyway"), new Generator().files(List.of(spec), OutputFormat.FLYWAY));
      Flyway.configure().dataSource(database.jdbcUrl(), null, null)
          .locations("filesystem:" + output.resolve("flyway").toAbsolutePath()).baselineOnMigrate(true).baselineVersion("0").target("1.01").load().migrate();

      PhaseOutcome backfill = executor.apply("backfill");
      assertThat(backfill.complete()).isTrue();
      assertThat(notices).contains("expand/add-column was applied by another runner (its work is in the database);"
          + " recorded as applied");
      assertThat(executor.status().appliedSteps()).containsExactly("expand/add-column", "backfill/prepare",
          "backfill/run");

      executor.rollback("backfill");
      new OutputWriter().write(output.resolve("plain"), new Generator().files(List.of(spec), OutputFormat.PLAIN));
      new PsqlScripts(Psql.onPath(), database, output.resolve("plain").resolve(spec.migration())).runPhase("backfill");
      assertThatThrownBy(() -> executor.apply("contract")).isInstanceOf(ExecutionRefusedException.class)
          .hasMessageContaining("contract refused");
      assertThat(notices).contains("backfill/prepare was applied by another runner (its work is in the database);"
          + " recorded as applied", "backfill/run was applied by another runner (its work is in the database);"
          + " recorded as applied");
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM public.items"
          + " WHERE amount_cents IS DISTINCT FROM round(amount * 100)::bigint")) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
      }
    }
  }

  @EachPostgres
  void indexesConstraintsAndNotNullAppliedByPsqlAreRecognisedAndContractRuns(PostgresServer server,
      @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.items (id bigint PRIMARY KEY, code text NOT NULL,"
          + " CONSTRAINT items_code_check CHECK (length(code) > 1))");
      statement.execute("CREATE INDEX items_code ON public.items (lower(code))");
      statement.execute("INSERT INTO public.items SELECT g, 'c' || g FROM generate_series(1, 100) AS g");
      MigrationSpec spec = LiveSpecs.rename(connection, "items", "code", "ref");
      new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
      PsqlScripts scripts = new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
      for (String phase : List.of("expand", "backfill", "indexes", "validate")) {
        scripts.runPhase(phase);
      }
      dev.colsync.runtime.flag.JdbcFlagStore.write(connection, spec.migration(), dev.colsync.runtime.flag.ReadPath.NEW);
      List<String> notices = new CopyOnWriteArrayList<>();
      MigrationExecutor executor = executor(spec, database, notices);

      assertThat(executor.apply("contract").complete()).isTrue();

      assertThat(notices).filteredOn(notice -> notice.endsWith("recorded as applied"))
          .extracting(notice -> notice.substring(0, notice.indexOf(' ')))
          .containsExactly("expand/add-column", "backfill/prepare", "backfill/run", "indexes/build-index-1",
              "validate/add-new-not-null", "validate/validate-new-not-null", "validate/set-new-not-null",
              "validate/add-constraint-1", "validate/validate-constraint-1");
      try (ResultSet columns = statement.executeQuery("SELECT string_agg(attname, ',' ORDER BY attnum)"
          + " FROM pg_attribute WHERE attrelid = 'public.items'::regclass AND attnum > 0 AND NOT attisdropped")) {
        columns.next();
        assertThat(columns.getString(1)).isEqualTo("id,ref");
      }
    }
  }


  @EachPostgres
  void indexCopiesOfAPartitionedTableAppliedByPsqlAreRecognised(PostgresServer server, @TempDir Path output)
      throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.events (id bigint, region text, code text, PRIMARY KEY (id, region))"
          + " PARTITION BY LIST (region)");
      statement.execute("CREATE TABLE public.events_eu PARTITION OF public.events FOR VALUES IN ('eu')");
      statement.execute("CREATE TABLE public.events_us PARTITION OF public.events FOR VALUES IN ('us')");
      statement.execute("CREATE INDEX events_code ON public.events (code)");
      statement.execute("INSERT INTO public.events SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, 'c' || g"
          + " FROM generate_series(1, 200) AS g");
      MigrationSpec spec = LiveSpecs.rename(connection, "events", "code", "ref");
      new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
      PsqlScripts scripts = new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
      for (String phase : List.of("expand", "backfill", "indexes")) {
        scripts.runPhase(phase);
      }
      dev.colsync.runtime.flag.JdbcFlagStore.write(connection, spec.migration(), dev.colsync.runtime.flag.ReadPath.NEW);
      List<String> notices = new CopyOnWriteArrayList<>();

      assertThat(executor(spec, database, notices).apply("contract").complete()).isTrue();

      assertThat(notices).filteredOn(notice -> notice.endsWith("recorded as applied"))
          .extracting(notice -> notice.substring(0, notice.indexOf(' ')))
          .contains("expand/add-column", "backfill/run", "indexes/build-index-1-parent",
              "indexes/build-index-1-partition-1", "indexes/build-index-1-partition-2", "indexes/attach-index-1");
      try (ResultSet index = statement.executeQuery("SELECT pg_get_indexdef('public.events_code'::regclass)")) {
        index.next();
        assertThat(index.getString(1)).isEqualTo("CREATE INDEX events_code ON ONLY public.events USING btree (ref)");
      }
    }
  }

  @EachPostgres
  void anInPlaceCutOverAndReferencingKeysAppliedByPsqlAreRecognised(PostgresServer server, @TempDir Path output)
      throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.accounts (id serial PRIMARY KEY, note text)");
      statement.execute("CREATE TABLE public.entries (id bigint PRIMARY KEY, account_id integer REFERENCES public.accounts (id))");
      statement.execute("INSERT INTO public.accounts (note) SELECT 'n' || g FROM generate_series(1, 100) AS g");
      statement.execute("INSERT INTO public.entries SELECT g, g FROM generate_series(1, 100) AS g");
      MigrationSpec spec = LiveSpecs.retype(connection, "accounts", "id", "id", "bigint", "id::bigint", "id::integer");
      new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
      PsqlScripts scripts = new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
      for (String phase : List.of("expand", "backfill", "indexes", "validate", "cutover")) {
        scripts.runPhase(phase);
      }
      List<String> notices = new CopyOnWriteArrayList<>();

      assertThat(executor(spec, database, notices).apply("contract").complete()).isTrue();

      assertThat(notices).filteredOn(notice -> notice.endsWith("recorded as applied"))
          .extracting(notice -> notice.substring(0, notice.indexOf(' ')))
          .contains("expand/add-column", "indexes/build-index-1", "validate/add-referencing-key-1",
              "validate/validate-referencing-key-1", "cutover/swap-columns");
      try (ResultSet type = statement.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
          + " WHERE attrelid = 'public.accounts'::regclass AND attname = 'id'")) {
        type.next();
        assertThat(type.getString(1)).isEqualTo("bigint");
      }
    }
  }

  /** An executor of {@code spec} whose notices go to {@code notices}. */
  private static MigrationExecutor executor(MigrationSpec spec, TestDatabase database, List<String> notices) {
    return new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), ExecutionPlans.of(new Generator().plan(spec)),
        ExecutionSettings.defaults(), new ExecutionListener() {
          @Override
          public void notice(String message) {
            notices.add(message);
          }
        });
  }
}
