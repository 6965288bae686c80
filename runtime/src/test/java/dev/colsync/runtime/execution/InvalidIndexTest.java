package dev.colsync.runtime.execution;

import static dev.colsync.runtime.execution.Plans.phase;
import static dev.colsync.runtime.execution.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.runtime.sql.SqlScript;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/** A concurrent index build that failed leaves an INVALID index; the next run drops it and builds it again. */
class InvalidIndexTest {
  private static final String VALID = "SELECT string_agg(i.indisvalid::text, ',') FROM pg_index i"
      + " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'items_code_key'";

  @EachPostgres
  void theNextRunDropsTheInvalidIndexAndBuildsItAgain(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, code text)");
      Sql.execute(admin, "INSERT INTO public.items SELECT g, 'code ' || (g % 500) FROM generate_series(1, 1000) g");
      ExecutionPlan plan = Plans.scripts("index_build", Duration.ofSeconds(2), phase("indexes", List.of(
          step("unique-code", SqlScript.NO_TRANSACTION_MARKER + "\n"
              + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_code_key ON public.items (code);\n")), List.of()));
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan,
          ExecutionSettings.defaults(), listener);

      assertThatThrownBy(() -> executor.apply("indexes"))
          .isInstanceOf(StepFailedException.class)
          .hasMessageContaining("indexes/unique-code failed")
          .satisfies(e -> assertThat(((StepFailedException) e).getSQLState()).isEqualTo("23505"));
      assertThat(Sql.text(admin, VALID)).as("the failed build's leftover").isEqualTo("false");

      Sql.execute(admin, "UPDATE public.items SET code = 'code ' || id");
      PhaseOutcome outcome = executor.apply("indexes");

      assertThat(outcome.steps()).singleElement()
          .satisfies(step -> assertThat(step.result()).isEqualTo(StepOutcome.Result.DONE));
      assertThat(Sql.text(admin, VALID)).isEqualTo("true");
      assertThat(listener.notices).anySatisfy(notice ->
          assertThat(notice).startsWith("dropped INVALID index public.items_code_key"));
      assertThat(Sql.number(admin, "SELECT count(*) FROM colsync.audit_log WHERE step = 'unique-code'")).isEqualTo(2);
      assertThat(Sql.text(admin, "SELECT string_agg(outcome, ',' ORDER BY id) FROM colsync.audit_log"))
          .isEqualTo("failed,ok");
    }
  }
}
