package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ConvergenceReport;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.ExecutionRefusedException;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepOutcome;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * An in-place {@code integer} → {@code bigint} change of a primary key through the executor: the
 * backfill fills the temporary column, verification and the contract gate compare the columns as they
 * are named on either side of cut-over (and ask for no read-path flag, since there is no switch), and
 * the rollback of contract refills the old column under its temporary name with the Java runner.
 */
class InPlaceExecutionTest {
  private static final int ROWS = 2_000;

  @EachPostgres
  void everyPhaseAndTheRollbacksRunThroughTheExecutor(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.accounts (id serial PRIMARY KEY, note text)");
      Sql.execute(admin, "CREATE TABLE public.entries (id bigint PRIMARY KEY,"
          + " account_id integer REFERENCES public.accounts (id))");
      Sql.execute(admin, "INSERT INTO public.accounts (note) SELECT 'n' || g FROM generate_series(1, " + ROWS + ") g");
      Sql.execute(admin, "INSERT INTO public.entries SELECT g, 1 + g % " + ROWS + " FROM generate_series(1, 500) g");
      TableFacts facts = new CatalogReader(admin).read("public", "accounts", "id");
      Plan plan = new Generator().plan(new SpecLoader().load("accounts_id.yaml", ScaffoldedSpec.retype(
          "accounts_id", "public", "accounts", facts.primaryKey(), "id", facts.column().type(), true, "id", "bigint",
          "id::bigint", "id::integer", "reject", Optional.of(facts)).yaml()));
      ExecutionPlan execution = ExecutionPlans.of(plan);
      assertThat(execution.phaseIds()).containsExactly("expand", "backfill", "indexes", "validate", "cutover",
          "contract");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), execution,
          TestMigration.quickSettings(), new RecordingListener());

      executor.apply("expand");
      assertThat(executor.apply("backfill").steps().get(1).detail()).startsWith(ROWS + " rows changed in ");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.accounts WHERE id_colsync_new = id")).isEqualTo(ROWS);
      executor.apply("indexes");
      executor.apply("validate");
      assertThat(executor.verify().converged()).isTrue();
      executor.apply("cutover");
      assertThat(type(admin)).isEqualTo("bigint");
      Sql.execute(admin, "INSERT INTO public.accounts (note) VALUES ('after cut-over')");
      assertThat(executor.verify().rowsChecked()).isEqualTo(ROWS + 1);
      assertThat(executor.verify().converged()).isTrue();
      assertThat(executor.verify()).extracting(ConvergenceReport::newColumn, ConvergenceReport::oldColumn)
          .as("the columns compared after cut-over, as they are named now").containsExactly("id", "id_colsync_old");

      assertThat(executor.apply("contract").steps()).extracting(StepOutcome::step, StepOutcome::detail)
          .containsExactly(tuple("check-convergence", "gate: " + (ROWS + 1) + " rows converged"),
              tuple("drop-old-column", "gate: " + (ROWS + 1) + " rows converged"));
      assertThat(columns(admin)).isEqualTo("id,note");
      assertThatThrownBy(executor::verify).isInstanceOf(ExecutionRefusedException.class)
          .hasMessageContaining("\"public\".\"accounts\" has no column id_colsync_new: expand of accounts_id has not run"
              + " yet, or contract has");

      assertThat(executor.rollback("contract").steps()).extracting(StepOutcome::step)
          .contains("restore-old-column", "refill-old-column");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.accounts WHERE id_colsync_old::bigint = id"))
          .isEqualTo(ROWS + 1);
      executor.rollback("cutover");
      assertThat(type(admin)).isEqualTo("integer");
      assertThat(executor.verify().converged()).isTrue();
      executor.apply("cutover");
      executor.apply("contract");
      assertThat(columns(admin)).isEqualTo("id,note");
      assertThat(type(admin)).isEqualTo("bigint");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.entries e JOIN public.accounts a ON a.id = e.account_id"))
          .isEqualTo(500);
    }
  }

  /**
   * Cut-over locks another table whose foreign key moves. A writer holding the table and then writing
   * the other one, and a writer holding the other one and then checking a key in the table, both
   * finish without error: cut-over never waits for a second lock while holding the first.
   */
  @EachPostgres
  void cutoverDeadlocksWithNoWriter(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.accounts (id serial PRIMARY KEY, note text)");
      Sql.execute(admin, "CREATE TABLE public.entries (id bigint PRIMARY KEY,"
          + " account_id integer REFERENCES public.accounts (id))");
      Sql.execute(admin, "INSERT INTO public.accounts (note) SELECT 'n' || g FROM generate_series(1, 100) g");
      Sql.execute(admin, "INSERT INTO public.entries SELECT g, g FROM generate_series(1, 100) g");
      TableFacts facts = new CatalogReader(admin).read("public", "accounts", "id");
      Plan plan = new Generator().plan(new SpecLoader().load("accounts_id.yaml", ScaffoldedSpec.retype(
          "accounts_id", "public", "accounts", facts.primaryKey(), "id", facts.column().type(), true, "id", "bigint",
          "id::bigint", "id::integer", "reject", Optional.of(facts)).yaml()));
      // Enough retries to outlast the writer's transaction: a NOWAIT lock fails at once while it runs.
      ExecutionSettings settings = TestMigration.quickSettings()
          .withLockRetry(new ExecutionSettings.LockRetry(40, Duration.ofMillis(20), Duration.ofMillis(200)));
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
          ExecutionPlans.of(plan), settings, new RecordingListener());
      for (String phase : List.of("expand", "backfill", "indexes", "validate")) {
        executor.apply(phase);
      }

      writeWhileCuttingOver(database, executor, "UPDATE public.accounts SET note = 'a' WHERE id = 5",
          "INSERT INTO public.entries VALUES (1001, 5)");
      assertThat(type(admin)).isEqualTo("bigint");
      executor.rollback("cutover");
      writeWhileCuttingOver(database, executor, "UPDATE public.entries SET account_id = account_id WHERE id = 6",
          "INSERT INTO public.entries VALUES (1002, 6)");
      assertThat(type(admin)).isEqualTo("bigint");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.entries WHERE id > 1000")).isEqualTo(2);
    }
  }

  /** Runs {@code first} in a transaction, cut-over meanwhile, then {@code second} and commit. */
  private static void writeWhileCuttingOver(TestDatabase database, MigrationExecutor executor, String first,
      String second) throws Exception {
    try (Connection writer = database.connect()) {
      writer.setAutoCommit(false);
      Sql.execute(writer, first);
      CompletableFuture<PhaseOutcome> cutover = CompletableFuture.supplyAsync(() -> {
        try {
          return executor.apply("cutover");
        } catch (SQLException e) {
          throw new CompletionException(e);
        }
      });
      Thread.sleep(300);
      Sql.execute(writer, second);
      writer.commit();
      assertThat(cutover.get(30, TimeUnit.SECONDS).steps()).singleElement()
          .satisfies(step -> assertThat(step.result()).isEqualTo(StepOutcome.Result.DONE));
    }
  }

  private static String type(Connection connection) throws Exception {
    return Sql.text(connection, "SELECT data_type FROM information_schema.columns"
        + " WHERE table_schema = 'public' AND table_name = 'accounts' AND column_name = 'id'");
  }

  private static String columns(Connection connection) throws Exception {
    return Sql.text(connection, "SELECT string_agg(column_name, ',' ORDER BY column_name)"
        + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'accounts'");
  }

  @EachPostgres
  void aKeyReferencedByTwoTablesAndByItselfIsWidenedThroughTheExecutor(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.accounts (id serial PRIMARY KEY, parent_id integer"
          + " REFERENCES public.accounts (id), note text)");
      Sql.execute(admin, "CREATE TABLE public.entries (id bigint PRIMARY KEY,"
          + " account_id integer REFERENCES public.accounts (id))");
      Sql.execute(admin, "CREATE TABLE public.transfers (id bigint PRIMARY KEY,"
          + " to_account integer NOT NULL REFERENCES public.accounts (id))");
      Sql.execute(admin, "INSERT INTO public.accounts (note) SELECT 'n' || g FROM generate_series(1, 300) g");
      Sql.execute(admin, "UPDATE public.accounts SET parent_id = 1 WHERE id > 1");
      Sql.execute(admin, "INSERT INTO public.entries SELECT g, 1 + g % 300 FROM generate_series(1, 200) g");
      Sql.execute(admin, "INSERT INTO public.transfers SELECT g, 1 + g % 300 FROM generate_series(1, 200) g");
      TableFacts facts = new CatalogReader(admin).read("public", "accounts", "id");
      Plan plan = new Generator().plan(new SpecLoader().load("accounts_id.yaml", ScaffoldedSpec.retype(
          "accounts_id", "public", "accounts", facts.primaryKey(), "id", facts.column().type(), true, "id", "bigint",
          "id::bigint", "id::integer", "reject", Optional.of(facts)).yaml()));
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
          ExecutionPlans.of(plan), TestMigration.quickSettings(), new RecordingListener());

      for (String phase : List.of("expand", "backfill", "indexes", "validate", "cutover", "contract")) {
        assertThat(executor.apply(phase).complete()).as(phase).isTrue();
      }

      assertThat(type(admin)).isEqualTo("bigint");
      assertThat(Sql.text(admin, "SELECT string_agg(conrelid::regclass || ' ' || pg_get_constraintdef(oid), '; '"
          + " ORDER BY conrelid::regclass::text) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'public.accounts'::regclass"))
          .isEqualTo("accounts FOREIGN KEY (parent_id) REFERENCES accounts(id); entries FOREIGN KEY (account_id)"
              + " REFERENCES accounts(id); transfers FOREIGN KEY (to_account) REFERENCES accounts(id)");
      Sql.execute(admin, "INSERT INTO public.accounts (note) VALUES ('after contract')");
      Sql.execute(admin, "INSERT INTO public.transfers VALUES (1000, 301)");
    }
  }


  @EachPostgres
  void aViewOverTheKeyMovesInsideTheCutOverWithItsGrantsAndComments(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.accounts (id serial PRIMARY KEY, note text)");
      Sql.execute(admin, "INSERT INTO public.accounts (note) SELECT 'n' || g FROM generate_series(1, 200) g");
      Sql.execute(admin, "CREATE VIEW public.account_notes AS SELECT id, upper(note) AS note FROM public.accounts");
      Sql.execute(admin, "COMMENT ON VIEW public.account_notes IS 'notes by account'");
      Sql.execute(admin, "COMMENT ON COLUMN public.account_notes.id IS 'the account'");
      Sql.execute(admin, "DO $$ BEGIN CREATE ROLE colsync_view_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
      Sql.execute(admin, "GRANT SELECT ON public.account_notes TO colsync_view_reader");
      TableFacts facts = new CatalogReader(admin).read("public", "accounts", "id");
      Plan plan = new Generator().plan(new SpecLoader().load("accounts_id.yaml", ScaffoldedSpec.retype(
          "accounts_id", "public", "accounts", facts.primaryKey(), "id", facts.column().type(), true, "id", "bigint",
          "id::bigint", "id::integer", "reject", Optional.of(facts)).yaml()));
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
          ExecutionPlans.of(plan), TestMigration.quickSettings(), new RecordingListener());
      for (String phase : List.of("expand", "backfill", "indexes", "validate", "cutover")) {
        assertThat(executor.apply(phase).complete()).as(phase).isTrue();
      }
      assertThat(viewFacts(admin)).isEqualTo("bigint|notes by account|the account|t");

      executor.rollback("cutover");
      assertThat(viewFacts(admin)).isEqualTo("integer|notes by account|the account|t");
      executor.apply("cutover");
      assertThat(executor.apply("contract").complete()).isTrue();

      assertThat(viewFacts(admin)).isEqualTo("bigint|notes by account|the account|t");
      assertThat(columns(admin)).isEqualTo("id,note");
      Sql.execute(admin, "INSERT INTO public.accounts (id, note) VALUES (3000000000, 'wide')");
      assertThat(Sql.text(admin, "SELECT note FROM public.account_notes WHERE id = 3000000000")).isEqualTo("WIDE");
    }
  }

  /** The view's id type, its comment, its id column's comment, and whether the reader may select from it. */
  private static String viewFacts(Connection admin) throws SQLException {
    return Sql.text(admin, "SELECT concat_ws('|', (SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = 'public.account_notes'::regclass AND attname = 'id'),"
        + " obj_description('public.account_notes'::regclass, 'pg_class'),"
        + " col_description('public.account_notes'::regclass, 1),"
        + " has_table_privilege('colsync_view_reader', 'public.account_notes', 'SELECT'))");
  }

}
