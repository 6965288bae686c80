package dev.colsync.core.spec;

import dev.colsync.core.plan.ViewDefinitions;
import dev.colsync.core.spec.ColumnObjects.DependentSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses, naming the view and the reason, each dependent view that contract could not create
 * again over the new column safely: one recorded without its definition, one other views read, or
 * one whose query cannot be rewritten with certainty.
 */
final class ViewChecks {
  static final String EXPECTED = "a plain view recorded by colsync scaffold, whose query reads the table's column"
      + " by unambiguous names and that no other view reads; otherwise drop the view before contract and create"
      + " it again over the new column after contract";

  private final Problems problems;

  ViewChecks(Problems problems) {
    this.problems = problems;
  }

  void check(MappingFields spec, TableName table, ColumnChange change, ColumnObjects objects) {
    Optional<YamlNode> node = spec.node("dependents");
    if (node.isEmpty() || !(node.get() instanceof YamlNode.Sequence sequence)) {
      return;
    }
    List<DependentSpec> dependents = objects.dependents();
    for (int i = 0; i < dependents.size() && i < sequence.items().size(); i++) {
      DependentSpec dependent = dependents.get(i);
      if (dependent.kind().equals("view")) {
        YamlNode item = sequence.items().get(i);
        problem(dependent, table, change).ifPresent(message -> problems.report(item, message, EXPECTED));
      }
    }
  }

  private static Optional<String> problem(DependentSpec dependent, TableName table, ColumnChange change) {
    String view = "view " + dependent.name() + " uses the column";
    if (dependent.view().isEmpty()) {
      return Optional.of(view + ", and the spec does not record its definition, from which contract would create"
          + " it again over the new column; scaffold the spec again from the live catalog, or add definition: with"
          + " its query as pg_get_viewdef prints it");
    }
    ViewSpec spec = dependent.view().get();
    if (!spec.usedBy().isEmpty()) {
      return Optional.of(view + " and is read by " + String.join(", ", spec.usedBy()) + "; colsync does not"
          + " replace a view that other views read: drop those before contract and create them again after it");
    }
    if (change.inPlace()) {
      return Optional.empty(); // the cut-over creates it again from its recorded query, which names the column
    }
    if (!(change instanceof Rename) && spec.checkOption().isPresent()) {
      return Optional.of(view + " and has WITH " + spec.checkOption().get().toUpperCase(Locale.ROOT)
          + " CHECK OPTION, so it is written through; after a type change it would read the old value computed"
          + " from the new column, which cannot be written through: drop the view before contract and create it"
          + " again over the new column after contract");
    }
    return ViewDefinitions.refusal(spec.definition(), table.schema(), table.name(), change.from().name())
        .map(reason -> view + ", and colsync cannot rewrite its query over the new column safely: " + reason
            + "; drop the view before contract and create it again over the new column after contract");
  }
}
