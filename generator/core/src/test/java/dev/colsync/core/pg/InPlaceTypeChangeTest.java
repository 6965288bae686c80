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
import dev.colsync.core.plan.SelfCheck;
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

/**
 * The classic in-place change: {@code id integer} → {@code bigint} on a primary key that owns its
 * sequence, has a CHECK and an index, and is referenced by another table's foreign key. Every phase
 * runs twice while N-1 and N write, each rollback restores the catalog as it was, and afterwards the
 * column is {@code bigint} under its own name with its key, sequence, default, index, check and the
 * foreign key, and takes values beyond the range of {@code integer}.
 */
class InPlaceTypeChangeTest {
  private static final String CUSTOMERS = "\"shop\".\"customers\"";

  @EachPostgres
  void aKeyColumnReferencedByAnotherTableChangesTypeInPlace(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE SCHEMA shop;
          CREATE TABLE shop.customers (
            id serial PRIMARY KEY,
            name text,
            note text,
            CONSTRAINT customers_id_check CHECK (id > 0 AND 'id' <> name));
          CREATE INDEX customers_id_name ON shop.customers (id) INCLUDE (name) WHERE id > 10;
          COMMENT ON COLUMN shop.customers.id IS 'who';
          CREATE TABLE shop.orders (
            id bigint PRIMARY KEY,
            customer_id integer NOT NULL CONSTRAINT orders_customer_id_fkey
              REFERENCES shop.customers (id) ON DELETE CASCADE);
          INSERT INTO shop.customers (name) SELECT 'c' || g FROM generate_series(1, 3000) g;
          INSERT INTO shop.orders SELECT g, 1 + g % 3000 FROM generate_series(1, 6000) g;
          """);
      TableFacts facts = new CatalogReader(admin).read("shop", "customers", "id");
      String yaml = ScaffoldedSpec.retype("customers_id_bigint", "shop", "customers", facts.primaryKey(), "id",
          facts.column().type(), facts.column().notNull(), "id", "bigint", "id::bigint", "id::integer", "reject",
          Optional.of(facts)).yaml();
      assertThat(yaml).contains("primary: true").contains("sequence:").contains("referencedBy:");
      Plan plan = new Generator().plan(new SpecLoader().load("customers_id_bigint.yaml", yaml));
      SelfCheck.requireClean(plan);
      assertThat(plan.phases()).extracting(PhasePlan::phase).containsExactly(Phase.EXPAND, Phase.BACKFILL,
          Phase.INDEXES, Phase.VALIDATE, Phase.CUTOVER, Phase.CONTRACT);
      List<String> original = snapshot(admin);

      List<WritingClient> clients = new ArrayList<>();
      clients.add(new WritingClient("N-1", database.connect(), CUSTOMERS, "\"note\"", "text",
          random -> "old " + random.nextInt(100), 1));
      try {
        for (PhasePlan phase : plan.phases()) {
          List<String> before = snapshot(admin);
          applyTwice(admin, phase.steps());
          List<String> after = snapshot(admin);
          if (!phase.rollback().isEmpty()) {
            applyTwice(admin, phase.rollback());
            assertThat(snapshot(admin)).as("after rolling back %s", phase.phase().id())
                .containsExactlyElementsOf(before);
            applyTwice(admin, phase.steps());
            assertThat(snapshot(admin)).as("after %s again", phase.phase().id()).containsExactlyElementsOf(after);
          }
          if (phase.phase() == Phase.EXPAND) {
            clients.add(new WritingClient("N", database.connect(), CUSTOMERS, "\"note\"", "text",
                random -> "new " + random.nextInt(100), 2));
          }
          // The foreign key holds in every phase: orders follow their customer, and no orphan gets in.
          execute(admin, "INSERT INTO shop.orders SELECT 100000 + " + phase.phase().ordinal()
              + ", min(id) FROM shop.customers");
          assertThatThrownBy(() -> execute(admin, "INSERT INTO shop.orders VALUES (200000, -5)"))
              .isInstanceOf(SQLException.class).hasMessageContaining("orders_customer_id_fkey");
          if (phase.phase() == Phase.CUTOVER) {
            for (WritingClient client : clients) {
              client.pause();
            }
            assertThat(count(admin, "SELECT count(*) FROM shop.customers"
                + " WHERE id IS DISTINCT FROM id_colsync_old::bigint")).as("diverging rows").isZero();
            for (WritingClient client : clients) {
              client.resume();
            }
          }
        }
        for (WritingClient client : clients) {
          client.pause();
          assertThat(client.operations()).isPositive();
          assertThat(client.failures()).as("failed statements").isEmpty();
        }
      } finally {
        for (WritingClient client : clients) {
          client.close();
        }
      }

      List<String> expected = original.stream()
          .map(line -> line.replace("column id integer not null default nextval('shop.customers_id_seq'::regclass)",
              "column id bigint not null default nextval('shop.customers_id_seq'::regclass)"))
          .map(line -> line.replace("sequence shop.customers_id_seq integer", "sequence shop.customers_id_seq bigint"))
          .toList();
      assertThat(snapshot(admin)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(count(admin, "SELECT count(*) FROM shop.orders o LEFT JOIN shop.customers c ON c.id = o.customer_id"
          + " WHERE c.id IS NULL")).isZero();
      // Beyond integer: the sequence was widened with the column.
      execute(admin, "SELECT setval('shop.customers_id_seq', 3000000000)");
      execute(admin, "INSERT INTO shop.customers (name) VALUES ('big')");
      assertThat(count(admin, "SELECT max(id) FROM shop.customers")).isEqualTo(3_000_000_001L);
      assertThat(count(admin, "SELECT count(*) FROM pg_description WHERE objoid = 'shop.customers'::regclass"
          + " AND description = 'who'")).isEqualTo(1);
    }
  }

  /** The customers table, the orders' foreign keys, and the sequence's type and owner. */
  private static List<String> snapshot(Connection admin) throws SQLException {
    List<String> lines = new ArrayList<>(SchemaSnapshot.of(admin, "shop", "customers"));
    lines.addAll(Jdbc.strings(admin, "SELECT 'foreign key ' || conname || ' ' || pg_get_constraintdef(oid)"
        + " || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END"
        + " FROM pg_constraint WHERE conrelid = 'shop.orders'::regclass AND contype = 'f' ORDER BY 1"));
    lines.addAll(Jdbc.strings(admin, "SELECT 'sequence ' || s.seqrelid::regclass || ' '"
        + " || format_type(s.seqtypid, NULL) || ' owned by ' || coalesce(a.attname, '-')"
        + " FROM pg_sequence s LEFT JOIN pg_depend d ON d.objid = s.seqrelid AND d.deptype = 'a'"
        + "   AND d.classid = 'pg_class'::regclass"
        + " LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
        + " WHERE s.seqrelid = 'shop.customers_id_seq'::regclass"));
    return lines;
  }

  private static void applyTwice(Connection connection, List<Step> steps) throws SQLException {
    for (Step step : steps) {
      ScriptRunner.run(connection, step.sql());
      ScriptRunner.run(connection, step.sql());
    }
  }
}
