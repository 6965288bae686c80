package dev.colsync.core.output;

import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.TransactionMode;
import dev.colsync.core.spec.FlywayRelease;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyway versioned migrations {@code V<version>.<NN>__<migration>_<phase>_<step>.sql}; a script that
 * must not run in a transaction gets a {@code .sql.conf} with {@code executeInTransaction=false}.
 * The location holds the phases of the spec's release ({@link FlywayRelease}): expand by default, then
 * expand's scripts again (Flyway validates what it applied) and contract at its own version; release
 * {@code all} holds every phase, to deploy phase by phase with Flyway's {@code target}. Rollbacks stay
 * plain scripts under {@code rollback/}.
 */
final class FlywayLayout implements Layout {
  @Override
  public List<GeneratedFile> files(Plan plan) {
    List<GeneratedFile> files = new ArrayList<>();
    String directory = plan.spec().migration() + "/";
    for (ScriptFiles.Numbered script : ScriptFiles.forward(plan)) {
      if (!inLocation(plan.spec().flyway(), script.step().phase())) {
        continue;
      }
      String name = scriptName(plan, script);
      files.add(new GeneratedFile(directory + name, script.step().sql()));
      if (script.step().mode() == TransactionMode.NO_TRANSACTION) {
        files.add(new GeneratedFile(directory + name + ".conf", "executeInTransaction=false\n"));
      }
    }
    files.addAll(ScriptFiles.rollbacks(plan));
    return files;
  }

  @Override
  public String scriptName(Plan plan, ScriptFiles.Numbered script) {
    FlywayRelease flyway = plan.spec().flyway();
    Phase phase = script.step().phase();
    if (!inLocation(flyway, phase)) {
      return "colsync apply --phase " + phase.id() + " (not in this release's Flyway location)";
    }
    String version = phase == Phase.CONTRACT && flyway.release() == FlywayRelease.Release.CONTRACT
        ? flyway.contractVersion().orElseThrow() : flyway.version().orElseThrow();
    return String.format("V%s.%02d__%s_%s_%s.sql", version, script.number(), plan.spec().migration(),
        phase.id().replace('-', '_'), script.step().name().replace('-', '_'));
  }

  /** Whether the release's Flyway location holds the scripts of {@code phase}. */
  static boolean inLocation(FlywayRelease flyway, Phase phase) {
    return switch (flyway.release()) {
      case ALL -> true;
      // A catalog-only change is one deploy, made with N-1 running: it belongs with expand.
      case EXPAND -> phase == Phase.EXPAND || phase == Phase.ALTER_TYPE
          || phase == Phase.BACKFILL && flyway.inlineBackfill();
      case CONTRACT -> phase == Phase.EXPAND || phase == Phase.ALTER_TYPE
          || phase == Phase.BACKFILL && flyway.inlineBackfill() || phase == Phase.CONTRACT;
    };
  }
}
