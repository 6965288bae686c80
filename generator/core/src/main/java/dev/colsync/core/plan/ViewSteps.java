package dev.colsync.core.plan;

import static dev.colsync.core.plan.Steps.ACCESS_EXCLUSIVE;

import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.render.Models.ViewsModel;
import dev.colsync.core.render.ViewCopies;
import dev.colsync.core.spec.MigrationSpec;
import java.util.List;

/** The step of the rollback of contract that puts the views back over the old column. */
final class ViewSteps {
  private final Steps steps;
  private final MigrationSpec spec;
  private final TableSql table;

  ViewSteps(Steps steps, MigrationSpec spec, TableSql table) {
    this.steps = steps;
    this.spec = spec;
    this.table = table;
  }

  /**
   * Runs after the old column is refilled, so that a view never shows the restored column while it
   * is still empty; until then the views keep reading the new column.
   */
  List<Step> restore() {
    ViewCopies views = new ViewCopies(spec, table);
    if (!views.any()) {
      return List.of();
    }
    ViewsModel model = new ViewsModel("sql/views-replace.sql.ftl", spec.migration(), "rollback of contract", table,
        views.overOldColumn());
    return List.of(steps.transactional(Phase.CONTRACT, "restore-views", ACCESS_EXCLUSIVE,
        "create the views that read the column again over the old column, as they were", model));
  }
}
