package dev.colsync.core.output;

import dev.colsync.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/** {@code <migration>/NN-<phase>-<step>.sql}: lexicographic order is execution order. */
final class PlainLayout implements Layout {
  @Override
  public List<GeneratedFile> files(Plan plan) {
    List<GeneratedFile> files = new ArrayList<>();
    for (ScriptFiles.Numbered script : ScriptFiles.forward(plan)) {
      files.add(new GeneratedFile(plan.spec().migration() + "/" + scriptName(plan, script), script.step().sql()));
    }
    files.addAll(ScriptFiles.rollbacks(plan));
    return files;
  }

  @Override
  public String scriptName(Plan plan, ScriptFiles.Numbered script) {
    return script.plainName();
  }
}
