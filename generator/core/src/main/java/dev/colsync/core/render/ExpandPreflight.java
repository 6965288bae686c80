package dev.colsync.core.render;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;

import dev.colsync.core.plan.InPlaceColumns;
import dev.colsync.core.plan.ObjectNames;
import dev.colsync.core.render.Models.PreflightCheck;
import dev.colsync.core.render.Models.PreflightSql;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.ColumnObjects;
import dev.colsync.core.spec.ColumnObjects.ConstraintSpec;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.ViewSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What expand asserts about the live table before it changes anything: the table, the old column with
 * the spec's type and nullability, a unique NOT NULL key on the spec's primary key, every object the
 * spec recorded exactly as recorded, and a new column that is absent or this migration's own. Also the
 * states in which expand has nothing to do: the migration was contracted (or, in place, cut over).
 * Every condition is a catalog expression over constants; nothing of the spec is executed.
 */
final class ExpandPreflight {
  /** The block's variables the checks read, assigned once the table is known to exist. */
  static final String OLD_EXISTS = "colsync_old_exists";
  static final String NEW_EXISTS = "colsync_new_exists";
  static final String OURS = "colsync_ours";
  /** The temporary functions {@code validate --url} binds {@code up} and {@code down} into. */
  static final String CHECK_TO_NEW = "colsync_check_to_new";
  static final String CHECK_TO_OLD = "colsync_check_to_old";
  private final MigrationSpec spec;
  private final ColumnChange change;
  private final ObjectNames names;
  private final String regclass;

  ExpandPreflight(MigrationSpec spec, ObjectNames names, String regclass) {
    this.spec = spec;
    this.change = spec.change();
    this.names = names;
    this.regclass = regclass;
  }

  /**
   * {@code inPlace}: the logical spec when this expand is the first half of an in-place type change
   * ({@code spec} is then its {@code before} side).
   */
  PreflightSql sql(Optional<InPlaceColumns> inPlace, String quote) {
    String table = qualified(spec.table().schema(), spec.table().name());
    String oldColumn = change.from().name();
    String newColumn = change.to().name();
    String oursExpression = "pg_catalog.to_regprocedure(" + literal(qualified(spec.table().schema(),
        names.syncFunction()) + "()") + ") IS NOT NULL OR " + triggers();
    String ours = OURS;
    String oldExists = OLD_EXISTS;
    String newExists = NEW_EXISTS;

    String cutOver = "false";
    String contracted;
    String doneNotice;
    if (inPlace.isPresent()) {
      String oldTemporary = inPlace.get().oldTemporary();
      cutOver = oldExists + " AND " + exists(oldTemporary) + " AND " + ours;
      contracted = oldExists + " AND NOT " + newExists + " AND NOT " + exists(oldTemporary) + " AND NOT " + ours
          + " AND " + typeIs(oldColumn, change.to().type());
      doneNotice = literal("the cut-over or contract of this migration has run already (column " + oldColumn
          + " has its new type); nothing to do");
    } else {
      contracted = "NOT " + oldExists + " AND " + newExists + " AND NOT " + ours;
      doneNotice = literal("column " + oldColumn + " is gone and " + newColumn
          + " exists: contract has run already; nothing to do");
    }

    List<PreflightCheck> checks = new ArrayList<>();
    checks.add(new PreflightCheck("NOT " + oldExists,
        message("column %I of %s does not exist", literal(oldColumn), literal(table))));
    checks.add(new PreflightCheck(oldExists + " AND NOT " + typeIs(oldColumn, change.from().type()),
        message("column %I of %s is %s, but the spec says %s", literal(oldColumn), literal(table),
            actualType(oldColumn), literal(change.from().type()))));
    checks.add(new PreflightCheck(oldExists + " AND NOT " + notNullIs(oldColumn, change.fromNotNull()),
        message("column %I of %s is %s, but the spec says %s", literal(oldColumn), literal(table),
            nullability(oldColumn), literal(change.fromNotNull() ? "NOT NULL" : "nullable"))));
    checks.add(new PreflightCheck(newExists + " AND NOT " + ours,
        message("column %I of %s exists already and is not this migration's: expand would overwrite it",
            literal(newColumn), literal(table))));
    checks.add(new PreflightCheck(newExists + " AND " + ours + " AND NOT " + typeIs(newColumn, change.to().type()),
        message("column %I of %s, made by an earlier expand, is %s, but the spec says %s", literal(newColumn),
            literal(table), actualType(newColumn), literal(change.to().type()))));
    checks.add(new PreflightCheck("NOT " + uniqueKey(spec.primaryKey()),
        message("%s has no primary key or unique index on exactly (%s) over NOT NULL columns, which the"
            + " backfill walks", literal(table), literal(String.join(", ", spec.primaryKey())))));
    checks.addAll(recordedObjects(spec.objects(), table));
    if (inPlace.isEmpty()) {
      checks.add(triggersUsing(oldColumn, table));
    }
    return new PreflightSql(quote, literal(table), literal(spec.migration()), exists(oldColumn), exists(newColumn),
        oursExpression, cutOver, contracted, doneNotice,
        newExists + " AND " + ours, literal("expand has run already; its functions and triggers are created"
            + " again as they were"), checks, laterPhaseRan(inPlace, oursExpression), conversionFunctions(),
        oids(List.of("pg_temp." + CHECK_TO_NEW + "(" + change.from().type() + ")",
            "pg_temp." + CHECK_TO_OLD + "(" + change.to().type() + ")")),
        literal(newColumn), literal(SubscriberSteps.addColumn(spec.table(), newColumn, change.to().type())));
  }

