package dev.colsync.core.output;

import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Planner;
import dev.colsync.core.plan.SelfCheck;
import dev.colsync.core.render.TemplateRenderer;
import dev.colsync.core.spec.MigrationSpec;
import java.util.ArrayList;
import java.util.List;

/** From validated specs to the files of one output format, in memory; nothing is written here. */
public final class Generator {
  private final Planner planner;
  private final Runbook runbook;

  public Generator(TemplateRenderer renderer) {
    this.planner = new Planner(renderer);
    this.runbook = new Runbook(renderer);
  }

  public Generator() {
    this(TemplateRenderer.builtIn());
  }

  public Plan plan(MigrationSpec spec) {
    Plan plan = planner.plan(spec);
    SelfCheck.requireClean(plan);
    return plan;
  }

  /** Every file of every spec, in a stable order. */
  public List<GeneratedFile> files(List<MigrationSpec> specs, OutputFormat format) {
    Layout layout = Layout.of(format);
    List<GeneratedFile> files = new ArrayList<>();
    for (MigrationSpec spec : specs) {
      Plan plan = plan(spec);
      files.addAll(layout.files(plan));
      files.add(runbook.file(plan, layout));
    }
    return files;
  }
}
