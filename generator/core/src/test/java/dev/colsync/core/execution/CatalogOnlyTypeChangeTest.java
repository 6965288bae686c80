package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.runtime.sql.SqlScript;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog-only fast path ({@code strategy: auto}, {@code varchar(50)} → {@code varchar(200)}) on a real
 * server: run by psql and by the executor, the table and its index keep their files ({@code relfilenode}), the
 * column has the new type, a second run does nothing, a lock wait is retried, and the rollback scans before
 * it changes the type back. The ALTER takes about as long on a million rows as on ten thousand.
 */
class CatalogOnlyTypeChangeTest {
  private static final Path SPEC = Path.of("src/test/resources/golden-specs/customers_name_widen.yaml");
  private static final String TYPE = "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
      + " WHERE attrelid = 'public.customers'::regclass AND attname = 'name'";
  private static final String FILES = "SELECT string_agg(relname || '=' || relfilenode, ',' ORDER BY relname)"
      + " FROM pg_class WHERE relname IN ('customers', 'customers_name_idx', 'customers_pkey')";

  @EachPostgres
  void psqlChangesTheTypeWithoutRewritingTheTableOrItsIndex(PostgresServer server, @TempDir Path output)
      throws Exception {
    MigrationSpec spec = new SpecLoader().load(SPEC);
    new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
    Path directory = output.resolve("customers_name_widen");
    Psql psql = Psql.onPath();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      createCustomers(admin, 10_000);
      String before = Sql.text(admin, FILES);

      Psql.Result first = psql.run(database, directory.resolve("01-alter-type-change-type.sql"), true, Map.of());
      assertThat(first.succeeded()).as(first.output()).isTrue();
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(200)");
      System.out.println("relfilenodes before " + before + ", after " + Sql.text(admin, FILES));
      assertThat(Sql.text(admin, FILES)).as("no file of the table or its indexes was rewritten").isEqualTo(before);
      assertThat(Sql.text(admin, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'customers_name_idx'::regclass"))
          .isEqualTo("t");

      Psql.Result again = psql.run(database, directory.resolve("01-alter-type-change-type.sql"), true, Map.of());
      assertThat(again.succeeded()).as(again.output()).isTrue();
      assertThat(again.output()).contains("has type varchar(200) already; nothing to do");
      assertThat(Sql.text(admin, FILES)).isEqualTo(before);

      Path rollback = directory.resolve("rollback/alter-type/01-restore-type.sql");
      Sql.execute(admin, "INSERT INTO public.customers VALUES (0, repeat('x', 120))");
      Psql.Result refused = psql.run(database, rollback, true, Map.of());
      assertThat(refused.succeeded()).isFalse();
      assertThat(refused.output()).contains("holds values that type varchar(50) cannot hold as they are");
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(200)");

      Sql.execute(admin, "DELETE FROM public.customers WHERE id = 0");
      Psql.Result restored = psql.run(database, rollback, true, Map.of());
      assertThat(restored.succeeded()).as(restored.output()).isTrue();
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(50)");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.customers WHERE name LIKE 'customer %'"))
          .isEqualTo(10_000);
      Psql.Result restoredAgain = psql.run(database, rollback, true, Map.of());
      assertThat(restoredAgain.output()).contains("has type varchar(50) already; nothing to do");
    }
  }

  @EachPostgres
  void theExecutorAppliesTheOnePhaseAndRollsItBack(PostgresServer server) throws Exception {
    Plan plan = new Generator().plan(new SpecLoader().load(SPEC));
    ExecutionPlan execution = ExecutionPlans.of(plan);
    assertThat(execution.phaseIds()).containsExactly("alter-type");
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      createCustomers(admin, 5_000);
      String before = Sql.text(admin, FILES);
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), execution,
          TestMigration.quickSettings(), new RecordingListener());

      assertThat(executor.apply("alter-type").steps()).extracting(StepOutcome::step, StepOutcome::result)
          .containsExactly(Tuple.tuple("change-type", StepOutcome.Result.DONE));
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(200)");
      assertThat(Sql.text(admin, FILES)).isEqualTo(before);
      assertThat(executor.apply("alter-type").steps()).extracting(StepOutcome::result)
          .containsExactly(StepOutcome.Result.ALREADY_DONE);
      assertThat(executor.status().appliedSteps()).containsExactly("alter-type/change-type");

      assertThat(executor.rollback("alter-type").steps()).extracting(StepOutcome::step)
          .containsExactly("restore-type");
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(50)");
      assertThat(executor.status().appliedSteps()).isEmpty();
      executor.apply("alter-type");
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(200)");
    }
  }

  /** A reader holding the table for longer than lock_timeout: the script asks again, and gets the lock. */
  @EachPostgres
  void aLockNotGrantedInTimeIsAskedForAgain(PostgresServer server) throws Exception {
    String text = Files.readString(SPEC, StandardCharsets.UTF_8) + "timeouts: { lock: 200ms, statement: 30s }\n";
    Plan plan = new Generator().plan(new SpecLoader().load("customers_name_widen.yaml", text));
    String script = plan.steps().get(0).sql();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        Connection reader = database.connect(); Connection runner = database.connect()) {
      createCustomers(admin, 100);
      reader.setAutoCommit(false);
      Sql.execute(reader, "SELECT count(*) FROM public.customers");
      CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(500);
          reader.commit();
        } catch (InterruptedException | SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      List<String> notices = runInOneTransaction(runner, script);
      release.join();
      assertThat(notices).anyMatch(notice -> notice.contains("within lock_timeout (attempt 1 of 5); retrying"));
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(200)");
    }
  }

  /** What the script checks under its lock, as {@code validate --url} runs it: an index PostgreSQL would rebuild. */
  @EachPostgres
  void theLiveCatalogDecides(PostgresServer server) throws Exception {
    MigrationSpec spec = new SpecLoader().load(SPEC);
    Generator generator = new Generator();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      createCustomers(admin, 100);
      assertThat(runInOneTransactionRolledBack(admin, generator.liveCheck(spec)))
          .anyMatch(notice -> notice.contains("can change from varchar(50) to varchar(200) in the catalog alone"));

      Sql.execute(admin, "CREATE INDEX customers_named ON public.customers (name) WHERE name <> ''");
      String before = Sql.text(admin, FILES);
      assertThatThrownBy(() -> runInOneTransactionRolledBack(admin, generator.liveCheck(spec)))
          .hasMessageContaining("PostgreSQL would rebuild these indexes over column name")
          .hasMessageContaining("customers_named");
      assertThatThrownBy(() -> runInOneTransaction(admin, generator.plan(spec).steps().get(0).sql()))
          .hasMessageContaining("customers_named");
      assertThat(Sql.text(admin, TYPE)).isEqualTo("character varying(50)");
      assertThat(Sql.text(admin, FILES)).isEqualTo(before);
    }
  }

  /**
   * The ALTER on 10 000 and on 1 000 000 rows. Only a generous bound is asserted (the machine is shared);
   * the figures are printed.
   */
  @EachPostgres
  void theAlterTakesAboutTheSameTimeWhateverTheRowCount(PostgresServer server) throws Exception {
    Plan plan = new Generator().plan(new SpecLoader().load(SPEC));
    String script = plan.steps().get(0).sql();
    String rollback = plan.phases().get(0).rollback().get(0).sql();
    List<String> figures = new ArrayList<>();
    for (int rows : new int[] {10_000, 1_000_000}) {
      try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
        createCustomers(admin, rows);
        Sql.execute(admin, "VACUUM ANALYZE public.customers");
        String before = Sql.text(admin, FILES);
        Duration took = timed(() -> runInOneTransaction(admin, script));
        assertThat(Sql.text(admin, FILES)).isEqualTo(before);
        assertThat(took).as("the ALTER on %d rows", rows).isLessThan(Duration.ofSeconds(5));
        // The change back narrows: a scan, then a rewrite (new files), in time that grows with the table.
        Duration back = timed(() -> runInOneTransaction(admin, rollback));
        assertThat(Sql.text(admin, FILES)).isNotEqualTo(before);
        figures.add(rows + " rows: " + took.toMillis() + " ms (rollback, which rewrites: " + back.toMillis() + " ms)");
      }
    }
    System.out.println("catalog-only ALTER … TYPE on " + server + ": " + String.join(", ", figures));
  }

  private interface Work {
    void run() throws SQLException;
  }

  private static Duration timed(Work work) throws SQLException {
    long start = System.nanoTime();
    work.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void createCustomers(Connection admin, int rows) throws SQLException {
    Sql.execute(admin, "CREATE TABLE public.customers (id bigint PRIMARY KEY, name varchar(50))");
    Sql.execute(admin, "INSERT INTO public.customers SELECT g, 'customer ' || g FROM generate_series(1, " + rows
        + ") g");
    Sql.execute(admin, "CREATE INDEX customers_name_idx ON public.customers (name)");
  }

  /** Runs {@code script} in one transaction and commits; returns the notices it raised. */
  private static List<String> runInOneTransaction(Connection connection, String script) throws SQLException {
    List<String> notices = new ArrayList<>();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : SqlScript.statements(script)) {
        statement.execute(sql);
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
          notices.add(warning.getMessage());
        }
      }
      connection.commit();
      return notices;
    } catch (SQLException failure) {
      connection.rollback();
      throw failure;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static List<String> runInOneTransactionRolledBack(Connection connection, String script)
      throws SQLException {
    List<String> notices = new ArrayList<>();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : SqlScript.statements(script)) {
        statement.execute(sql);
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
          notices.add(warning.getMessage());
        }
      }
      return notices;
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }
}
