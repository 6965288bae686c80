package dev.colsync.core.plan;

import dev.colsync.core.render.Models.BackfillPrepareModel;
import dev.colsync.core.render.Models.BackfillRunModel;
import dev.colsync.core.render.Models.ContractModel;
import dev.colsync.core.render.Models.ExpandModel;
import dev.colsync.core.render.Models.NotNullModel;
import dev.colsync.core.render.Models.NotNullSql;
import dev.colsync.core.render.Models.RestoreModel;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.render.TemplateModel;
import dev.colsync.core.render.TemplateRenderer;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.runtime.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;

/** Turns a spec into its ordered phases and scripts. */
public final class Planner {
  private static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE (milliseconds, under lock_timeout)";
  private static final String ROW_LOCKS = "row locks of one batch at a time";
  private static final String NO_TABLE_LOCK = "none on the table";
  private static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE (blocks no reads or writes)";

  private final TemplateRenderer renderer;

  public Planner(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  public Plan plan(MigrationSpec spec) {
    ObjectNames names = ObjectNames.forMigration(spec.migration());
    PhaseBuilder builder = new PhaseBuilder(spec, names, new SqlFragments(spec, names));
    List<PhasePlan> phases = new ArrayList<>();
    phases.add(builder.expand());
    phases.add(builder.backfill());
    if (spec.change().notNull()) {
      phases.add(builder.validate());
    }
    phases.add(new PhasePlan(Phase.SWITCH, List.of(), List.of()));
    phases.add(builder.contract());
    return new Plan(spec, names, phases);
  }

  /** Builds each phase's scripts for one spec. */
  private final class PhaseBuilder {
    private final MigrationSpec spec;
    private final SqlFragments sql;
    private final String migration;

    PhaseBuilder(MigrationSpec spec, ObjectNames names, SqlFragments sql) {
      this.spec = spec;
      this.sql = sql;
      this.migration = spec.migration();
    }

    PhasePlan expand() {
      ExpandModel forward = new ExpandModel("sql/expand-add-column.sql.ftl", migration, sql.sync());
      ExpandModel undo = new ExpandModel("sql/rollback-expand.sql.ftl", migration, sql.sync());
      return new PhasePlan(Phase.EXPAND,
          List.of(step(Phase.EXPAND, "add-column", ACCESS_EXCLUSIVE,
              "add the new column (nullable, no rewrite) and the sync trigger", forward)),
          List.of(step(Phase.EXPAND, "drop-column", ACCESS_EXCLUSIVE,
              "drop the sync trigger, its functions and the new column", undo)));
    }

    PhasePlan backfill() {
      BackfillPrepareModel prepare =
          new BackfillPrepareModel("sql/backfill-prepare.sql.ftl", migration, sql.backfill());
      BackfillPrepareModel undo =
          new BackfillPrepareModel("sql/rollback-backfill.sql.ftl", migration, sql.backfill());
      return new PhasePlan(Phase.BACKFILL,
          List.of(
              step(Phase.BACKFILL, "prepare", NO_TABLE_LOCK,
                  "create the checkpoint table and the backfill procedure", prepare),
              runStep(Phase.BACKFILL, "run", "copy up(old) into the new column, batch by batch, resumable",
                  "up", "fill the new column from the old one")),
          List.of(step(Phase.BACKFILL, "drop-procedure", NO_TABLE_LOCK,
              "drop the backfill procedure and its checkpoint table", undo)));
    }

    PhasePlan validate() {
      NotNullSql notNull = sql.newNotNull();
      return new PhasePlan(Phase.VALIDATE,
          notNullSteps(Phase.VALIDATE, "new", notNull),
          List.of(step(Phase.VALIDATE, "drop-not-null", ACCESS_EXCLUSIVE,
              "drop NOT NULL from the new column",
              new NotNullModel("sql/rollback-not-null.sql.ftl", migration, "validate", "new", notNull))));
    }

    PhasePlan contract() {
      ContractModel forward = new ContractModel("sql/contract.sql.ftl", migration, sql.sync(),
          sql.backfill().procedure(), sql.backfill().stateTable());
      List<Step> undo = new ArrayList<>();
      undo.add(step(Phase.CONTRACT, "restore-old-column", ACCESS_EXCLUSIVE,
          "bring back the old column, the sync trigger and the backfill procedure",
          new RestoreModel("sql/rollback-contract-restore.sql.ftl", migration, sql.sync(), sql.backfill())));
      undo.add(runStep(Phase.CONTRACT, "refill-old-column",
          "copy down(new) into the old column, batch by batch, resumable",
          "down", "fill the old column from the new one"));
      if (spec.change().fromNotNull()) {
        undo.addAll(notNullSteps(Phase.CONTRACT, "old", sql.oldNotNull()));
      }
      return new PhasePlan(Phase.CONTRACT,
          List.of(step(Phase.CONTRACT, "drop-old-column", ACCESS_EXCLUSIVE,
              "drop the sync trigger, its functions and the old column, in one transaction", forward)),
          undo);
    }

    private List<Step> notNullSteps(Phase phase, String role, NotNullSql notNull) {
      String phaseName = phase == Phase.VALIDATE ? "validate" : "rollback of " + phase.id();
      List<Step> steps = new ArrayList<>();
      steps.add(step(phase, "add-" + role + "-not-null", ACCESS_EXCLUSIVE,
          "add NOT NULL on the " + role + " column as NOT VALID",
          new NotNullModel("sql/not-null-add.sql.ftl", migration, phaseName, role, notNull)));
      steps.add(step(phase, "validate-" + role + "-not-null", SHARE_UPDATE_EXCLUSIVE,
          "validate NOT NULL on the " + role + " column",
          new NotNullModel("sql/not-null-validate.sql.ftl", migration, phaseName, role, notNull)));
      if (!notNull.nativeNotNull()) {
        steps.add(step(phase, "set-" + role + "-not-null", ACCESS_EXCLUSIVE,
            "mark the " + role + " column NOT NULL (no scan) and drop the check",
            new NotNullModel("sql/not-null-set.sql.ftl", migration, phaseName, role, notNull)));
      }
      return steps;
    }

    /** A call of the backfill procedure, with its single-transaction variant. */
    private Step runStep(Phase phase, String name, String summary, String direction, String purpose) {
      String phaseName = phase == Phase.BACKFILL ? "backfill" : "rollback of " + phase.id();
      String batched = renderer.render(run(phaseName, direction, purpose, true));
      String whole = renderer.render(run(phaseName, direction, purpose, false));
      return new Step(phase, name, TransactionMode.NO_TRANSACTION, ROW_LOCKS, summary, batched, whole);
    }

    private BackfillRunModel run(String phaseName, String direction, String purpose, boolean commitBatches) {
      return new BackfillRunModel("sql/backfill-run.sql.ftl", migration, SqlScript.NO_TRANSACTION_MARKER,
          phaseName, purpose, sql.backfill().procedure(), direction, spec.backfill().batchSize(), commitBatches);
    }

    private Step step(Phase phase, String name, String lock, String summary, TemplateModel model) {
      String text = renderer.render(model);
      if (SqlScript.isNoTransaction(text)) {
        throw new IllegalStateException(model.templateName() + " renders a no-transaction script; use runStep");
      }
      return new Step(phase, name, TransactionMode.SINGLE_TRANSACTION, lock, summary, text, text);
    }
  }
}
