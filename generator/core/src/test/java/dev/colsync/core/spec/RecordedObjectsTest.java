package dev.colsync.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.spec.ColumnObjects.IndexSpec;
import java.util.List;
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
        .hasMessageContaining("items.yaml:9:5: /dependents/0: view shop.items_view uses the column, and the spec does"
            + " not record its definition, from which contract would create it again over the new column; scaffold"
            + " the spec again from the live catalog")
        .hasMessageContaining("/dependents/1: generated column path_upper uses the column");
  }

  @Test
  void readsAViewWithItsDefinitionAndOptions() throws Exception {
    MigrationSpec spec = new SpecLoader().load("items.yaml", HEAD + """
        dependents:
          - kind: view
            name: shop."Items View"
            definition: |-
              SELECT items.id,
                  items.path
                 FROM shop.items
                WHERE items.path <> 'path'::text;
            checkOption: cascaded
            securityBarrier: true
        """);
    assertThat(spec.objects().views()).containsExactly(new ViewSpec("shop", "Items View", """
        SELECT items.id,
            items.path
           FROM shop.items
          WHERE items.path <> 'path'::text;""", Optional.of("cascaded"), true, false, List.of()));
  }

  @Test
  void refusesViewsItCannotMoveNamingEachAndTheReason() {
    assertThatThrownBy(() -> new SpecLoader().load("items.yaml", HEAD + """
        dependents:
          - { kind: view, name: shop.items_read, definition: "SELECT path FROM shop.items", usedBy: [shop.report] }
          - { kind: view, name: shop.items_joined, definition: "SELECT path FROM shop.items, shop.codes" }
          - { kind: view, name: shop.items_sub, definition: "SELECT s.path FROM (SELECT path FROM shop.items) s" }
          - { kind: view, name: shop.items_using,
              definition: "SELECT items.id FROM (shop.items JOIN shop.codes USING (path))" }
          - { kind: materialized view, name: shop.items_totals }
          - { kind: rule, name: items_log on shop.items }
        """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("items.yaml:6:5: /dependents/0: view shop.items_read uses the column and is read by"
            + " shop.report; colsync does not replace a view that other views read")
        .hasMessageContaining("items.yaml:7:5: /dependents/1: view shop.items_joined uses the column, and colsync"
            + " cannot rewrite its query over the new column safely: it refers to the column without a qualifier"
            + " while its FROM clause has several relations")
        .hasMessageContaining("/dependents/2: view shop.items_sub uses the column, and colsync cannot rewrite its"
            + " query over the new column safely: its query has a subquery")
        .hasMessageContaining("/dependents/3: view shop.items_using uses the column, and colsync cannot rewrite its"
            + " query over the new column safely: it joins USING the column")
        .hasMessageContaining("/dependents/4: materialized view shop.items_totals uses the column, and colsync cannot"
            + " carry a materialized view over")
        .hasMessageContaining("/dependents/5: rule items_log on shop.items uses the column")
        .hasMessageContaining("drop the view before contract and create it again over the new column after"
            + " contract");
  }

  @Test
  void refusesAViewWrittenThroughForATypeChange() {
    assertThatThrownBy(() -> new SpecLoader().load("items.yaml", RETYPE_HEAD + """
        dependents:
          - { kind: view, name: shop.items_view, definition: "SELECT items.path FROM shop.items", checkOption: local }
        """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("items.yaml:7:5: /dependents/0: view shop.items_view uses the column and has WITH LOCAL"
            + " CHECK OPTION, so it is written through; after a type change it would read the old value computed"
            + " from the new column, which cannot be written through");
  }

  @Test
  void refusesAViewNameWithoutItsSchemaAndAnUnknownCheckOption() {
    assertThatThrownBy(() -> new SpecLoader().load("items.yaml", HEAD + """
        dependents:
          - { kind: view, name: items_view, definition: "SELECT path AS p FROM shop.items", checkOption: strict }
        """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("/dependents/0/checkOption: 'strict' is not a check option (expected: local or"
            + " cascaded)")
        .hasMessageContaining("/dependents/0/name: 'items_view' is not a view name qualified with its schema");
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

  @Test
  void anInPlaceChangeCarriesARecordedViewAndRefusesOneReadByAnother() throws Exception {
    String spec = """
        migration: items_id
        table: shop.items
        primaryKey: [id]
        retype: { from: { column: id, type: integer, notNull: true }, to: { column: id, type: bigint, notNull: true },
                  up: id::bigint, down: id::integer }
        dependents:
          - kind: view
            name: shop.items_view
            definition: |-
              SELECT items.id
                 FROM shop.items;
        """;
    assertThat(new SpecLoader().load("items.yaml", spec).objects().views()).hasSize(1);
    assertThatThrownBy(() -> new SpecLoader().load("items.yaml", spec + "    usedBy: [shop.other_view]\n"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("view shop.items_view uses the column and is read by shop.other_view");
  }
}
