package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.spec.ColumnObjects.IndexSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordedObjectsTest {
  private static final String HEAD = """
      migration: items_location
      table: shop.items
      primaryKey: [id]
      rename: { from: path, to: location, type: text }
      """;

  private static final String RETYPE_HEAD = """
      migration: items_location
      table: shop.items
      primaryKey: [id]
      retype: { from: { column: path, type: text }, to: { column: path_id, type: uuid }, up: path::uuid,
                down: path_id::text }
      """;

  @Test
  void readsWhatScaffoldRecords() throws Exception {
    MigrationSpec spec = new SpecLoader().load("items.yaml", HEAD + """
        column: { default: "'p0'::text", collation: '"C"', comment: where it is, statistics: 321 }
        indexes:
          - { name: items_path_key, definition: "CREATE UNIQUE INDEX items_path_key ON shop.items USING btree (path)",
              constraint: items_path_key }
        constraints:
          - { name: items_path_check, table: shop.items, definition: "CHECK ((path <> ''::text))" }
        foreignKeys:
          - { name: items_path_fkey, table: shop.items, definition: "FOREIGN KEY (path) REFERENCES shop.codes(code)" }
        """);
    assertThat(spec.objects().properties().collation()).contains("\"C\"");
    assertThat(spec.objects().properties().statistics()).contains(321);
    assertThat(spec.objects().indexes()).containsExactly(new IndexSpec("items_path_key",
        "CREATE UNIQUE INDEX items_path_key ON shop.items USING btree (path)", Optional.of("items_path_key")));
    assertThat(spec.objects().constraints()).hasSize(1);
    assertThat(spec.objects().foreignKeys()).hasSize(1);
  }

  @Test
  void refusesDependentsAndIncomingForeignKeysOfATypeChangeNamingEach() {
    assertThatThrownBy(() -> new SpecLoader().load("items.yaml", RETYPE_HEAD + """
        referencedBy:
          - { name: notes_path_fkey, table: shop.notes, definition: "FOREIGN KEY (item) REFERENCES shop.items(path)" }
        dependents:
          - { kind: view, name: shop.items_view }
          - { kind: generated column, name: path_upper }
        """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("items.yaml:7:5: /referencedBy/0: foreign key notes_path_fkey of shop.notes references"
            + " the column; after a type change the referencing column would need the new type too")
        .hasMessageContaining("items.yaml:9:5: /dependents/0: view shop.items_view uses the column, and colsync cannot"
            + " carry a view over to the new column safely; drop it before expand and create it again over the new"
            + " column after contract")
        .hasMessageContaining("/dependents/1: generated column path_upper uses the column");
  }

  @Test
  void readsThePartitionsOfAPartitionedTable() throws Exception {
    MigrationSpec spec = new SpecLoader().load("events.yaml", HEAD + """
        indexes:
          - { name: items_path, definition: "CREATE INDEX items_path ON ONLY shop.items USING btree (path)" }
        partitions: [shop.items_2025, "archive.\\"Items 2024\\""]
        """);
    assertThat(spec.objects().partitions()).containsExactly(new TableName("shop", "items_2025"),
        new TableName("archive", "Items 2024"));
  }

  @Test
  void refusesAUniqueConstraintOfAPartitionedTableAndAPartitionThatIsNoName() {
    assertThatThrownBy(() -> new SpecLoader().load("events.yaml", HEAD + """
        indexes:
          - { name: items_path, definition: "CREATE INDEX items_path ON ONLY shop.items USING btree (path)" }
          - { name: items_path_key, definition: "CREATE UNIQUE INDEX items_path_key ON ONLY shop.items USING btree (path)",
              constraint: items_path_key }
        partitions: [shop.items_2025, "items 2024"]
        """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("events.yaml:7:5: /indexes/1: index items_path_key backs the UNIQUE constraint"
            + " items_path_key of a partitioned table, and PostgreSQL cannot adopt an index as a constraint of a"
            + " partitioned table (it refuses ADD CONSTRAINT … USING INDEX there) (expected: no UNIQUE constraint on"
            + " the column of a partitioned table: replace it by a unique index before expand")
        .hasMessageContaining("/partitions/1: 'items 2024' is not a schema-qualified table name (expected: a list of"
            + " the table's partitions as the catalog prints them")
        .hasMessageNotContaining("/indexes/0");
  }

  @Test
  void refusesTypesWithoutEquality() {
    assertThatThrownBy(() -> new SpecLoader().load("doc.yaml", """
        migration: docs_body
        table: docs
        primaryKey: [id]
        retype: { from: { column: body, type: text }, to: { column: body_json, type: json }, up: body::json,
                  down: body_json::text }
        """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("/retype/to/type: type json has no equality operator, which colsync needs to compare"
            + " the old and the new value (expected: jsonb instead of json)");
  }
}
