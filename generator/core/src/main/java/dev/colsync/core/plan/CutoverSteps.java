package dev.colsync.core.plan;

import static dev.colsync.core.plan.Steps.ACCESS_EXCLUSIVE;
import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.render.CarriedObjects;
import dev.colsync.core.render.CarriedObjects.IndexCopy;
import dev.colsync.core.render.CarriedObjects.ReferencingKey;
import dev.colsync.core.render.InPlaceViews;
import dev.colsync.core.render.Models.CutoverModel;
import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.spec.ColumnObjects.IndexSpec;
import dev.colsync.core.spec.ColumnObjects.SequenceSpec;
import dev.colsync.core.spec.ColumnObjects.TriggerSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cut-over of an in-place type change and its rollback. Cut-over swaps the two columns' names in
 * one short transaction and moves with the name what the application relies on: the primary key
 * (onto the unique index the indexes phase built), other tables' foreign keys (onto the copies the
 * validate phase added and validated), the owned sequence, the default and the views over the column
 * (dropped and created again from their recorded queries, as they were). The sync trigger stays,
 * now over the swapped names, so writes keep reaching the old column until contract.
 */
final class CutoverSteps {
  private static final Map<String, Integer> INTEGER_WIDTHS = Map.of(
      "smallint", 2, "int2", 2, "integer", 4, "int", 4, "int4", 4, "bigint", 8, "int8", 8);

  private final Steps steps;
  private final InPlaceColumns columns;
  private final CarriedObjects carried;
  private final CarriedSteps carriedSteps;
  private final SqlFragments before;
  private final SqlFragments after;
  private final TableSql table;
  private final String migration;
  private final Optional<IndexCopy> primaryIndex;
  private final Optional<IndexSpec> primarySpec;
  private final InPlaceViews views;

  CutoverSteps(Steps steps, InPlaceColumns columns, CarriedObjects carried, CarriedSteps carriedSteps,
      SqlFragments before, SqlFragments after) {
    this.steps = steps;
    this.columns = columns;
    this.carried = carried;
    this.carriedSteps = carriedSteps;
    this.before = before;
    this.after = after;
    this.table = before.table();
    this.migration = columns.before().migration();
    this.primaryIndex = carried.indexes().stream().filter(IndexCopy::primary).findFirst();
    this.primarySpec = columns.before().objects().indexes().stream().filter(IndexSpec::primary).findFirst();
    this.views = new InPlaceViews(columns.before(), table);
  }

  PhasePlan phase() {
    return new PhasePlan(Phase.CUTOVER, List.of(forward()), rollback());
  }

  private Step forward() {
    String column = quote(columns.column());
    List<String> swap = new ArrayList<>(views.beforeSwap());
    for (ReferencingKey key : carried.referencing()) {
      swap.add("ALTER TABLE " + key.table().qualified() + " DROP CONSTRAINT " + key.key().original() + ";");
    }
    primaryIndex.ifPresent(index -> swap.add(alterTable() + "DROP CONSTRAINT " + primaryConstraint(index) + ";"));
    swap.add(alterTable() + "RENAME COLUMN " + column + " TO " + quote(columns.oldTemporary()) + ";");
    swap.add(alterTable() + "RENAME COLUMN " + quote(columns.newTemporary()) + " TO " + column + ";");
    primaryIndex.ifPresent(index -> swap.add(alterTable() + "ADD CONSTRAINT " + primaryConstraint(index)
        + " PRIMARY KEY USING INDEX " + index.copy() + ";"));
    for (ReferencingKey key : carried.referencing()) {
      swap.add("ALTER TABLE " + key.table().qualified() + " RENAME CONSTRAINT " + key.key().copy() + " TO "
          + key.key().original() + ";");
    }
    sequence().ifPresent(sequence -> {
      swap.add("ALTER SEQUENCE " + CatalogNames.quoted(sequence.name()) + " OWNED BY " + table.qualified() + "."
          + column + ";");
      if (widens(sequence)) {
        swap.add("ALTER SEQUENCE " + CatalogNames.quoted(sequence.name()) + " AS " + newType() + ";");
      }
    });
    if (carried.oldDefault().isPresent()) {
      swap.add(alterTable() + "ALTER COLUMN " + quote(columns.oldTemporary()) + " DROP DEFAULT;");
    }
    carried.newDefault().ifPresent(expression ->
        swap.add(alterTable() + "ALTER COLUMN " + column + " SET DEFAULT " + expression + ";"));
    swap.addAll(rebindTriggers());
    swap.addAll(views.afterSwap());
    return steps.transactional(Phase.CUTOVER, "swap-columns", ACCESS_EXCLUSIVE,
        "give the new column the name, the primary key, the sequence, the default, the foreign keys and the views",
        new CutoverModel("sql/cutover.sql.ftl", migration, "cutover",
            "the new column takes the name and what goes with it; the old one is kept in sync", table, referencingTables(),
            literal(columns.newTemporary()), swap, after.sync(), after.backfill(), views.locks(), views.declarations()));
  }

