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
  @Test
  void refusesTriggersThatUseTheColumnAndIdentityColumns() {
    assertThatThrownBy(() -> new SpecLoader().load("items.yaml", HEAD + """
        column: { identity: by default }
        triggers:
          - { name: items_audit, definition: "CREATE TRIGGER items_audit BEFORE UPDATE OF path ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.audit()" }
        """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("items.yaml:5:21: /column/identity: the column is an identity column, and colsync"
            + " cannot move an identity to the new column yet")
        .hasMessageContaining("items.yaml:7:5: /triggers/0: trigger items_audit uses the column, and colsync cannot"
            + " rewrite a trigger or its function for the new column (expected: no trigger that uses the column:");
  }

  @Test
  void anInPlaceChangeTakesTriggersTheSequenceAndIncomingForeignKeys() throws Exception {
    MigrationSpec spec = new SpecLoader().load("items.yaml", """
        migration: items_id
        table: shop.items
        primaryKey: [id]
        retype: { from: { column: id, type: integer, notNull: true }, to: { column: id, type: bigint, notNull: true },
                  up: id::bigint, down: id::integer }
        column: { default: "nextval('shop.items_id_seq'::regclass)", sequence: { name: shop.items_id_seq, type: integer } }
        indexes:
          - { name: items_pkey, definition: "CREATE UNIQUE INDEX items_pkey ON shop.items USING btree (id)",
              constraint: items_pkey, primary: true }
        referencedBy:
          - { name: notes_item_fkey, table: shop.notes, definition: "FOREIGN KEY (item) REFERENCES shop.items(id)" }
        triggers:
          - { name: items_audit, definition: "CREATE TRIGGER items_audit BEFORE UPDATE OF id ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.audit()" }
        """);
    assertThat(spec.change().inPlace()).isTrue();
    assertThat(spec.objects().properties().sequence()).contains(new ColumnObjects.SequenceSpec("shop.items_id_seq",
        "integer"));
    assertThat(spec.objects().indexes()).singleElement().satisfies(index -> assertThat(index.primary()).isTrue());
    assertThat(spec.objects().referencedBy()).hasSize(1);
    assertThat(spec.objects().triggers()).extracting(ColumnObjects.TriggerSpec::name).containsExactly("items_audit");
  }
}
