package dev.colsync.core.pg;

import dev.colsync.core.testing.ContractReady;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rename on a partitioned table: the trigger on the parent covers every partition, old and new. */
class PartitionedTableTest {
  private static final String TABLE = "\"public\".\"events\"";
  private static final String APP_TABLE = "\"app\".\"events\"";

  @EachPostgres
  void aUniqueConstraintOnAPartitionedTableIsRefusedByName(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE TABLE public.events (id bigint, at date, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
          CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
          CREATE INDEX events_kind ON public.events (kind);
          ALTER TABLE public.events ADD CONSTRAINT events_kind_key UNIQUE (kind, at);
          """);
      TableFacts facts = new CatalogReader(admin).read("public", "events", "kind");
      String yaml = ScaffoldedSpec.rename("events_category", "public", "events", facts.primaryKey(), "kind",
          "category", "text", false, Optional.of(facts)).yaml();
      assertThatThrownBy(() -> new SpecLoader().load("events_category.yaml", yaml))
          .hasMessageContaining("index events_kind_key backs the UNIQUE constraint events_kind_key of a partitioned"
              + " table, and PostgreSQL cannot adopt an index as a constraint of a partitioned table")
          .hasMessageContaining("replace it by a unique index before expand")
          .hasMessageNotContaining("index events_kind ");
    }
  }

  @EachPostgres
  void indexesAreCopiedPartitionByPartitionThroughEveryPhaseAndRollback(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE SCHEMA app;
          CREATE SCHEMA archive;
          CREATE SEQUENCE app.events_id START 5000;
          CREATE TABLE app.events (id bigint NOT NULL DEFAULT nextval('app.events_id'),
            at date NOT NULL DEFAULT date '2026-06-01', "Kind" text NOT NULL, note text, PRIMARY KEY (id, at))
            PARTITION BY RANGE (at);
          CREATE TABLE archive.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
          CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
          CREATE TABLE app."Events 2026" PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
          CREATE INDEX events_kind ON app.events ("Kind");
          CREATE INDEX events_kind_partial ON app.events (note) WHERE "Kind" <> 'k1';
          CREATE INDEX events_kind_lower ON app.events (lower("Kind") text_pattern_ops);
          CREATE INDEX events_kind_note ON app.events ("Kind", note DESC) INCLUDE (id) WITH (fillfactor = 80);
          CREATE UNIQUE INDEX events_kind_key ON app.events (id, at, "Kind");
          INSERT INTO app.events SELECT g, date '2024-01-01' + (g % 1000), 'k' || g FROM generate_series(1, 3000) g;
          """);
      TableFacts facts = new CatalogReader(admin).read("app", "events", "Kind");
      assertThat(facts.partitions()).containsExactly("app.\"Events 2026\"", "app.events_2025", "archive.events_2024");
      Plan plan = new Generator().plan(new SpecLoader().load("events_category.yaml", ScaffoldedSpec.rename(
          "events_category", "app", "events", facts.primaryKey(), "Kind", "category", "text", true,
          Optional.of(facts)).yaml()));
      assertThat(plan.phase(Phase.INDEXES).steps()).hasSize(5 * (1 + 3 + 1));
      List<String> original = snapshot(admin);

      List<WritingClient> clients = new ArrayList<>();
      WritingClient oldClient = new WritingClient("N-1", database.connect(), APP_TABLE, "\"Kind\"", "text",
          random -> "old " + random.nextInt(1000), 1);
      clients.add(oldClient);
      try {
        for (PhasePlan phase : plan.phases()) {
          if (phase.phase() == Phase.CONTRACT) {
            oldClient.pause();
          ContractReady.readPathNew(admin, plan.spec().migration());
          }
          PhaseWalk.applyAndRollBack(admin, phase, () -> snapshot(admin));
          if (phase.phase() == Phase.EXPAND) {
            clients.add(new WritingClient("N", database.connect(), APP_TABLE, "\"category\"", "text",
                random -> "new " + random.nextInt(1000), 2));
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

      List<String> expected = original.stream()
          .filter(line -> !line.startsWith("routine "))
          .map(line -> line.replace("\"Kind\"", "category").replace("column Kind ", "column category "))
          .toList();
      assertThat(snapshot(admin).stream().filter(line -> !line.startsWith("routine ")))
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(count(admin, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
      assertThat(count(admin, "SELECT count(*) FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid"
          + " WHERE c.relname LIKE 'colsync%'")).isZero();
    }
  }

  @EachPostgres
  void aPartitionTheSpecDoesNotListStopsTheIndexesPhase(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE TABLE public.events (id bigint, at date, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
          CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
          CREATE INDEX events_kind ON public.events (kind);
          """);
      TableFacts facts = new CatalogReader(admin).read("public", "events", "kind");
      Plan plan = new Generator().plan(new SpecLoader().load("events_category.yaml", ScaffoldedSpec.rename(
          "events_category", "public", "events", facts.primaryKey(), "kind", "category", "text", false,
          Optional.of(facts)).yaml()));
      execute(admin, "CREATE TABLE public.events_2026 PARTITION OF public.events"
          + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
      PhaseWalk.applyTwice(admin, plan.phase(Phase.EXPAND).steps());
      PhaseWalk.applyTwice(admin, plan.phase(Phase.BACKFILL).steps());
      assertThatThrownBy(() -> PhaseWalk.applyTwice(admin, plan.phase(Phase.INDEXES).steps()))
          .hasMessageContaining("colsync: the partitions of events are not those the spec lists;"
              + " not in the spec: events_2026");
    }
  }

  /**
   * The parent's schema, and each partition's indexes: definition (with the index's own name left
   * out, since partition index names are colsync's), validity, and the parent index it is attached to.
   */
  private static List<String> snapshot(Connection admin) throws SQLException {
    List<String> lines = new ArrayList<>(SchemaSnapshot.of(admin, "app", "events"));
    lines.addAll(Jdbc.strings(admin, "SELECT 'partition index ' || t.relid::regclass || ' '"
        + " || regexp_replace(pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )(\"([^\"]|\"\")*\"|\\S+) ', '\\1')"
        + " || ' valid ' || x.indisvalid || ' of ' || coalesce(p.inhparent::regclass::text, '-')"
        + " FROM pg_partition_tree('app.events') t JOIN pg_index x ON x.indrelid = t.relid"
        + " LEFT JOIN pg_inherits p ON p.inhrelid = x.indexrelid"
        + " WHERE t.level = 1 ORDER BY 1"));
    return lines;
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
          ContractReady.readPathNew(admin, plan.spec().migration());
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