  /**
   * Back to the state after validate. The primary key's index goes with its constraint, so the
   * rollback first builds, concurrently, a unique index on the old column (the key again) and one on
   * the new column (its copy again); other tables' foreign keys are added back NOT VALID in the swap
   * and validated afterwards.
   */
  private List<Step> rollback() {
    String column = quote(columns.column());
    List<Step> result = new ArrayList<>();
    String spare = ObjectNames.fit("colsync_" + migration + "_" + columns.column() + "_key");
    primaryIndex.ifPresent(index -> {
      String definition = primarySpec.orElseThrow().definition();
      result.add(carriedSteps.build(Phase.CUTOVER, "build-old-key-index", "old", quote(spare), literal(spare),
          quote(ObjectNames.fit(spare + "_invalid")), Definitions.concurrentIndex(definition, quote(spare),
              table.qualified(), columns.column(), quote(columns.oldTemporary()))));
      result.add(carriedSteps.build(Phase.CUTOVER, "build-new-key-index", "new", index.copy(), index.copyLiteral(),
          index.invalid(), Definitions.concurrentIndex(definition, index.copy(), table.qualified(), columns.column(),
              column)));
    });
    List<String> swap = new ArrayList<>(views.beforeSwap());
    for (ReferencingKey key : carried.referencing()) {
      swap.add("ALTER TABLE " + key.table().qualified() + " DROP CONSTRAINT " + key.key().original() + ";");
    }
    primaryIndex.ifPresent(index -> swap.add(alterTable() + "DROP CONSTRAINT " + primaryConstraint(index) + ";"));
    swap.add(alterTable() + "RENAME COLUMN " + column + " TO " + quote(columns.newTemporary()) + ";");
    swap.add(alterTable() + "RENAME COLUMN " + quote(columns.oldTemporary()) + " TO " + column + ";");
    primaryIndex.ifPresent(index -> swap.add(alterTable() + "ADD CONSTRAINT " + primaryConstraint(index)
        + " PRIMARY KEY USING INDEX " + quote(spare) + ";"));
    sequence().ifPresent(sequence -> {
      if (widens(sequence)) {
        swap.add("ALTER SEQUENCE " + CatalogNames.quoted(sequence.name()) + " AS " + sequence.type() + ";");
      }
      swap.add("ALTER SEQUENCE " + CatalogNames.quoted(sequence.name()) + " OWNED BY " + table.qualified() + "."
          + column + ";");
    });
    if (carried.newDefault().isPresent()) {
      swap.add(alterTable() + "ALTER COLUMN " + quote(columns.newTemporary()) + " DROP DEFAULT;");
    }
    carried.oldDefault().ifPresent(expression ->
        swap.add(alterTable() + "ALTER COLUMN " + column + " SET DEFAULT " + expression + ";"));
    swap.addAll(rebindTriggers());
    swap.addAll(views.afterSwap());
    for (ReferencingKey key : carried.referencing()) {
      swap.add("ALTER TABLE " + key.table().qualified() + " ADD CONSTRAINT " + key.key().original() + " "
          + key.key().originalDefinition() + " NOT VALID;");
      swap.add("ALTER TABLE " + key.table().qualified() + " ADD CONSTRAINT " + key.key().copy() + " "
          + key.key().copyDefinition() + " NOT VALID;");
    }
    result.add(steps.transactional(Phase.CUTOVER, "swap-columns-back", ACCESS_EXCLUSIVE,
        "give the old column back the name, the primary key, the sequence, the default and the foreign keys",
        new CutoverModel("sql/cutover.sql.ftl", migration, "rollback of cutover",
            "the old column takes the name back; the new one is kept in sync", table, referencingTables(),
            literal(columns.oldTemporary()), swap, before.sync(), before.backfill(), views.locks(),
            views.declarations())));
    int n = 0;
    for (ReferencingKey key : carried.referencing()) {
      n++;
      TableSql other = carriedSteps.other(key);
      result.add(carriedSteps.validate(Phase.CUTOVER, "validate-referencing-key-" + n, other, key.key().original(),
          key.key().originalLiteral()));
      result.add(carriedSteps.validate(Phase.CUTOVER, "validate-referencing-key-copy-" + n, other, key.key().copy(),
          key.key().copyLiteral()));
    }
    return result;
  }

  /**
   * The table's triggers that use the column, created again after the swap: an {@code UPDATE OF} list
   * or a {@code WHEN} condition is bound to the column it named when created, not to the name.
   */
  private List<String> rebindTriggers() {
    List<String> statements = new ArrayList<>();
    for (TriggerSpec trigger : columns.before().objects().triggers()) {
      statements.add("DROP TRIGGER IF EXISTS " + quote(trigger.name()) + " ON " + table.qualified() + ";");
      statements.add(trigger.definition() + ";");
    }
    return statements;
  }

  private String alterTable() {
    return "ALTER TABLE " + table.qualified() + " ";
  }

  private static String primaryConstraint(IndexCopy index) {
    return index.primaryConstraint();
  }

  /** Other tables whose foreign keys move, each once. */
  private List<String> referencingTables() {
    Set<String> tables = new LinkedHashSet<>();
    for (ReferencingKey key : carried.referencing()) {
      tables.add(key.table().qualified());
    }
    tables.remove(table.qualified());
    return new ArrayList<>(tables);
  }

  private Optional<SequenceSpec> sequence() {
    return columns.before().objects().properties().sequence();
  }

  private String newType() {
    return columns.before().change().to().type();
  }

  /** Whether the new type is a wider integer than the sequence's, which then must widen too. */
  private boolean widens(SequenceSpec sequence) {
    Integer from = INTEGER_WIDTHS.get(sequence.type().strip().toLowerCase(Locale.ROOT));
    Integer to = INTEGER_WIDTHS.get(newType().strip().toLowerCase(Locale.ROOT));
    return from != null && to != null && to > from;
  }
}
