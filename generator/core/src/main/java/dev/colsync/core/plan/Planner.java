package dev.colsync.core.plan;

import static dev.colsync.core.plan.Steps.ACCESS_EXCLUSIVE;
import static dev.colsync.core.plan.Steps.ACCESS_SHARE;
import static dev.colsync.core.plan.Steps.NO_TABLE_LOCK;
import static dev.colsync.core.plan.Steps.ROW_LOCKS;
import static dev.colsync.core.plan.Steps.SHARE_UPDATE_EXCLUSIVE;
import static dev.colsync.runtime.sql.SqlIdentifiers.literal;

import dev.colsync.core.render.CarriedObjects;
import dev.colsync.core.render.Models.BackfillPrepareModel;
import dev.colsync.core.render.Models.BackfillRunModel;
import dev.colsync.core.render.Models.CheckProbe;
import dev.colsync.core.render.Models.ContractModel;
import dev.colsync.core.render.Models.ConvergenceCheckModel;
import dev.colsync.core.render.Models.GateSql;
import dev.colsync.core.render.Models.ExpandModel;
import dev.colsync.core.render.Models.NotNullModel;
import dev.colsync.core.render.Models.NotNullSql;
import dev.colsync.core.render.Models.RestoreModel;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.render.TemplateRenderer;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Rename;
import dev.colsync.runtime.execution.ContractGate;
import dev.colsync.runtime.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a spec into its ordered phases and scripts. */
public final class Planner {
  /** The first step of contract: the convergence check its gate needs. */
  public static final String CHECK_CONVERGENCE = "check-convergence";
  private final Steps steps;

  public Planner(TemplateRenderer renderer) {
    this.steps = new Steps(renderer);
  }

  public Plan plan(MigrationSpec spec) {
    ObjectNames names = ObjectNames.forMigration(spec.migration());
    CatalogOnlyChange.Decision decision = CatalogOnlyChange.decide(spec);
    if (decision.catalogOnly()) {
      PhasePlan alterType = new AlterTypeSteps(steps, spec, decision.types().orElseThrow(), names).phase();
      return new Plan(spec, names, List.of(alterType), decision.explanation());
    }
    Plan plan = spec.change().inPlace() ? planInPlace(spec, names) : planWithNewColumn(spec, names);
    return new Plan(plan.spec(), plan.names(), plan.phases(), decision.explanation());
  }

  private Plan planWithNewColumn(MigrationSpec spec, ObjectNames names) {
    SqlFragments sql = new SqlFragments(spec, names);
    CarriedObjects objects = new CarriedObjects(spec);
    CarriedSteps carried = new CarriedSteps(steps, spec, objects, sql.table(), sql.sync().quote(), false);
    PhaseBuilder builder = new PhaseBuilder(spec, sql, carried, objects, Optional.empty());
    List<PhasePlan> phases = new ArrayList<>();
    phases.add(builder.expand());
    phases.add(builder.backfill());
    if (carried.hasIndexes()) {
      phases.add(builder.indexes());
    }
    if (spec.change().notNull() || carried.hasConstraints()) {
      phases.add(builder.validate());
    }
    phases.add(new PhasePlan(Phase.SWITCH, List.of(), List.of()));
    phases.add(builder.contract(true, false));
    return new Plan(spec, names, new ContractedGuard(steps, spec.migration(), sql.gate(true, false)).guard(phases));
  }

  /**
   * What expand asserts about the live table, and what {@code up} and {@code down} bind to, as one
   * statement that changes nothing lasting (it creates temporary functions): for {@code validate --url},
   * which runs it in a transaction it rolls back.
   */
  public String liveCheck(MigrationSpec spec) {
    ObjectNames names = ObjectNames.forMigration(spec.migration());
    CatalogOnlyChange.Decision decision = CatalogOnlyChange.decide(spec);
    if (decision.catalogOnly()) {
      return new AlterTypeSteps(steps, spec, decision.types().orElseThrow(), names).check();
    }
    Optional<InPlaceColumns> inPlace = spec.change().inPlace() ? Optional.of(InPlaceColumns.of(spec)) : Optional.empty();
    SqlFragments sql = new SqlFragments(inPlace.map(InPlaceColumns::before).orElse(spec), names);
    return steps.render(new ExpandModel("sql/expand-check.sql.ftl", spec.migration(), sql.sync(),
        sql.preflight(inPlace), "", List.of(), List.of(), ""));
  }

