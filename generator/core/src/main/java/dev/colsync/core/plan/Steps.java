package dev.colsync.core.plan;

import dev.colsync.core.render.TemplateModel;
import dev.colsync.core.render.TemplateRenderer;
import dev.colsync.runtime.sql.SqlScript;

/** Renders a template model into a {@link Step}, checking that its transaction mode is the one meant. */
final class Steps {
  static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE (milliseconds, under lock_timeout)";
  static final String ROW_LOCKS = "row locks of one batch at a time";
  static final String NO_TABLE_LOCK = "none on the table";
  static final String ACCESS_SHARE = "ACCESS SHARE (reads the whole table; blocks no writes)";
  static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE (blocks no reads or writes)";

  private final TemplateRenderer renderer;

  Steps(TemplateRenderer renderer) {
    this.renderer = renderer;
  }

  String render(TemplateModel model) {
    return renderer.render(model);
  }

  /** A script that runs in one transaction. */
  Step transactional(Phase phase, String name, String lock, String summary, TemplateModel model) {
    String text = renderer.render(model);
    if (SqlScript.isNoTransaction(text)) {
      throw new IllegalStateException(model.templateName() + " renders a no-transaction script");
    }
    return new Step(phase, name, TransactionMode.SINGLE_TRANSACTION, lock, summary, text, text);
  }

  /** A script that runs statement by statement, with what it does as one transaction when a runner needs that. */
  Step nonTransactional(Phase phase, String name, String lock, String summary, TemplateModel model,
      String asOneTransaction) {
    String text = renderer.render(model);
    if (!SqlScript.isNoTransaction(text)) {
      throw new IllegalStateException(model.templateName() + " renders a transactional script");
    }
    return new Step(phase, name, TransactionMode.NO_TRANSACTION, lock, summary, text, asOneTransaction);
  }
}
