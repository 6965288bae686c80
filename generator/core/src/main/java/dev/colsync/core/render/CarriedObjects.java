package dev.colsync.core.render;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.plan.CatalogNames;
import dev.colsync.core.plan.ColumnReferences;
import dev.colsync.core.plan.Definitions;
import dev.colsync.core.plan.ObjectNames;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.ColumnObjects;
import dev.colsync.core.spec.ColumnObjects.ConstraintSpec;
import dev.colsync.core.spec.ColumnObjects.IndexSpec;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Rename;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The copies of the old column's indexes and constraints that the new column gets, and the SQL
 * that moves each between its copy name (while both columns exist) and its original name (after
 * contract). All SQL pieces are quoted.
 */
public final class CarriedObjects {
  private final MigrationSpec spec;
  private final ColumnObjects objects;
  private final ColumnChange change;
  private final String schema;
  private final String table;
  private final String recorded;

  public CarriedObjects(MigrationSpec spec) {
    this(spec, spec.change().from().name());
  }

  /**
   * @param recordedColumn the column the spec's recorded definitions name: the old column, except for
   *     the physical changes of an in-place type change, whose definitions name the logical column
   */
  public CarriedObjects(MigrationSpec spec, String recordedColumn) {
    this.spec = spec;
    this.objects = spec.objects();
    this.change = spec.change();
    this.schema = spec.table().schema();
    this.table = qualified(schema, spec.table().name());
    this.recorded = recordedColumn;
  }

  /**
   * An index and its copy.
   *
   * @param original the original index's name, quoted
   * @param copy the copy's name, quoted
   * @param copyLiteral the copy's name as a string constant, for catalog look-ups
   * @param invalid the name an INVALID leftover of the copy is moved to before it is dropped, quoted
   * @param createCopy {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS} of the copy over the new column
   * @param createOriginal the same for the original over the old column (contract rollback)
   * @param originalLiteral the original's name as a string constant
   * @param originalInvalid the name an INVALID leftover of the original is moved to, quoted
   * @param constraint the original UNIQUE constraint's name, quoted, or empty when the index backs none
   * @param primary whether the original is the primary key's index (an in-place type change moves it at cut-over)
   */
  public record IndexCopy(
      String original, String copy, String copyLiteral, String invalid, String createCopy, String createOriginal,
      String originalLiteral, String originalInvalid, String constraint, boolean primary) {
    /** Whether the copy becomes a UNIQUE constraint as the original is one; a primary key's copy becomes one at cut-over. */
    public boolean backsConstraint() {
      return !constraint.isEmpty() && !primary;
    }

    /** The primary key constraint's name, quoted: the one the catalog gave, else the index's. */
    public String primaryConstraint() {
      return constraint.isEmpty() ? original : constraint;
    }
  }

  /**
   * A constraint and its copy.
   *
   * @param original the original's name, quoted
   * @param copy the copy's name, quoted
   * @param copyLiteral the copy's name as a string constant
   * @param originalLiteral the original's name as a string constant
   * @param copyDefinition the copy's definition over the new column
   * @param originalDefinition the original definition (contract rollback)
   */
  public record ConstraintCopy(
      String original, String copy, String copyLiteral, String originalLiteral, String copyDefinition,
      String originalDefinition) {}

  public List<IndexCopy> indexes() {
    List<IndexCopy> copies = new ArrayList<>();
    for (IndexSpec index : objects.indexes()) {
      String copyName = copyName(index.name());
      copies.add(new IndexCopy(quote(index.name()), quote(copyName), literal(copyName),
          quote(ObjectNames.fit(copyName + "_invalid")),
          Definitions.concurrentIndex(index.definition(), quote(copyName), table, recorded,
              quote(change.to().name())),
          Definitions.concurrentIndex(index.definition(), quote(index.name()), table, recorded,
              quote(change.from().name())),
          literal(index.name()), quote(ObjectNames.fit(index.name() + "_invalid")),
          index.constraint().map(name -> quote(name)).orElse(""), index.primary()));
    }
    return copies;
  }

  /**
   * Each CHECK and its copy over the new column. When {@code up} changes the value, not only its type
   * ({@code amount * 100}), the copy checks {@code down(new)}: the old value, so it means what the original
   * means; when {@code up} is a cast of the column, the copy checks the new column itself (a widened key keeps
   * its check, and is not held to the old type's range). Expand tries each copy and refuses one PostgreSQL
   * cannot make over the new type.
   */
  public List<ConstraintCopy> checks() {
    String overNew = change instanceof Rename || ConversionShape.isCast(change.up(), change.from().name())
        ? quote(change.to().name())
        : "(" + change.down() + ")";
    List<ConstraintCopy> copies = new ArrayList<>();
    for (ConstraintSpec check : objects.constraints()) {
      copies.add(copy(check, Definitions.check(check.definition(), recorded, overNew),
          Definitions.check(check.definition(), recorded, quote(change.from().name()))));
    }
    return copies;
  }

