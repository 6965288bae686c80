package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.plan.Phase;
import dev.colsync.core.spec.OnUpError;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.StepFailedException;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Old-version writes that {@code up} cannot convert, while the executor backfills: with
 * {@code onUpError: null} they succeed and the new column is NULL; with {@code reject} they fail, and a
 * row the backfill cannot convert stops it with the error. Either way no successful write is lost.
 */
class OnUpErrorTest {
  private static final int ROWS = 2_000;
  private static final Function<Random, String> SOMETIMES_NOT_A_UUID = random -> random.nextInt(4) == 0
      ? "not a uuid " + random.nextInt(1000) : new UUID(random.nextLong(), random.nextLong()).toString();

  @EachPostgres
  void withNullTheWriteSucceedsAndTheNewColumnIsNull(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.uuid("uuid_null", OnUpError.NULL);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, ROWS);
      Sql.execute(admin, "UPDATE public.items SET ext_id = 'legacy ' || id WHERE id % 40 = 0");
      MigrationExecutor executor = migration.executor(database, TestMigration.quickSettings(), new RecordingListener());
      executor.apply("expand");
      try (ColumnWriter writer = new ColumnWriter(database.connect(), ROWS, 11,
          List.of(new ColumnWriter.Target("ext_id", "text", SOMETIMES_NOT_A_UUID)))) {
        Thread.sleep(100);
        executor.apply("backfill");
        Thread.sleep(100);
        writer.stop();

        assertThat(writer.failures).isEmpty();
        assertThat(writer.lostWrites(admin)).isEmpty();
        assertThat(Sql.number(admin, "SELECT count(*) FROM public.items WHERE ext_id LIKE 'not a uuid%'"))
            .isPositive();
        assertThat(Sql.number(admin, "SELECT count(*) FROM public.items WHERE (ext_id LIKE 'not a uuid%'"
            + " OR ext_id LIKE 'legacy%') AND ext_uuid IS NOT NULL")).isZero();
        assertThat(executor.verify().divergentRows()).isZero();
      }
    }
  }

  @EachPostgres
  void aRowTheFirstBatchCannotConvertIsNamed(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.uuid("uuid_first", OnUpError.REJECT);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, 50);
      Sql.execute(admin, "UPDATE public.items SET ext_id = 'legacy' WHERE id = 3");
      MigrationExecutor executor = migration.executor(database, TestMigration.quickSettings(), new RecordingListener());
      executor.apply("expand");

      assertThatThrownBy(() -> executor.apply("backfill"))
          .isInstanceOf(StepFailedException.class)
          .hasMessageContaining("invalid input syntax for type uuid: \"legacy\" (on the row whose key (id) is (3))");
    }
  }

  @EachPostgres
  void theGeneratedProcedureNamesTheRowItCannotConvertToo(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.uuid("uuid_call", OnUpError.REJECT);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, ROWS);
      Sql.execute(admin, "UPDATE public.items SET ext_id = 'legacy' WHERE id = 1234");
      migration.executor(database, TestMigration.quickSettings(), new RecordingListener()).apply("expand");
      Sql.execute(admin, migration.plan().steps().stream()
          .filter(step -> step.phase() == Phase.BACKFILL && step.name().equals("prepare")).findFirst().orElseThrow()
          .sql());

      assertThatThrownBy(() -> Sql.execute(admin, "CALL public." + migration.plan().names().backfillProcedure()
          + "(colsync_batch_size => 500)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ERROR: invalid input syntax for type uuid: \"legacy\" (on the row whose key (id)"
              + " is (1234))")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P02"));
      assertThat(Sql.text(admin, "SELECT last_key[1] FROM " + migration.stateTable())).isEqualTo("1000");
    }
  }

  @EachPostgres
  void withRejectTheWriteFailsAndAnUnconvertibleRowStopsTheBackfill(PostgresServer server) throws Exception {
    TestMigration migration = TestMigration.uuid("uuid_reject", OnUpError.REJECT);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      migration.createTable(admin, ROWS);
      Sql.execute(admin, "UPDATE public.items SET ext_id = 'legacy' WHERE id = 1500");
      MigrationExecutor executor = migration.executor(database, TestMigration.quickSettings(), new RecordingListener());
      executor.apply("expand");
      try (ColumnWriter writer = new ColumnWriter(database.connect(), 1_400, 12, // row 1500 stays as planted
          List.of(new ColumnWriter.Target("ext_id", "text", SOMETIMES_NOT_A_UUID)))) {
        Thread.sleep(100);
        assertThatThrownBy(() -> executor.apply("backfill"))
            .isInstanceOf(StepFailedException.class)
            .hasMessageContaining("backfill/run failed: ERROR: invalid input syntax for type uuid: \"legacy\""
                + " (on the row whose key (id) is (1500))")
            .satisfies(e -> assertThat(((StepFailedException) e).getSQLState()).isEqualTo("22P02"));
        long stoppedAt = Long.parseLong(Sql.text(admin, "SELECT last_key[1] FROM " + migration.stateTable()));
        assertThat(stoppedAt).isLessThan(1500);

        Sql.execute(admin, "UPDATE public.items SET ext_id = '" + UUID.randomUUID() + "' WHERE id = 1500");
        executor.apply("backfill");
        Thread.sleep(100);
        writer.stop();

        assertThat(writer.failures).isNotEmpty().allSatisfy(failure -> assertThat(failure)
            .startsWith("22P02 not a uuid").contains("invalid input syntax for type uuid"));
        assertThat(writer.lostWrites(admin)).isEmpty();
        assertThat(Sql.number(admin, "SELECT count(*) FROM public.items WHERE ext_id LIKE 'not a uuid%'")).isZero();
        assertThat(executor.verify().divergentRows()).isZero();
      }
    }
  }
}
