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
import dev.colsync.core.spec.SpecLoader;
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
          CREATE FUNCTION shop.refuse() RETURNS trigger LANGUAGE plpgsql AS
            $$BEGIN RAISE EXCEPTION 'negative id %', NEW.id; END$$;
          CREATE TRIGGER customers_id_guard BEFORE UPDATE OF id ON shop.customers
            FOR EACH ROW WHEN (NEW.id < 0) EXECUTE FUNCTION shop.refuse();
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
      assertThat(yaml).contains("primary: true").contains("sequence:").contains("referencedBy:")
          .contains("name: customers_id_guard");
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
          PhaseWalk.applyAndRollBack(admin, phase, () -> snapshot(admin));
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
      // The trigger bound to the column by UPDATE OF and WHEN follows it to the new column.
      assertThatThrownBy(() -> execute(admin, "UPDATE shop.customers SET id = -id WHERE id = (SELECT max(id)"
          + " FROM shop.customers)")).isInstanceOf(SQLException.class).hasMessageContaining("negative id");
      // Beyond integer: the sequence was widened with the column.
      execute(admin, "SELECT setval('shop.customers_id_seq', 3000000000)");
      execute(admin, "INSERT INTO shop.customers (name) VALUES ('big')");
      assertThat(count(admin, "SELECT max(id) FROM shop.customers")).isEqualTo(3_000_000_001L);
      assertThat(count(admin, "SELECT count(*) FROM pg_description WHERE objoid = 'shop.customers'::regclass"
          + " AND description = 'who'")).isEqualTo(1);
    }
  }

  /**
   * A quoted mixed-case column that is not the key, with a default, a CHECK, a partial index and a
   * UNIQUE constraint another table's foreign key references: the UNIQUE constraint moves at contract,
   * the foreign key at cut-over.
   */
  @EachPostgres
  void aMixedCaseUniqueColumnChangesTypeInPlace(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE SCHEMA "Shop";
          CREATE TABLE "Shop"."Stock" (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            "Qty" smallint DEFAULT NULL CONSTRAINT "Stock_Qty_key" UNIQUE,
            note text,
            CONSTRAINT "Stock_Qty_check" CHECK ("Qty" >= 0 AND 'Qty' <> note));
          CREATE INDEX "Stock_Qty_idx" ON "Shop"."Stock" ("Qty") WHERE "Qty" > 5;
          CREATE TABLE "Shop".holds (id bigint PRIMARY KEY, qty smallint CONSTRAINT holds_qty_fkey
            REFERENCES "Shop"."Stock" ("Qty") ON UPDATE CASCADE ON DELETE CASCADE);
          INSERT INTO "Shop"."Stock" ("Qty", note) SELECT g, 'n' FROM generate_series(1, 3000) g;
          INSERT INTO "Shop".holds SELECT g, g FROM generate_series(1, 500) g;
          """);
      TableFacts facts = new CatalogReader(admin).read("Shop", "Stock", "Qty");
      Plan plan = new Generator().plan(new SpecLoader().load("stock_qty.yaml", ScaffoldedSpec.retype("stock_qty",
          "Shop", "Stock", facts.primaryKey(), "Qty", facts.column().type(), false, "Qty", "integer",
          "\"Qty\"::integer", "\"Qty\"::smallint", "reject", Optional.of(facts)).yaml()));
      SelfCheck.requireClean(plan);
      String stock = "\"Shop\".\"Stock\"";
      List<String> original = stockSnapshot(admin);
      List<WritingClient> clients = List.of(
          new WritingClient("N-1", database.connect(), stock, "\"note\"", "text", random -> "a", 3),
          new WritingClient("N", database.connect(), stock, "\"note\"", "text", random -> "b", 4));
      try {
        for (PhasePlan phase : plan.phases()) {
          PhaseWalk.applyAndRollBack(admin, phase, () -> stockSnapshot(admin));
          // The key is written through whichever column carries the name; holds follow by ON UPDATE CASCADE.
          execute(admin, "UPDATE \"Shop\".\"Stock\" SET \"Qty\" = 10000 + " + phase.phase().ordinal()
              + " WHERE id = " + (1 + phase.phase().ordinal()));
          assertThat(count(admin, "SELECT count(*) FROM \"Shop\".holds WHERE qty = 10000 + " + phase.phase().ordinal()))
              .isEqualTo(count(admin, "SELECT count(*) FROM \"Shop\".\"Stock\" WHERE id = " + (1 + phase.phase().ordinal())));
          assertThatThrownBy(() -> execute(admin, "INSERT INTO \"Shop\".holds VALUES (9999, -3)"))
              .isInstanceOf(SQLException.class).hasMessageContaining("holds_qty_fkey");
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
          .map(line -> line.replace("column Qty smallint", "column Qty integer"))
          .toList();
      assertThat(stockSnapshot(admin)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static List<String> stockSnapshot(Connection admin) throws SQLException {
    List<String> lines = new ArrayList<>(SchemaSnapshot.of(admin, "Shop", "Stock"));
    lines.addAll(Jdbc.strings(admin, "SELECT 'foreign key ' || conname || ' ' || pg_get_constraintdef(oid)"
        + " || CASE WHEN convalidated THEN '' ELSE ' (not validated)' END"
        + " FROM pg_constraint WHERE conrelid = '\"Shop\".holds'::regclass AND contype = 'f' ORDER BY 1"));
    return lines;
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
}