  public List<ConstraintCopy> foreignKeys() {
    List<ConstraintCopy> copies = new ArrayList<>();
    for (ConstraintSpec key : objects.foreignKeys()) {
      copies.add(copy(key,
          Definitions.foreignKey(key.definition(), recorded, quote(change.to().name())),
          Definitions.foreignKey(key.definition(), recorded, quote(change.from().name()))));
    }
    return copies;
  }

  /**
   * A foreign key of another table that references the old column, and its copy referencing the new one.
   *
   * @param table the referencing table as SQL (qualified, quoted where needed)
   */
  public record ReferencingKey(TableRef table, ConstraintCopy key) {}

  /**
   * Another table, for the steps that change its constraints.
   *
   * @param qualified the table as SQL
   * @param regclass the table as a regclass constant
   */
  public record TableRef(String qualified, String regclass) {}

  /** Foreign keys of other tables referencing the old column (a rename, or a type change in place). */
  public List<ReferencingKey> referencing() {
    List<ReferencingKey> keys = new ArrayList<>();
    for (ConstraintSpec key : objects.referencedBy()) {
      keys.add(new ReferencingKey(new TableRef(CatalogNames.quoted(key.table()),
          literal(key.table()) + "::pg_catalog.regclass"),
          copy(key, Definitions.referencedColumns(key.definition(), recorded, quote(change.to().name())),
              Definitions.referencedColumns(key.definition(), recorded, quote(change.from().name())))));
    }
    return keys;
  }

  /** Every constraint copy: checks, then foreign keys. */
  public List<ConstraintCopy> constraints() {
    List<ConstraintCopy> all = new ArrayList<>(checks());
    all.addAll(foreignKeys());
    return all;
  }

  /** The new column's type as ADD COLUMN takes it: the old column's collation kept. */
  public String newColumnType() {
    boolean collatable = change instanceof Rename || isStringType(change.to().type());
    return change.to().type() + (collatable ? objects.properties().collation().map(c -> " COLLATE " + c).orElse("") : "");
  }

  /**
   * Whether {@code type} is one of PostgreSQL's string types, which take a collation; a type change into
   * another type (integer, uuid, a domain colsync cannot see into) leaves the old column's collation behind.
   */
  static boolean isStringType(String type) {
    String base = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*\\(.*$", "")
        .replaceAll("(\\[\\])+$", "").replaceFirst("^pg_catalog\\.", "");
    return Set.of("text", "varchar", "character varying", "char", "character", "bpchar", "name", "citext")
        .contains(base);
  }

  /** The old column's type as the contract rollback re-adds it. */
  public String oldColumnType() {
    return change.from().type() + objects.properties().collation().map(c -> " COLLATE " + c).orElse("");
  }

  /** COMMENT and SET STATISTICS that give {@code column} the old column's properties. */
  public List<String> propertyStatements(String column) {
    List<String> statements = new ArrayList<>();
    objects.properties().comment().ifPresent(comment -> statements.add(
        "COMMENT ON COLUMN " + table + "." + quote(column) + " IS " + literal(comment) + ";"));
    objects.properties().statistics().ifPresent(target -> statements.add(
        "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " SET STATISTICS " + target + ";"));
    return statements;
  }

  /**
   * The old column's default converted for the new column: through up for a type change. The default
   * is first cast to the old column's type, as PostgreSQL casts it on insert, so that up sees the value
   * it sees for a row ({@code now()} is a {@code timestamptz}; in a {@code timestamp} column's default it
   * means local time, and {@code … AT TIME ZONE} must take it so). A sequence's {@code nextval} is left
   * as it is: the sequence moves or widens with the column, and a cast to the old type would cap it.
   */
  public Optional<String> newDefault() {
    return objects.properties().defaultExpression().map(expression -> change instanceof Rename
        ? expression
        : "(" + ColumnReferences.rewrite(change.up(), Map.of(change.from().name(), asOldType(expression))) + ")");
  }

  private String asOldType(String expression) {
    return expression.toLowerCase(Locale.ROOT).contains("nextval(")
        ? "(" + expression + ")"
        : "CAST((" + expression + ") AS " + change.from().type() + ")";
  }

  public Optional<String> oldDefault() {
    return objects.properties().defaultExpression();
  }

  private ConstraintCopy copy(ConstraintSpec original, String copyDefinition, String originalDefinition) {
    String copyName = copyName(original.name());
    return new ConstraintCopy(quote(original.name()), quote(copyName), literal(copyName), literal(original.name()),
        copyDefinition, originalDefinition);
  }

  private String copyName(String original) {
    return ObjectNames.fit("colsync_" + spec.migration() + "_" + original);
  }
}