  /**
   * An in-place type change: up to validate, a type change into a column of a temporary name; then
   * cut-over swaps the names; contract drops the old column under its temporary name. There is no
   * switch phase: the application reads the column by its name throughout.
   */
  private Plan planInPlace(MigrationSpec spec, ObjectNames names) {
    InPlaceColumns columns = InPlaceColumns.of(spec);
    SqlFragments beforeSql = new SqlFragments(columns.before(), names);
    SqlFragments afterSql = new SqlFragments(columns.after(), names);
    CarriedObjects beforeObjects = new CarriedObjects(columns.before(), columns.column());
    CarriedObjects afterObjects = new CarriedObjects(columns.after(), columns.column());
    CarriedSteps beforeSteps = new CarriedSteps(steps, columns.before(), beforeObjects, beforeSql.table(),
        beforeSql.sync().quote(), false);
    CarriedSteps afterSteps = new CarriedSteps(steps, columns.after(), afterObjects, afterSql.table(),
        afterSql.sync().quote(), true);
    PhaseBuilder early = new PhaseBuilder(columns.before(), beforeSql, beforeSteps, beforeObjects, Optional.of(columns));
    PhaseBuilder late = new PhaseBuilder(columns.after(), afterSql, afterSteps, afterObjects, Optional.empty());
    List<PhasePlan> phases = new ArrayList<>();
    phases.add(early.expand());
    phases.add(early.backfill());
    if (beforeSteps.hasIndexes()) {
      phases.add(early.indexes());
    }
    if (spec.change().notNull() || beforeSteps.hasConstraints()) {
      phases.add(early.validate());
    }
    phases.add(new CutoverSteps(steps, columns, beforeObjects, beforeSteps, beforeSql, afterSql).phase());
    phases.add(late.contract(false, true));
    return new Plan(spec, names, new ContractedGuard(steps, spec.migration(), afterSql.gate(false, true)).guard(phases));
  }

  /** Builds each phase's scripts for one spec. */
  private final class PhaseBuilder {
    private final MigrationSpec spec;
    private final SqlFragments sql;
    private final CarriedSteps carried;
    private final CarriedObjects objects;
    private final String migration;
    private final Optional<InPlaceColumns> inPlace;

    PhaseBuilder(MigrationSpec spec, SqlFragments sql, CarriedSteps carried, CarriedObjects objects,
        Optional<InPlaceColumns> inPlace) {
      this.inPlace = inPlace;
      this.spec = spec;
      this.sql = sql;
      this.carried = carried;
      this.objects = objects;
      this.migration = spec.migration();
    }

    PhasePlan expand() {
      List<CheckProbe> probes = objects.checks().stream()
          .map(check -> new CheckProbe(check.copy(), check.copyLiteral(), check.originalLiteral(), check.copyDefinition()))
          .toList();
      String defaultProbe = spec.change() instanceof Rename ? "" : objects.newDefault()
          .filter(expression -> !expression.toLowerCase(java.util.Locale.ROOT).contains("nextval")).orElse("");
      ExpandModel forward = new ExpandModel("sql/expand-add-column.sql.ftl", migration, sql.sync(),
          sql.preflight(inPlace), objects.newColumnType(), objects.propertyStatements(spec.change().to().name()),
          probes, defaultProbe);
      ExpandModel undo = new ExpandModel("sql/rollback-expand.sql.ftl", migration, sql.sync(),
          sql.preflight(inPlace), objects.newColumnType(), List.of(), List.of(), "");
      return new PhasePlan(Phase.EXPAND,
          List.of(steps.transactional(Phase.EXPAND, "add-column", ACCESS_EXCLUSIVE,
              "add the new column (nullable, no rewrite) and the sync trigger", forward)),
          List.of(steps.transactional(Phase.EXPAND, "drop-column", ACCESS_EXCLUSIVE,
              "drop the sync trigger, its functions and the new column", undo)));
    }

    PhasePlan backfill() {
      BackfillPrepareModel prepare =
          new BackfillPrepareModel("sql/backfill-prepare.sql.ftl", migration, sql.backfill());
      BackfillPrepareModel undo =
          new BackfillPrepareModel("sql/rollback-backfill.sql.ftl", migration, sql.backfill());
      return new PhasePlan(Phase.BACKFILL,
          List.of(
              steps.transactional(Phase.BACKFILL, "prepare", NO_TABLE_LOCK,
                  "create the checkpoint table and the backfill procedure", prepare),
              runStep(Phase.BACKFILL, "run", "copy up(old) into the new column, batch by batch, resumable",
                  "up", "fill the new column from the old one")),
          List.of(steps.transactional(Phase.BACKFILL, "drop-procedure", NO_TABLE_LOCK,
              "drop the backfill procedure and its checkpoint table", undo)));
    }

    PhasePlan indexes() {
      return new PhasePlan(Phase.INDEXES, carried.buildCopies(Phase.INDEXES), carried.dropCopies(Phase.INDEXES));
    }

    PhasePlan validate() {
      List<Step> forward = new ArrayList<>();
      List<Step> undo = new ArrayList<>(carried.dropReferencingCopies(Phase.VALIDATE));
      undo.addAll(carried.dropConstraintCopies(Phase.VALIDATE));
      if (spec.change().notNull()) {
        NotNullSql notNull = sql.newNotNull();
        forward.addAll(notNullSteps(Phase.VALIDATE, "new", notNull));
        undo.add(steps.transactional(Phase.VALIDATE, "drop-not-null", ACCESS_EXCLUSIVE,
            "drop NOT NULL from the new column",
            new NotNullModel("sql/rollback-not-null.sql.ftl", migration, "validate", "new", notNull)));
      }
      forward.addAll(carried.addCopies(Phase.VALIDATE));
      forward.addAll(carried.addReferencingCopies(Phase.VALIDATE));
      return new PhasePlan(Phase.VALIDATE, forward, undo);
    }

