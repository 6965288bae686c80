package dev.colsync.core.pg;

import static dev.colsync.core.pg.Jdbc.count;
import static dev.colsync.core.pg.Jdbc.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rename on a partitioned table: the trigger on the parent covers every partition, old and new. */
class PartitionedTableTest {
  private static final String TABLE = "\"public\".\"events\"";

  @EachPostgres
  void anIndexOnAPartitionedTableIsRefusedByName(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE TABLE public.events (id bigint, at date, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
          CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
          CREATE INDEX events_kind ON public.events (kind);
          """);
      TableFacts facts = new CatalogReader(admin).read("public", "events", "kind");
      String yaml = ScaffoldedSpec.rename("events_category", "public", "events", facts.primaryKey(), "kind",
          "category", "text", false, Optional.of(facts)).yaml();
      assertThatThrownBy(() -> new SpecLoader().load("events_category.yaml", yaml))
          .hasMessageContaining("index events_kind is on a partitioned table; building its copy partition by"
              + " partition is not supported yet");
    }
  }

  @EachPostgres
  void everyPhaseOnAPartitionedTableWhileBothVersionsWrite(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE SEQUENCE public.events_id START 5000;
          CREATE TABLE public.events (id bigint NOT NULL DEFAULT nextval('public.events_id'),
            at date NOT NULL DEFAULT date '2026-06-01', kind text NOT NULL, note text, PRIMARY KEY (id, at))
            PARTITION BY RANGE (at);
          CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
          CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
          INSERT INTO public.events SELECT g, date '2025-01-01' + (g % 700), 'k' || g FROM generate_series(1, 3000) g;
          """);
      TableFacts facts = new CatalogReader(admin).read("public", "events", "kind");
      Plan plan = new Generator().plan(new SpecLoader().load("events_category.yaml", ScaffoldedSpec.rename(
          "events_category", "public", "events", facts.primaryKey(), "kind", "category", "text", true,
          Optional.of(facts)).yaml()));

      List<WritingClient> clients = new ArrayList<>();
      WritingClient oldClient = new WritingClient("N-1", database.connect(), TABLE, "\"kind\"", "text",
          random -> "old " + random.nextInt(1000), 1);
      clients.add(oldClient);
      try {
        for (PhasePlan phase : plan.phases()) {
          if (phase.phase() == Phase.CONTRACT) {
            oldClient.pause();
          }
          for (Step step : phase.steps()) {
            ScriptRunner.run(admin, step.sql());
            ScriptRunner.run(admin, step.sql());
          }
          if (phase.phase() == Phase.EXPAND) {
            clients.add(new WritingClient("N", database.connect(), TABLE, "\"category\"", "text",
                random -> "new " + random.nextInt(1000), 2));
          }
          if (phase.phase() == Phase.BACKFILL) {
            clients.forEach(WritingClient::pause);
            assertThat(count(admin, "SELECT count(*) FROM public.events WHERE category IS DISTINCT FROM kind")).isZero();
            clients.forEach(WritingClient::resume);
          }
        }
        for (WritingClient client : clients) {
          client.pause();
          assertThat(client.failures()).as("failed statements").isEmpty();
        }
      } finally {
        for (WritingClient client : clients) {
          client.close();
        }
      }
      assertThat(count(admin, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events_2026'"
          + " AND column_name = 'category' AND is_nullable = 'NO'")).isEqualTo(1);
      assertThat(count(admin, "SELECT count(*) FROM information_schema.columns WHERE table_name LIKE 'events%'"
          + " AND column_name = 'kind'")).isZero();
    }
  }
}
