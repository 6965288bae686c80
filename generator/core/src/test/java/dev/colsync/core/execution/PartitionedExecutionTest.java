package dev.colsync.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.util.Optional;

/**
 * A rename on a partitioned table through the executor: DDL on the parent locks every partition, which
 * counts as one table; the backfill walks the parent's composite key across partitions; an index is
 * copied partition by partition, rolled back and copied again.
 */
class PartitionedExecutionTest {

  @EachPostgres
  void everyPhaseThroughTheParent(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      Sql.execute(admin, """
          CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL, PRIMARY KEY (id, at))
            PARTITION BY RANGE (at);
          CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
          CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
          CREATE INDEX events_kind ON public.events (kind);
          INSERT INTO public.events SELECT g, date '2025-01-01' + (g % 700), 'k' || g FROM generate_series(1, 1400) g;
          """);
      TableFacts facts = new CatalogReader(admin).read("public", "events", "kind");
      Plan plan = new Generator().plan(new SpecLoader().load("events_category.yaml", ScaffoldedSpec.rename(
          "events_category", "public", "events", facts.primaryKey(), "kind", "category", "text", true,
          Optional.of(facts)).yaml()));
      ExecutionPlan execution = ExecutionPlans.of(plan);
      RecordingListener listener = new RecordingListener();
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), execution,
          TestMigration.quickSettings(), listener);

      executor.apply("expand");
      executor.apply("backfill");
      assertThat(listener.progress.get(listener.progress.size() - 1).rowsDone()).isEqualTo(1400);
      executor.apply("indexes");
      executor.rollback("indexes");
      assertThat(Sql.number(admin, "SELECT count(*) FROM pg_class WHERE relname LIKE 'colsync%events_kind%'")).isZero();
      executor.apply("indexes");
      executor.apply("validate");
      assertThat(executor.verify()).satisfies(report -> {
        assertThat(report.rowsChecked()).isEqualTo(1400);
        assertThat(report.converged()).isTrue();
      });
      JdbcFlagStore.write(admin, "events_category", ReadPath.NEW);
      executor.apply("contract");
      executor.rollback("contract");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.events WHERE kind IS DISTINCT FROM category"))
          .isZero();
      executor.apply("contract");
      assertThat(Sql.number(admin, "SELECT count(*) FROM public.events_2026 WHERE category IS NULL")).isZero();
      assertThat(Sql.number(admin, "SELECT count(*) FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indexrelid"
          + " WHERE h.inhparent = 'public.events_kind'::regclass AND i.indisvalid"
          + " AND pg_get_indexdef(i.indexrelid) LIKE '%(category)'")).isEqualTo(2);
    }
  }
}