    /**
     * {@code readPath}: whether the gate also needs the read-path flag at NEW; {@code cutover}: whether
     * this is the side after an in-place change's cut-over.
     */
    PhasePlan contract(boolean readPath, boolean cutover) {
      GateSql gate = sql.gate(readPath, cutover);
      ContractModel forward = new ContractModel("sql/contract.sql.ftl", migration, sql.sync(), gate,
          sql.backfill().procedure(), sql.backfill().stateTable(), carried.contract());
      List<Step> undo = new ArrayList<>();
      undo.add(steps.transactional(Phase.CONTRACT, "restore-old-column", ACCESS_EXCLUSIVE,
          "bring back the old column, the sync trigger and the backfill procedure",
          new RestoreModel("sql/rollback-contract-restore.sql.ftl", migration, sql.sync(), sql.backfill(),
              objects.oldColumnType(), carried.restore())));
      undo.add(runStep(Phase.CONTRACT, "refill-old-column",
          "copy down(new) into the old column, batch by batch, resumable",
          "down", "fill the old column from the new one"));
      undo.addAll(new ViewSteps(steps, spec, sql.table()).restore());
      if (spec.change().fromNotNull()) {
        undo.addAll(notNullSteps(Phase.CONTRACT, "old", sql.oldNotNull()));
      }
      undo.addAll(carried.rebuildOriginals(Phase.CONTRACT));
      undo.addAll(carried.restoreReferencingOriginals(Phase.CONTRACT));
      undo.addAll(carried.moveKeyBack(Phase.CONTRACT));
      List<Step> contract = new ArrayList<>();
      contract.add(steps.transactional(Phase.CONTRACT, CHECK_CONVERGENCE, ACCESS_SHARE,
          "count the rows where the new column is not up(old), and record a check that found none",
          new ConvergenceCheckModel("sql/convergence-check.sql.ftl", migration, sql.table(), gate,
              literal(spec.change().from().name()), literal(spec.change().to().name()),
              List.of(ContractGate.CONVERGENCE_CHECKS_DDL, ContractGate.GATE_OVERRIDES_DDL))));
      contract.addAll(carried.dropReferencingOriginals(Phase.CONTRACT, gate));
      contract.add(steps.transactional(Phase.CONTRACT, "drop-old-column", ACCESS_EXCLUSIVE,
          "drop the sync trigger, its functions and the old column, in one transaction", forward));
      contract.addAll(carried.renameReferencingCopies(Phase.CONTRACT));
      return new PhasePlan(Phase.CONTRACT, contract, undo);
    }

    private List<Step> notNullSteps(Phase phase, String role, NotNullSql notNull) {
      String phaseName = phase == Phase.VALIDATE ? "validate" : "rollback of " + phase.id();
      List<Step> result = new ArrayList<>();
      result.add(steps.transactional(phase, "add-" + role + "-not-null", ACCESS_EXCLUSIVE,
          "add NOT NULL on the " + role + " column as NOT VALID",
          new NotNullModel("sql/not-null-add.sql.ftl", migration, phaseName, role, notNull)));
      result.add(steps.transactional(phase, "validate-" + role + "-not-null", SHARE_UPDATE_EXCLUSIVE,
          "validate NOT NULL on the " + role + " column",
          new NotNullModel("sql/not-null-validate.sql.ftl", migration, phaseName, role, notNull)));
      if (!notNull.nativeNotNull()) {
        result.add(steps.transactional(phase, "set-" + role + "-not-null", ACCESS_EXCLUSIVE,
            "mark the " + role + " column NOT NULL (no scan) and drop the check",
            new NotNullModel("sql/not-null-set.sql.ftl", migration, phaseName, role, notNull)));
      }
      return result;
    }

    /** A call of the backfill procedure, with its single-transaction variant. */
    private Step runStep(Phase phase, String name, String summary, String direction, String purpose) {
      String phaseName = phase == Phase.BACKFILL ? "backfill" : "rollback of " + phase.id();
      String contracted = ContractedGuard.contractedLiteral(phase, migration);
      return steps.nonTransactional(phase, name, ROW_LOCKS, summary,
          run(phaseName, direction, purpose, true, contracted),
          steps.render(run(phaseName, direction, purpose, false, contracted)));
    }

    private BackfillRunModel run(String phaseName, String direction, String purpose, boolean commitBatches,
        String contracted) {
      return new BackfillRunModel("sql/backfill-run.sql.ftl", migration, SqlScript.NO_TRANSACTION_MARKER,
          phaseName, purpose, sql.backfill().procedure(), direction, spec.backfill().batchSize(), commitBatches,
          contracted, sql.backfill().quote());
    }
  }
}