  /** {@code to_new}, {@code to_old} (and the {@code up} wrapper) as {@code oid[]}, looked up when evaluated. */
  private String conversionFunctions() {
    List<String> signatures = new ArrayList<>(List.of(
        qualified(spec.table().schema(), names.toNewFunction()) + "(" + change.from().type() + ")",
        qualified(spec.table().schema(), names.toOldFunction()) + "(" + change.to().type() + ")"));
    if (change.onUpError() == dev.colsync.core.spec.OnUpError.NULL) {
      signatures.add(qualified(spec.table().schema(), names.upFunction()) + "(" + change.from().type() + ")");
    }
    return oids(signatures);
  }

  private static String oids(List<String> signatures) {
    return "ARRAY[" + String.join(", ", signatures.stream()
        .map(signature -> "pg_catalog.to_regprocedure(" + literal(signature) + ")").toList()) + "]::pg_catalog.oid[]";
  }

  /** Whether cut-over or contract ran, as one self-contained expression (for the rollback of expand). */
  private String laterPhaseRan(Optional<InPlaceColumns> inPlace, String oursExpression) {
    String oldExists = exists(change.from().name());
    String contracted = "(NOT " + oldExists + " AND " + exists(change.to().name()) + ")";
    return inPlace.map(columns -> contracted + " OR (" + oldExists + " AND " + exists(columns.oldTemporary())
        + " AND (" + oursExpression + "))").orElse(contracted);
  }

  private List<PreflightCheck> recordedObjects(ColumnObjects objects, String table) {
    List<PreflightCheck> checks = new ArrayList<>();
    for (ColumnObjects.IndexSpec index : objects.indexes()) {
      String actual = "(SELECT pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index AS i"
          + " JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid"
          + " WHERE i.indrelid OPERATOR(pg_catalog.=) " + regclass + " AND c.relname OPERATOR(pg_catalog.=) "
          + literal(index.name()) + ")";
      checks.add(differs("index", index.name(), actual, index.definition()));
    }
    List<ConstraintSpec> constraints = new ArrayList<>(objects.constraints());
    constraints.addAll(objects.foreignKeys());
    constraints.addAll(objects.referencedBy());
    for (ConstraintSpec constraint : constraints) {
      String actual = "(SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint AS k"
          + " WHERE k.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(" + literal(constraint.table()) + ")"
          + " AND k.conname OPERATOR(pg_catalog.=) " + literal(constraint.name()) + ")";
      checks.add(differs("constraint", constraint.name() + " of " + constraint.table(), actual,
          constraint.definition()));
    }
    for (ColumnObjects.TriggerSpec trigger : objects.triggers()) {
      String actual = "(SELECT pg_catalog.pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger AS t"
          + " WHERE t.tgrelid OPERATOR(pg_catalog.=) " + regclass + " AND t.tgname OPERATOR(pg_catalog.=) "
          + literal(trigger.name()) + ")";
      checks.add(differs("trigger", trigger.name() + " of " + table, actual, trigger.definition()));
    }
    // A view's text as pg_get_viewdef prints it differs between major versions, so only its presence is asked.
    for (ViewSpec view : objects.views()) {
      String name = qualified(view.schema(), view.name());
      checks.add(new PreflightCheck("NOT EXISTS (SELECT FROM pg_catalog.pg_class AS c WHERE c.oid OPERATOR(pg_catalog.=)"
          + " pg_catalog.to_regclass(" + literal(name) + ") AND c.relkind OPERATOR(pg_catalog.=) 'v')",
          message("the view %s the spec records does not exist", literal(name))));
    }
    return checks;
  }

