package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.plan.Phase;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;

/**
 * Every backfill batch, by the executor's runner and by the generated procedure, sets
 * {@code colsync.backfill} to the migration's name for its transaction: an {@code updated_at} trigger
 * of the table that checks it leaves the backfill's updates unstamped, and an application's update on
 * the same connection afterwards is stamped as before.
 */
class BackfillMarkerTest {
  private static final int ROWS = 250;

  @EachPostgres
  void theRunnerAndTheProcedureMarkTheirBatchesAndOnlyThem(PostgresServer server) throws Exception {
    for (boolean procedure : new boolean[] {false, true}) {
      TestMigration migration = TestMigration.cents(procedure ? "marked_call" : "marked_runner");
      try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
        migration.createTable(admin, ROWS);
        Sql.execute(admin, "ALTER TABLE public.items ADD COLUMN stamped_by text");
        Sql.execute(admin, "CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF coalesce(current_setting('colsync.backfill', true), '') <> '' THEN RETURN NEW; END IF;"
            + " NEW.stamped_by := 'application'; RETURN NEW; END $$");
        Sql.execute(admin, "CREATE TRIGGER items_stamp BEFORE UPDATE ON public.items FOR EACH ROW"
            + " EXECUTE FUNCTION public.stamp()");
        migration.executor(database, TestMigration.quickSettings(), new RecordingListener()).apply("expand");
        if (procedure) {
          ScriptRunner.run(admin, migration.step(Phase.BACKFILL, "prepare").sql());
          Sql.execute(admin, "CALL public." + migration.plan().names().backfillProcedure() + "()");
        } else {
          migration.executor(database, TestMigration.quickSettings(), new RecordingListener()).apply("backfill");
        }

        assertThat(migration.divergent(admin)).as("procedure: %s", procedure).isZero();
        assertThat(Sql.number(admin, "SELECT count(*) FROM public.items WHERE stamped_by IS NOT NULL"))
            .as("rows the backfill's updates stamped (procedure: %s)", procedure).isZero();
        Sql.execute(admin, "UPDATE public.items SET note = 'touched' WHERE id = 1");
        assertThat(Sql.text(admin, "SELECT stamped_by FROM public.items WHERE id = 1"))
            .as("an application update on the same connection after the backfill").isEqualTo("application");
      }
    }
  }
}
