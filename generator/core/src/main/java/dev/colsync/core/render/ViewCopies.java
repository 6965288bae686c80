package dev.colsync.core.render;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.plan.ColumnReferences;
import dev.colsync.core.plan.ViewDefinitions;
import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Rename;
import dev.colsync.core.spec.ViewSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plain views that read the old column, created again with {@code CREATE OR REPLACE VIEW}:
 * over the new column inside contract, before the old column is dropped, and over the old column
 * as they were when contract is rolled back. A view keeps its columns (names and types), so its
 * readers, grants, comments and owner stay: after a rename it reads the new column under the old
 * column's output name; after a type change it reads {@code down(new)} cast to the old type.
 */
public final class ViewCopies {
  private final List<ViewSpec> views;
  private final ColumnChange change;
  private final String schema;
  private final String table;
  private final TableSql tableSql;

  public ViewCopies(MigrationSpec spec, TableSql tableSql) {
    this.views = spec.objects().views();
    this.change = spec.change();
    this.schema = spec.table().schema();
    this.table = spec.table().name();
    this.tableSql = tableSql;
  }

  public boolean any() {
    return !views.isEmpty();
  }

  /**
   * Each view over the new column, in contract's transaction before the table is locked: a reader
   * of a view locks the view, then the table, so contract takes each view first too (taking the
   * table first could deadlock with such a reader; LOCK on a view would lock the table with it).
   * Until contract commits nobody sees the views change, and while both columns exist they agree.
   */
  public List<String> overNewColumn() {
    List<String> statements = new ArrayList<>();
    for (ViewSpec view : views) {
      statements.add(create(view, ViewDefinitions.rewrite(view.definition(), schema, table, change.from().name(),
          this::newColumnRead)));
    }
    return withSearchPath(statements);
  }

  /** Each view as it was, over the old column again (the rollback of contract, once the column is refilled). */
  public List<String> overOldColumn() {
    List<String> statements = new ArrayList<>();
    for (ViewSpec view : views) {
      statements.add(create(view, ViewDefinitions.withoutSemicolon(view.definition())));
    }
    return withSearchPath(statements);
  }

  /** What a view reads instead of {@code qualifier.old}: the new column, or the old value computed from it. */
  private String newColumnRead(String qualifier) {
    String newColumn = qualifier + quote(change.to().name());
    if (change instanceof Rename) {
      return newColumn;
    }
    return "(CAST((" + ColumnReferences.rewrite(change.down(), Map.of(change.to().name(), newColumn)) + ") AS "
        + change.from().type() + "))";
  }

  /**
   * The recorded queries name everything outside pg_catalog with its schema; {@code down} resolves
   * as it does in the sync function.
   */
  private List<String> withSearchPath(List<String> statements) {
    if (statements.isEmpty()) {
      return statements;
    }
    List<String> all = new ArrayList<>();
    all.add("SET LOCAL search_path = " + tableSql.searchPath() + ";");
    all.addAll(statements);
    return all;
  }

  private String create(ViewSpec view, String query) {
    List<String> options = new ArrayList<>();
    if (view.securityBarrier()) {
      options.add("security_barrier = true");
    }
    if (view.securityInvoker()) {
      options.add("security_invoker = true");
    }
    // Last, where CREATE VIEW … WITH CHECK OPTION puts it among the view's options.
    view.checkOption().ifPresent(option -> options.add("check_option = " + literal(option)));
    return "CREATE OR REPLACE VIEW " + name(view) + (options.isEmpty() ? "" : " WITH (" + String.join(", ", options)
        + ")") + " AS\n" + query + ";";
  }

  private static String name(ViewSpec view) {
    return qualified(view.schema(), view.name());
  }
}
