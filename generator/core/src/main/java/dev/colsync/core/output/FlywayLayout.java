package dev.colsync.core.output;

import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.TransactionMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyway versioned migrations {@code V<version>.<NN>__<migration>_<phase>_<step>.sql}; a script that
 * must not run in a transaction gets a {@code .sql.conf} with {@code executeInTransaction=false}.
 * Deploy phase by phase with Flyway's {@code target}. Rollbacks stay plain scripts under {@code rollback/}.
 */
final class FlywayLayout implements Layout {
  @Override
  public List<GeneratedFile> files(Plan plan) {
    List<GeneratedFile> files = new ArrayList<>();
    String directory = plan.spec().migration() + "/";
    for (ScriptFiles.Numbered script : ScriptFiles.forward(plan)) {
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
    return String.format("V%s.%02d__%s_%s_%s.sql", plan.spec().flywayVersion().orElseThrow(), script.number(),
        plan.spec().migration(), script.step().phase().id(), script.step().name().replace('-', '_'));
  }
}
