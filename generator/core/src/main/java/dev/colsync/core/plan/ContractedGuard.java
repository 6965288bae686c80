package dev.colsync.core.plan;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;

import dev.colsync.core.render.Models.ContractedGuardModel;
import dev.colsync.core.render.Models.GateSql;
import dev.colsync.runtime.sql.SqlScript;
import java.util.List;
import java.util.Set;

/**
 * Puts a guard in front of every script, forward and rollback, of the phases between expand and contract:
 * run after contract (when the column it works on is gone, or carries the copy's constraints and indexes
 * under their original names), such a script would fail halfway or build a second copy. The guard stops
 * it before it changes anything.
 */
final class ContractedGuard {
  private static final Set<Phase> GUARDED = Set.of(Phase.BACKFILL, Phase.INDEXES, Phase.VALIDATE);

  private final Steps steps;
  private final String migration;
  private final GateSql gate;

  /** {@code gate}: contract's gate facts, of the side contract works on (after a cut-over, for in place). */
  ContractedGuard(Steps steps, String migration, GateSql gate) {
    this.steps = steps;
    this.migration = migration;
    this.gate = gate;
  }

  /**
   * In a script the guard heads, the migration's name as a literal, for statements that must skip once the guard
   * found the migration contracted (it sets {@code colsync.contracted} to that name); empty elsewhere.
   */
  static String contractedLiteral(Phase phase, String migration) {
    return GUARDED.contains(phase) ? literal(migration) : "";
  }

  List<PhasePlan> guard(List<PhasePlan> phases) {
    return phases.stream().map(phase -> GUARDED.contains(phase.phase())
        ? new PhasePlan(phase.phase(), guardAll(phase.steps()), guardAll(phase.rollback()))
        : phase).toList();
  }

  private List<Step> guardAll(List<Step> scripts) {
    return scripts.stream().map(this::guard).toList();
  }

  private Step guard(Step step) {
    return new Step(step.phase(), step.name(), step.mode(), step.lock(), step.summary(), guarded(step, step.sql()),
        guarded(step, step.asOneTransaction()));
  }

  /**
   * A transactional script becomes one block that returns with a notice once the migration is contracted
   * (its leading comments and settings stay in front); a script run statement by statement gets a first block
   * that says so and sets {@code colsync.contracted} for the session, which its statements that would change
   * something check (an index build is skipped by a placeholder of the index's name, removed after it).
   */
  private String guarded(Step step, String script) {
    boolean noTransaction = SqlScript.isNoTransaction(script);
    String header = noTransaction ? "" : leadingComments(script);
    String body = noTransaction ? "" : script.substring(header.length()).stripTrailing();
    String guard = steps.render(new ContractedGuardModel("sql/contracted-guard.sql.ftl", literal(migration),
        literal(step.phase().id() + "/" + step.name()),
        "NOT " + gate.oldColumnExists() + " AND " + gate.triggers() + " OPERATOR(pg_catalog.=) 0", gate.quote(),
        body, outerQuote(script)));
    return noTransaction ? prepend(guard, script) : header + guard;
  }

  /**
   * The leading comment lines and {@code SET LOCAL} settings: they stay in front of the block, so that the
   * script's statement_timeout bounds the block itself (set inside, it would bound nothing already running).
   */
  private static String leadingComments(String script) {
    int end = 0;
    while (script.startsWith("--", end) || script.startsWith("SET LOCAL ", end)) {
      int lineEnd = script.indexOf('\n', end);
      if (lineEnd < 0) {
        break;
      }
      end = lineEnd + 1;
    }
    return script.substring(0, end);
  }

  /** {@code $colsync_guard$}, or {@code $colsync_guard_N$} when the script contains it. */
  private static String outerQuote(String script) {
    String tag = "$colsync_guard$";
    for (int n = 1; script.contains(tag); n++) {
      tag = "$colsync_guard_" + n + "$";
    }
    return tag;
  }

  /** {@code guard} first, after the no-transaction marker when the script starts with it. */
  private static String prepend(String guard, String script) {
    if (SqlScript.isNoTransaction(script)) {
      int lineEnd = script.indexOf('\n') + 1;
      return script.substring(0, lineEnd) + guard + script.substring(lineEnd);
    }
    return guard + script;
  }
}
