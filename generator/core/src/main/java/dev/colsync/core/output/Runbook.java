package dev.colsync.core.output;

import dev.colsync.core.output.RunbookModel.PhaseSection;
import dev.colsync.core.output.RunbookModel.StepRow;
import dev.colsync.core.plan.CatalogOnlyChange;
import dev.colsync.core.plan.InPlaceColumns;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.TransactionMode;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.render.TemplateRenderer;
import dev.colsync.core.spec.ColumnChange;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Rename;
import dev.colsync.core.spec.ViewSpec;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes {@code runbook.md}: each step, who may run during it, its lock, and how to undo it. */
final class Runbook {
  private final TemplateRenderer renderer;

  Runbook(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  GeneratedFile file(Plan plan, Layout layout) {
    MigrationSpec spec = plan.spec();
    List<StepRow> rows = new ArrayList<>();
    for (ScriptFiles.Numbered script : ScriptFiles.forward(plan)) {
      rows.add(new StepRow(script.number(), script.step().phase().id(), layout.scriptName(plan, script),
          script.step().mode() == TransactionMode.NO_TRANSACTION ? "no transaction" : "one transaction",
          script.step().phase().versions(), script.step().lock(), script.step().summary()));
    }
    List<PhaseSection> sections = new ArrayList<>();
    for (PhasePlan phase : plan.phases()) {
      sections.add(new PhaseSection(title(phase.phase()), phase.phase().versions(), phase.phase().outcome(),
          instructions(plan, phase.phase()), ScriptFiles.rollbackPaths(phase),
          phase.phase() == Phase.SWITCH ? "move the read-path flag back (NEW → SHADOW → OLD)." : "nothing to undo."));
    }
    String strategy = plan.strategy().isEmpty() ? "" : " " + capitalized(plan.strategy());
    RunbookModel model = new RunbookModel(spec.migration(), description(plan) + strategy,
        spec.timeouts().lock().toMillis() + " ms", spec.timeouts().statement().toMillis() + " ms", rows, sections,
        ReplicationNotes.standbys(plan), ReplicationNotes.subscribers(plan));
    return new GeneratedFile(spec.migration() + "/runbook.md", renderer.render(model));
  }

  private static String title(Phase phase) {
    return Character.toUpperCase(phase.id().charAt(0)) + phase.id().substring(1);
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String description(Plan plan) {
    MigrationSpec spec = plan.spec();
    ColumnChange change = spec.change();
    String table = "`" + spec.table() + "`";
    if (plan.catalogOnly()) {
      return "Changes the type of column `" + change.from().name() + "` of " + table + " from " + change.from().type()
          + " to " + change.to().type() + " with one ALTER … TYPE: no new column, no sync trigger, no backfill,"
          + " and no read-path flag or Java shim (the application reads the column by its name throughout).";
    }
    if (change.inPlace()) {
      InPlaceColumns columns = InPlaceColumns.of(spec);
      return "Changes the type of column `" + change.from().name() + "` of " + table + " in place, from "
          + change.from().type() + " to " + change.to().type() + ", converting with up `" + change.up()
          + "` and down `" + change.down() + "`. The new values are built in `" + columns.newTemporary()
          + "`, which takes the name at cut-over; the old ones then stay in `" + columns.oldTemporary()
          + "` until contract.";
    }
    if (change instanceof Rename) {
      return "Renames column `" + change.from().name() + "` of " + table + " to `" + change.to().name()
          + "` (" + change.from().type() + ").";
    }
    return "Changes column `" + change.from().name() + "` (" + change.from().type() + ") of " + table
        + " into `" + change.to().name() + "` (" + change.to().type() + "), converting with up `"
        + change.up() + "` and down `" + change.down() + "`; an old-version write that up cannot convert is "
        + (change.onUpError().specValue().equals("reject") ? "rejected." : "stored with NULL in the new column.");
  }

  private static String instructions(Plan plan, Phase phase) {
    MigrationSpec logical = plan.spec();
    Optional<InPlaceColumns> inPlace = InPlaceColumns.when(logical);
    MigrationSpec spec = inPlace.map(InPlaceColumns::before).orElse(logical);
    MigrationSpec late = inPlace.map(InPlaceColumns::after).orElse(logical);
    String oldColumn = "`" + spec.change().from().name() + "`";
    String newColumn = "`" + spec.change().to().name() + "`";
    String contractCheck = "Its first script checks that no row diverges (`SELECT count(*) FROM "
        + SqlIdentifiers.qualified(late.table().schema(), late.table().name()) + " WHERE "
        + SqlIdentifiers.quote(late.change().to().name()) + " IS DISTINCT FROM "
        + new SqlFragments(late, plan.names()).upOfRow() + "` must be 0) and records the check. The drop"
        + " refuses, whoever runs it, unless that check passed with the sync trigger and its functions as they"
        + " are now" + (inPlace.isPresent() ? "" : " and the read-path flag is NEW") + ". To contract anyway,"
        + " on purpose: `SET colsync.contract_override = '" + logical.migration() + ": <reason>'` in the"
        + " session first; the override is recorded in `colsync.gate_overrides`. The role that runs contract"
        + " owns the table and needs `SELECT, UPDATE` on `colsync.convergence_checks` and"
        + " `colsync.read_path_flags` (and `INSERT` on the first; `colsync grant ROLE --runner` gives them).";
    return switch (phase) {
      case EXPAND -> "Deploy while N-1 runs. From here on every write to " + oldColumn
          + " is copied to " + newColumn + " and every write to " + newColumn + " back to " + oldColumn + "."
          + " The new column is added at the end of the table (PostgreSQL cannot place it elsewhere): after"
          + " contract it stays last, so `SELECT *` and an INSERT without a column list see the columns in"
          + " another order.";
      case BACKFILL -> "Fills " + newColumn + " on the rows written before expand, up to the highest key when it"
          + " starts (rows inserted later are the trigger's). Each batch commits with"
          + " its checkpoint in `" + plan.names().backfillState() + "`: stop the run at any time and start it"
          + " again to resume. Progress: `SELECT * FROM "
          + SqlIdentifiers.qualified(spec.table().schema(), plan.names().backfillState()) + "`."
          + " Each batch is an UPDATE, so the table's own row-level UPDATE triggers fire for every row it"
          + " writes; one that stamps a modified time or writes an audit row can leave the backfill's updates"
          + " alone with `IF coalesce(current_setting('colsync.backfill', true), '') <> '' THEN RETURN NEW;"
          + " END IF;` (each batch sets `colsync.backfill` to the migration's name).";
      case INDEXES -> "Builds the new column's indexes concurrently; each script runs outside a transaction.";
      case VALIDATE -> "Adds the constraints as NOT VALID (checked for new writes at once), then validates"
          + " them in a separate transaction that blocks no reads or writes.";
      case SWITCH -> "No DDL. Deploy N with the read-path flag at OLD, then move it OLD → SHADOW (reads both"
          + " columns, returns the old value and reports any difference) → NEW.";
      case CUTOVER -> "N-1 and N may run; both use the column by its name `" + logical.change().to().name()
          + "`, so read it with a type that holds both (`long` for integer → bigint). One short transaction swaps"
          + " the names: " + newColumn + " becomes `" + logical.change().to().name() + "` with the primary key,"
          + " the owned sequence, the default and other tables' foreign keys; the old column becomes `"
          + late.change().from().name() + "`, still kept in sync, so the rollback loses no write. Until"
          + " contract only values the old type can hold can be written (the trigger refuses others): contract"
          + " soon.";
      case ALTER_TYPE -> alterTypeInstructions(plan);
      case CONTRACT -> (inPlace.isPresent()
          ? "Once the cut-over has proved itself and no rollback is wanted. "
          : "Only once no N-1 instance runs and the flag is NEW everywhere. ") + contractCheck
          + views(spec, oldColumn, newColumn) + readers(spec, oldColumn, newColumn);
    };
  }

  private static String alterTypeInstructions(Plan plan) {
    MigrationSpec spec = plan.spec();
    boolean rollbackRewrites = CatalogOnlyChange.decide(spec).types()
        .filter(CatalogOnlyChange.Types::reverseCatalogOnly).isEmpty();
    String table = SqlIdentifiers.qualified(spec.table().schema(), spec.table().name());
    return "Deploy while N-1 runs, or N: both read and write the column by its name, and every value of "
        + spec.change().from().type() + " is a value of " + spec.change().to().type() + ". The script first checks"
        + " the live catalog: the column has type " + spec.change().from().type() + " (or " + spec.change().to().type()
        + " already: then it does nothing), the table is a plain table, the column keeps its type's collation,"
        + " and no index over it has an expression, a predicate or an exclusion and no CHECK or foreign key uses it"
        + " (PostgreSQL would rebuild or scan for those). Only then, under ACCESS EXCLUSIVE, it changes the type:"
        + " PostgreSQL rewrites neither the table nor its indexes (`pg_class.relfilenode` of " + "`" + table + "`"
        + " and of its indexes stays the same). A lock not granted within lock_timeout is asked for again, a few"
        + " times, before the script gives up having changed nothing."
        + (rollbackRewrites
            ? " The rollback is not catalog-only: changing back to " + spec.change().from().type() + " first scans"
                + " the table for values that do not fit (blocking no one), then REWRITES the table and its indexes"
                + " under ACCESS EXCLUSIVE, which blocks reads and writes for as long as that takes and must finish"
                + " within statement_timeout; on a large table, change back with a `strategy: copy` spec instead."
            : " The rollback is catalog-only too.");
  }

  /** The functions and procedures scaffold found reading the column: they fail once it is dropped. */
  private static String readers(MigrationSpec spec, String oldColumn, String newColumn) {
    List<String> readers = spec.objects().readers();
    if (readers.isEmpty()) {
      return "";
    }
    return " These read " + oldColumn + " and fail once contract drops it: change them to read " + newColumn
        + " first: " + String.join(", ", readers.stream().map(reader -> "`" + reader + "`").toList()) + ".";
  }

  /** What contract does to the views that read the column, and what the user must know about it. */
  private static String views(MigrationSpec spec, String oldColumn, String newColumn) {
    List<ViewSpec> views = spec.objects().views();
    if (views.isEmpty()) {
      return "";
    }
    String names = String.join(", ", views.stream()
        .map(view -> "`" + SqlIdentifiers.qualified(view.schema(), view.name()) + "`").toList());
    String how = spec.change() instanceof Rename
        ? "they read " + newColumn + " under the output name " + oldColumn
        : "they read `down(" + spec.change().to().name() + ")` cast to `" + spec.change().from().type()
            + "`, so their columns keep their type, but can no longer be written through the view (to give a"
            + " view the new type, drop it and create it again yourself after contract)";
    return " Contract also creates the views " + names + " again over " + newColumn + " (CREATE OR REPLACE VIEW,"
        + " in the same transaction, with the same columns, grants and owner): " + how + ". The role that runs"
        + " contract must own them. Each is replaced with the definition recorded in the spec: if one changed"
        + " since the spec was scaffolded, scaffold it again first. The rollback puts them back as they were once"
        + " the old column is refilled.";
  }
}
