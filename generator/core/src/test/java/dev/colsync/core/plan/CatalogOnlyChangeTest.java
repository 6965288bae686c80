package dev.colsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.Generator;
import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When {@code strategy: auto} takes the catalog-only path, and what it says when it does not. */
class CatalogOnlyChangeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "varchar(50)     | varchar(200)       | true",
      "varchar(50)     | varchar(50)        | true",
      "varchar(50)     | character varying  | true",
      "varchar(50)     | text               | true",
      "varchar         | text               | true",
      "text            | varchar            | true",
      "numeric(10,2)   | numeric(12,2)      | true",
      "numeric(10,2)   | numeric            | true",
      "numeric(10)     | decimal(12,0)      | true",
      "varchar(200)    | varchar(50)        | false",
      "varchar         | varchar(50)        | false",
      "text            | varchar(50)        | false",
      "numeric(10,2)   | numeric(12,3)      | false",
      "numeric(12,2)   | numeric(10,2)      | false",
      "numeric         | numeric(12,2)      | false",
      "char(5)         | char(10)           | false",
      "integer         | bigint             | false",
      "varchar(50)[]   | varchar(200)[]     | false"})
  void theListOfCatalogOnlyTypeChanges(String from, String to, boolean catalogOnly) {
    boolean decided = CatalogOnlyTypes.parse(from)
        .flatMap(f -> CatalogOnlyTypes.parse(to).map(t -> CatalogOnlyTypes.catalogOnly(f, t))).orElse(false);
    assertThat(decided).as("%s → %s", from, to).isEqualTo(catalogOnly);
  }

  @Test
  void aWideningWithPlainCastsIsOnePhase() throws Exception {
    Plan plan = new Generator().plan(spec("varchar(50)", "varchar(200)", "name::varchar(200)", "CAST(name AS varchar)",
        "auto", ""));
    assertThat(plan.phases()).extracting(phase -> phase.phase().id()).containsExactly("alter-type");
    assertThat(plan.strategy()).startsWith("strategy auto chose a catalog-only change");
  }

  @Test
  void strategyCopyIsExpandContractAndSaysNothing() throws Exception {
    Plan plan = new Generator().plan(spec("varchar(50)", "varchar(200)", "name::varchar(200)", "name::varchar", "copy",
        ""));
    assertThat(plan.catalogOnly()).isFalse();
    assertThat(plan.strategy()).isEmpty();
  }

  @Test
  void aNarrowingFallsBackToCopyAndTheRunbookSaysWhy() throws Exception {
    MigrationSpec spec = spec("varchar(200)", "varchar(50)", "name::varchar(50)", "name::varchar", "auto", "");
    Generator generator = new Generator();
    Plan plan = generator.plan(spec);
    assertThat(plan.phases()).extracting(phase -> phase.phase().id())
        .containsExactly("expand", "backfill", "cutover", "contract");
    String why = "strategy auto chose expand–contract (copy): varchar(200) → varchar(50) is not a change PostgreSQL"
        + " makes without rewriting the table";
    assertThat(plan.strategy()).startsWith(why);
    List<GeneratedFile> files = generator.files(List.of(spec), OutputFormat.PLAIN);
    assertThat(files).filteredOn(file -> file.path().endsWith("runbook.md")).singleElement()
        .satisfies(runbook -> assertThat(runbook.content()).contains("Strategy auto chose expand–contract (copy):"));
  }

  @Test
  void conversionsOtherThanACastFallBack() throws Exception {
    Plan plan = new Generator().plan(spec("varchar(50)", "varchar(200)", "upper(name)::varchar(200)", "name::varchar",
        "auto", ""));
    assertThat(plan.catalogOnly()).isFalse();
    assertThat(plan.strategy()).contains("up (upper(name)::varchar(200)) is more than a cast of name to varchar(200)");
  }

  @Test
  void anIndexPostgresqlRebuildsFallsBack() throws Exception {
    String indexes = "indexes:\n  - name: customers_named\n    definition: CREATE INDEX customers_named ON"
        + " public.customers USING btree (name) WHERE ((name)::text <> ''::text)\n";
    Plan plan = new Generator().plan(spec("varchar(50)", "varchar(200)", "name::varchar(200)", "name::varchar", "auto",
        indexes));
    assertThat(plan.catalogOnly()).isFalse();
    assertThat(plan.strategy()).contains("indexes with an expression, a predicate, a collation or an operator class")
        .contains("customers_named");
  }

  private static MigrationSpec spec(String from, String to, String up, String down, String strategy, String extra)
      throws Exception {
    return new SpecLoader().load("customers_name.yaml", "migration: customers_name\ntable: public.customers\n"
        + "primaryKey: [id]\nretype:\n  from: { column: name, type: \"" + from + "\" }\n"
        + "  to: { column: name, type: \"" + to + "\" }\n  up: \"" + up + "\"\n  down: \"" + down + "\"\n"
        + "  strategy: " + strategy + "\n" + extra);
  }
}
