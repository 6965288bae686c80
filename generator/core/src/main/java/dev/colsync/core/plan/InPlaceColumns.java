package dev.colsync.core.plan;

import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.spec.Column;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Retype;
import java.util.Map;
import java.util.Optional;

/**
 * An in-place type change seen as two ordinary type changes between physical columns. Before
 * cut-over the old column keeps the name and the new one has a temporary name; cut-over swaps the
 * names, and from then on the old column has a temporary name. The user's {@code up} and {@code down}
 * name the one logical column; each side rewrites them over its physical columns.
 *
 * @param column the logical column's name, the one the recorded definitions use
 * @param before the change up to cut-over: {@code column} into {@code newTemporary}
 * @param after the change from cut-over on: {@code oldTemporary} into {@code column}
 */
public record InPlaceColumns(String column, String newTemporary, String oldTemporary, MigrationSpec before,
    MigrationSpec after) {

  public static InPlaceColumns of(MigrationSpec spec) {
    ColumnChange change = spec.change();
    if (!change.inPlace()) {
      throw new IllegalArgumentException(spec.migration() + " is not an in-place type change");
    }
    String column = change.from().name();
    String newTemporary = ObjectNames.fit(column + "_colsync_new");
    String oldTemporary = ObjectNames.fit(column + "_colsync_old");
    Retype before = new Retype(change.from(), new Column(newTemporary, change.to().type()), change.up(),
        ColumnReferences.rewrite(change.down(), Map.of(column, quote(newTemporary))), change.onUpError(),
        change.notNull(), change.fromNotNull());
    Retype after = new Retype(new Column(oldTemporary, change.from().type()), change.to(),
        ColumnReferences.rewrite(change.up(), Map.of(column, quote(oldTemporary))), change.down(),
        change.onUpError(), change.notNull(), change.fromNotNull());
    return new InPlaceColumns(column, newTemporary, oldTemporary, with(spec, before), with(spec, after));
  }

  /** The physical changes of {@code spec} when it changes a type in place; empty otherwise. */
  public static Optional<InPlaceColumns> when(MigrationSpec spec) {
    return spec.change().inPlace() ? Optional.of(of(spec)) : Optional.empty();
  }

  /** Whether the column is (part of) the primary key, which then moves to the new column at cut-over. */
  public boolean keyColumn() {
    return before.primaryKey().contains(column);
  }

  private static MigrationSpec with(MigrationSpec spec, ColumnChange change) {
    return new MigrationSpec(spec.migration(), spec.source(), spec.table(), spec.primaryKey(), change,
        spec.backfill(), spec.timeouts(), spec.java(), spec.postgresVersion(), spec.flyway(),
        spec.primaryKeyTypes(), spec.objects());
  }
}
