package dev.colsync.core.output;

import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import java.util.ArrayList;
import java.util.List;

/** Numbers a plan's scripts and names their plain files; shared by every layout. */
final class ScriptFiles {
  private ScriptFiles() {}

  /**
   * A forward step with its position.
   *
   * @param number 1-based position among all forward steps of the migration
   */
  record Numbered(int number, Step step) {
    String plainName() {
      return String.format("%02d-%s-%s.sql", number, step.phase().id(), step.name());
    }
  }

  static List<Numbered> forward(Plan plan) {
    List<Numbered> numbered = new ArrayList<>();
    for (Step step : plan.steps()) {
      numbered.add(new Numbered(numbered.size() + 1, step));
    }
    return numbered;
  }

  /** {@code rollback/<phase>/NN-<step>.sql}, relative to the migration's directory. */
  static String rollbackPath(Step step, int indexInPhase) {
    return String.format("rollback/%s/%02d-%s.sql", step.phase().id(), indexInPhase + 1, step.name());
  }

  /** The rollback scripts of every phase, as plain files under the migration's directory. */
  static List<GeneratedFile> rollbacks(Plan plan) {
    List<GeneratedFile> files = new ArrayList<>();
    for (PhasePlan phase : plan.phases()) {
      for (int i = 0; i < phase.rollback().size(); i++) {
        Step step = phase.rollback().get(i);
        files.add(new GeneratedFile(plan.spec().migration() + "/" + rollbackPath(step, i), step.sql()));
      }
    }
    return files;
  }

  static List<String> rollbackPaths(PhasePlan phase) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < phase.rollback().size(); i++) {
      paths.add(rollbackPath(phase.rollback().get(i), i));
    }
    return paths;
  }

  static boolean isFirstOfPhase(Plan plan, Step step) {
    PhasePlan phase = plan.phase(step.phase());
    return phase.steps().get(0) == step;
  }

  static Phase phaseOf(Numbered numbered) {
    return numbered.step().phase();
  }
}