  private static PreflightCheck differs(String kind, String name, String actual, String recorded) {
    return new PreflightCheck(actual + " IS DISTINCT FROM " + literal(recorded),
        message("the " + kind + " %s is not as the spec records it: the database has %s, the spec %s",
            literal(name), "COALESCE(" + actual + ", 'none')", literal(recorded)));
  }

  private static String message(String format, String... arguments) {
    return "pg_catalog.format(" + literal(format) + ", " + String.join(", ", arguments) + ")";
  }

  private String attribute(String column) {
    return SqlFragments.attributeOf(regclass, column);
  }

  private String exists(String column) {
    return SqlFragments.columnExists(regclass, column);
  }

  private String typeIs(String column, String type) {
    OptionalInt modifier = TypeModifiers.of(type);
    return "EXISTS (SELECT " + attribute(column) + " AND a.atttypid OPERATOR(pg_catalog.=) pg_catalog.to_regtype("
        + literal(type) + ")"
        + (modifier.isPresent() ? " AND a.atttypmod OPERATOR(pg_catalog.=) " + modifier.getAsInt() : "") + ")";
  }

  private String actualType(String column) {
    return "(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) " + attribute(column) + ")";
  }

  private String notNullIs(String column, boolean notNull) {
    return "EXISTS (SELECT " + attribute(column) + " AND a.attnotnull OPERATOR(pg_catalog.=) " + notNull + ")";
  }

  private String nullability(String column) {
    return "(SELECT CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'nullable' END " + attribute(column) + ")";
  }

  /**
   * A trigger of the table (not colsync's) that names the old column in its {@code UPDATE OF} list, its
   * {@code WHEN} condition or its arguments ({@code tsvector_update_trigger(…, 'title')}): once contract
   * drops the column it would fail every write, and colsync cannot rewrite it.
   */
  private PreflightCheck triggersUsing(String column, String table) {
    String using = "FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) " + regclass
        + " AND NOT t.tgisinternal AND t.tgname OPERATOR(pg_catalog.<>) ALL (ARRAY[" + literal(names.newWrittenTrigger())
        + ", " + literal(names.syncTrigger()) + "]::pg_catalog.name[]) AND (EXISTS (SELECT FROM pg_catalog.pg_depend AS d"
        + " WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass"
        + " AND d.objid OPERATOR(pg_catalog.=) t.oid AND d.refobjid OPERATOR(pg_catalog.=) t.tgrelid"
        + " AND d.refobjsubid OPERATOR(pg_catalog.=) (SELECT a.attnum " + attribute(column) + "))"
        + " OR " + literal(column) + " OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array("
        + "pg_catalog.encode(t.tgargs, 'escape'), E'\\\\000')))";
    return new PreflightCheck("EXISTS (SELECT " + using + ")",
        "(SELECT pg_catalog.format('trigger %s of %s uses column %I (in its UPDATE OF list, WHEN condition or"
            + " arguments) and would fail every write once contract drops it; colsync cannot rewrite a trigger: drop"
            + " it before expand and create it again over the new column after contract',"
            + " pg_catalog.string_agg(pg_catalog.quote_ident(t.tgname), ', ' ORDER BY t.tgname), " + literal(table)
            + ", " + literal(column) + ") " + using + ")");
  }

  private String triggers() {
    return "EXISTS (SELECT FROM pg_catalog.pg_trigger AS t WHERE t.tgrelid OPERATOR(pg_catalog.=) " + regclass
        + " AND t.tgname OPERATOR(pg_catalog.=) ANY (ARRAY[" + literal(names.newWrittenTrigger()) + ", "
        + literal(names.syncTrigger()) + "]::pg_catalog.name[]))";
  }

  /**
   * Whether a valid, non-partial unique index has exactly {@code key} as its key columns, each NOT NULL
   * (a primary key is one), so the backfill's walk by key misses no row.
   */
  private String uniqueKey(List<String> key) {
    String keyArray = "ARRAY[" + String.join(", ", key.stream().map(column -> literal(column)).toList())
        + "]::pg_catalog.name[]";
    return "EXISTS (SELECT FROM pg_catalog.pg_index AS i WHERE i.indrelid OPERATOR(pg_catalog.=) " + regclass
        + " AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL"
        + " AND i.indnkeyatts OPERATOR(pg_catalog.=) " + key.size()
        + " AND (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY"
        + " AS k(attnum, n) JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid"
        + " AND a.attnum OPERATOR(pg_catalog.=) k.attnum WHERE k.n OPERATOR(pg_catalog.<=) i.indnkeyatts"
        + " AND a.attnotnull AND a.attname OPERATOR(pg_catalog.=) ANY (" + keyArray + "))"
        + " OPERATOR(pg_catalog.=) " + key.size() + ")";
  }
}
