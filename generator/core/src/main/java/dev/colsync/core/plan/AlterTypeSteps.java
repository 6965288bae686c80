package dev.colsync.core.plan;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.plan.CatalogOnlyChange.Types;
import dev.colsync.core.plan.CatalogOnlyTypes.ColumnType;
import dev.colsync.core.render.Models.AlterTypeModel;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.spec.MigrationSpec;
import java.time.Duration;
import java.util.List;

/**
 * The one phase of a catalog-only type change: {@code ALTER … TYPE} under {@code lock_timeout}, retried, and
 * the change back, which rewrites the table unless the reverse is catalog-only too.
 */
final class AlterTypeSteps {
  static final String CHANGE_TYPE = "change-type";
  static final String RESTORE_TYPE = "restore-type";
  private static final long PAUSE_MILLIS = 250;
  private static final int MAX_ATTEMPTS = 5;
  private static final String CATALOG_ONLY_LOCK = "ACCESS EXCLUSIVE (milliseconds, under lock_timeout; no rewrite)";
  private static final String REWRITE_LOCK = "ACCESS EXCLUSIVE for a rewrite of the table and its indexes";

  private final Steps steps;
  private final MigrationSpec spec;
  private final Types types;
  private final SqlFragments sql;

  AlterTypeSteps(Steps steps, MigrationSpec spec, Types types, ObjectNames names) {
    this.steps = steps;
    this.spec = spec;
    this.types = types;
    this.sql = new SqlFragments(spec, names);
  }

  PhasePlan phase() {
    boolean reverseRewrites = !types.reverseCatalogOnly();
    Step forward = steps.transactional(Phase.ALTER_TYPE, CHANGE_TYPE, CATALOG_ONLY_LOCK,
        "change the column's type in the catalog; the table and its indexes are not rewritten",
        model("sql/alter-type.sql.ftl", "change the column's type in the catalog only", types.from(), types.to(),
            spec.change().from().type(), spec.change().to().type(), false, false));
    Step back = steps.transactional(Phase.ALTER_TYPE, RESTORE_TYPE, reverseRewrites ? REWRITE_LOCK : CATALOG_ONLY_LOCK,
        reverseRewrites
            ? "check that every value fits the old type (a scan), then change the type back (a rewrite)"
            : "change the column's type back in the catalog",
        model("sql/alter-type.sql.ftl", "change the column's type back", types.to(), types.from(),
            spec.change().to().type(), spec.change().from().type(), reverseRewrites, false));
    return new PhasePlan(Phase.ALTER_TYPE, List.of(forward), List.of(back));
  }

  /** What the forward script checks, as a script that locks and changes nothing. */
  String check() {
    return steps.render(model("sql/alter-type.sql.ftl", "check", types.from(), types.to(),
        spec.change().from().type(), spec.change().to().type(), false, true));
  }

  private AlterTypeModel model(String template, String purpose, ColumnType from, ColumnType to, String fromLabel,
      String toLabel, boolean rewrites, boolean checkOnly) {
    String table = qualified(spec.table().schema(), spec.table().name());
    String column = spec.change().from().name();
    return new AlterTypeModel(template, spec.migration(), purpose, sql.table(), literal(table), quote(column),
        literal(column), from.sql(), literal(from.regtype()), from.modifier(), literal(fromLabel), to.sql(),
        literal(to.regtype()), to.modifier(), literal(toLabel), attempts(spec.timeouts().lock(),
            spec.timeouts().statement()), PAUSE_MILLIS, checkOnly, rewrites, rewrites, sql.sync().quote());
  }

  /**
   * As many attempts as fit the statement timeout, which bounds the whole script (one statement): each waits
   * up to the lock timeout, and the pauses between them add up to at most {@code 10 × PAUSE_MILLIS}.
   */
  static int attempts(Duration lock, Duration statement) {
    long pauses = PAUSE_MILLIS * (MAX_ATTEMPTS * (MAX_ATTEMPTS - 1) / 2);
    long fit = (statement.toMillis() - pauses) / Math.max(1, lock.toMillis());
    return (int) Math.max(1, Math.min(MAX_ATTEMPTS, fit));
  }
}
