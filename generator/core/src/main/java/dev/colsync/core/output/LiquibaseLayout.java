package dev.colsync.core.output;

import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.core.plan.TransactionMode;
import dev.colsync.runtime.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;

/**
 * One formatted-SQL changelog per migration, a changeset per script labelled with the migration and
 * its phase (deploy a phase with {@code --label-filter}). Transactional scripts are sent whole
 * ({@code splitStatements:false}, so function bodies stay intact); the others run statement by
 * statement outside a transaction. A phase's rollback is attached to its first changeset.
 */
final class LiquibaseLayout implements Layout {
  static final String CHANGELOG = "changelog.sql";

  @Override
  public List<GeneratedFile> files(Plan plan) {
    StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
    for (ScriptFiles.Numbered script : ScriptFiles.forward(plan)) {
      Step step = script.step();
      boolean transactional = step.mode() == TransactionMode.SINGLE_TRANSACTION;
      changelog.append('\n')
          .append("--changeset colsync:").append(changeSetId(plan, script))
          .append(" labels:").append(plan.spec().migration()).append(',').append(step.phase().id())
          .append(" runInTransaction:").append(transactional)
          // Liquibase finds "splitStatements:" by its last match, so it must come after the rollback one.
          .append(" rollbackSplitStatements:false")
          .append(" splitStatements:").append(!transactional)
          .append('\n')
          .append(body(step.sql()));
      changelog.append(rollback(plan, step));
    }
    List<GeneratedFile> files = new ArrayList<>();
    files.add(new GeneratedFile(plan.spec().migration() + "/" + CHANGELOG, changelog.toString()));
    files.addAll(ScriptFiles.rollbacks(plan));
    return files;
  }

  @Override
  public String scriptName(Plan plan, ScriptFiles.Numbered script) {
    return CHANGELOG + " (changeset " + changeSetId(plan, script) + ")";
  }

  private static String changeSetId(Plan plan, ScriptFiles.Numbered script) {
    return plan.spec().migration() + "-" + script.plainName().replace(".sql", "");
  }

  /** The script without the no-transaction marker, which the changeset attributes replace. */
  private static String body(String sql) {
    return SqlScript.isNoTransaction(sql) ? sql.substring(sql.indexOf('\n') + 1) : sql;
  }

  /**
   * The phase's rollback on its first changeset ({@code --rollback empty} on the others). Liquibase
   * runs it in that changeset's transaction, so a resumable batch step runs there as one transaction.
   */
  private static String rollback(Plan plan, Step step) {
    PhasePlan phase = plan.phase(step.phase());
    if (!ScriptFiles.isFirstOfPhase(plan, step) || phase.rollback().isEmpty()) {
      return "--rollback empty\n";
    }
    StringBuilder text = new StringBuilder();
    for (Step undo : phase.rollback()) {
      for (String line : undo.asOneTransaction().split("\n", -1)) {
        if (!line.isEmpty()) {
          text.append("--rollback ").append(line).append('\n');
        }
      }
    }
    return text.toString();
  }
}
