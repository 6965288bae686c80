package dev.colsync.core.render;

/**
 * The typed model of one template: a record whose components are the template's variables. The
 * renderer refuses a model with any component left null, so a template never renders a gap.
 */
public interface TemplateModel {
  /** The template's path under the template root, for example {@code sql/contract.sql.ftl}. */
  String templateName();
}
