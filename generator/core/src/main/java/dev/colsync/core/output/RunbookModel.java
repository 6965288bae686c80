package dev.colsync.core.output;

import dev.colsync.core.render.TemplateModel;
import java.util.List;

/** The model of {@code doc/runbook.md.ftl}. */
public record RunbookModel(
    String migration, String description, String lockTimeout, String statementTimeout,
    List<StepRow> steps, List<PhaseSection> phases, String standbys, String subscribers)
    implements TemplateModel {

  /** One row of the step table. */
  public record StepRow(
      int number, String phase, String script, String mode, String versions, String lock, String summary) {}

  /** One phase's section. */
  public record PhaseSection(
      String title, String versions, String outcome, String instructions, List<String> rollback,
      String noRollbackReason) {}

  @Override
  public String templateName() {
    return "doc/runbook.md.ftl";
  }
}
