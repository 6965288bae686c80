package dev.colsync.core.pg;

import static dev.colsync.core.pg.Jdbc.count;
import static dev.colsync.core.pg.Jdbc.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.core.spec.SpecProblem;
import dev.colsync.core.testing.ContractReady;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rename of a column of a composite primary key that another table's foreign key references, run as
 * psql or Flyway runs the scripts (the backfill
 * and the refill of the rollback of contract are the generated procedure's): the copy of the key's
 * index becomes the key at contract, the rollback of contract walks the key under its new name while
 * it refills the old column and gives the key back to it, and every phase and rollback runs twice.
 */
class KeyRenameTest {
  private static final int ROWS = 1_500;

  @EachPostgres
  void theKeyMovesToTheRenamedColumnAndBackThroughTheScripts(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      execute(admin, """
          CREATE SCHEMA shop;
          CREATE TABLE shop.stock (tenant integer NOT NULL, code text NOT NULL, quantity integer,
            CONSTRAINT stock_key PRIMARY KEY (tenant, code));
          INSERT INTO shop.stock SELECT g % 7, 'c' || g, g FROM generate_series(1, 1500) g;
          CREATE TABLE shop.moves (id bigint PRIMARY KEY, tenant integer, code text,
            CONSTRAINT moves_stock_fkey FOREIGN KEY (tenant, code) REFERENCES shop.stock ON DELETE CASCADE);
          INSERT INTO shop.moves SELECT g, g % 7, 'c' || g FROM generate_series(1, 300) g;
          """);
      TableFacts facts = new CatalogReader(admin).read("shop", "stock", "code");
      Plan plan = new Generator().plan(new SpecLoader().load("stock_sku.yaml", ScaffoldedSpec.rename("stock_sku",
          "shop", "stock", facts.primaryKey(), "code", "sku", facts.column().type(), facts.column().notNull(),
          Optional.of(facts)).yaml()));

      for (PhasePlan phase : plan.phases()) {
        if (phase.phase() == Phase.CONTRACT) {
          ContractReady.readPathNew(admin, "stock_sku");
        }
        PhaseWalk.applyAndRollBack(admin, phase, () -> SchemaSnapshot.of(admin, "shop", "stock"));
      }

      assertThat(Jdbc.strings(admin, "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
          + " WHERE conrelid = 'shop.stock'::regclass AND contype = 'p'"))
          .containsExactly("stock_key PRIMARY KEY (tenant, sku)");
      assertThat(Jdbc.strings(admin, "SELECT attname FROM pg_attribute WHERE attrelid = 'shop.stock'::regclass"
          + " AND attnum > 0 AND NOT attisdropped ORDER BY attname")).containsExactly("quantity", "sku", "tenant");
      assertThat(count(admin, "SELECT count(*) FROM shop.stock WHERE sku = 'c' || quantity")).isEqualTo(ROWS);
      assertThat(Jdbc.strings(admin, "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
          + " WHERE conrelid = 'shop.moves'::regclass AND contype = 'f'"))
          .containsExactly("moves_stock_fkey FOREIGN KEY (tenant, code) REFERENCES shop.stock(tenant, sku)"
              + " ON DELETE CASCADE");
      assertThat(count(admin, "SELECT count(*) FROM pg_proc WHERE proname LIKE 'colsync%'")).isZero();
    }
  }

  @Test
  void aKeyRenameWithAShimOrWithoutTheKeysIndexIsRefused() {
    String base = "migration: stock_sku\ntable: shop.stock\nprimaryKey: [tenant, code]\n"
        + "rename: { from: code, to: sku, type: text, notNull: true }\n";
    String index = "indexes:\n  - { name: stock_key, definition: 'CREATE UNIQUE INDEX stock_key ON shop.stock USING"
        + " btree (tenant, code)', constraint: stock_key, primary: true }\n";

    assertThat(messages(base)).anySatisfy(message -> assertThat(message)
        .contains("the spec does not record the primary key's index"));
    assertThat(messages(base + index + "java: { package: com.example }\n")).anySatisfy(message -> assertThat(message)
        .contains("a shim for a renamed key is not supported yet"));
  }

  private static java.util.List<String> messages(String yaml) {
    SpecException refused = catchThrowableOfType(SpecException.class,
        () -> new SpecLoader().load("stock_sku.yaml", yaml));
    assertThat(refused).as("refused: %s", yaml).isNotNull();
    return refused.problems().stream().map(SpecProblem::message).toList();
  }
}
