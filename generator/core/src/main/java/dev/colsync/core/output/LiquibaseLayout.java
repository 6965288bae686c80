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
 * its phase (deploy a phase with {@code --label-filter}). A transactional script is one changeset sent
 * whole ({@code splitStatements:false}, so function bodies stay intact); a script that must run outside
 * a transaction is one changeset with {@code runInTransaction:false}, split at its semicolons, or one
 * changeset per statement when it holds a dollar-quoted body. A phase's
 * rollback is attached to its first script's changeset.
 */
final class LiquibaseLayout implements Layout {
  static final String CHANGELOG = "changelog.sql";

  @Override
  public List<GeneratedFile> files(Plan plan) {
    StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
    for (ScriptFiles.Numbered script : ScriptFiles.forward(plan)) {
      Step step = script.step();
      String body = withoutMarker(step.sql());
      if (step.mode() == TransactionMode.SINGLE_TRANSACTION) {
        changelog.append(changeSet(plan, changeSetId(plan, script), step, false, false)).append(body);
      } else if (!body.contains("$")) {
        changelog.append(changeSet(plan, changeSetId(plan, script), step, true,
            SqlScript.statements(body).size() > 1)).append(body);
      } else {
        // A dollar-quoted body Liquibase's splitter would cut: one changeset per statement instead
        // (a string of statements sent at once would run as one implicit transaction).
        List<String> statements = SqlScript.statements(body);
        for (int i = 0; i < statements.size(); i++) {
          changelog.append(changeSet(plan, changeSetId(plan, script) + "-" + (i + 1), step, true, false))
              .append(statements.get(i)).append(";\n");
          if (i < statements.size() - 1) {
            changelog.append("--rollback empty\n");
          }
        }
      }
      changelog.append(rollback(plan, step));
    }
    List<GeneratedFile> files = new ArrayList<>();
    files.add(new GeneratedFile(plan.spec().migration() + "/" + CHANGELOG, changelog.toString()));
    files.addAll(ScriptFiles.rollbacks(plan));
    return files;
  }

  private static String changeSet(Plan plan, String id, Step step, boolean noTransaction, boolean split) {
    return "\n--changeset colsync:" + id
        + " labels:" + plan.spec().migration() + "," + step.phase().id()
        + " runInTransaction:" + !noTransaction
        // Liquibase finds "splitStatements:" by its last match, so it must come after the rollback one.
        + " rollbackSplitStatements:false splitStatements:" + split + "\n";
  }

  /** The script without the no-transaction marker, which the changeset attributes replace. */
  private static String withoutMarker(String sql) {
    return SqlScript.isNoTransaction(sql) ? sql.substring(sql.indexOf('\n') + 1) : sql;
  }

  @Override
  public String scriptName(Plan plan, ScriptFiles.Numbered script) {
    return CHANGELOG + " (changeset " + changeSetId(plan, script) + ")";
  }

  private static String changeSetId(Plan plan, ScriptFiles.Numbered script) {
    return plan.spec().migration() + "-" + script.plainName().replace(".sql", "");
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
