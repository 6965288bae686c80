package dev.colsync.core.spec;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlSyntaxException;
import dev.colsync.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a dependent of kind {@code view} records beyond its kind and name: {@code definition},
 * {@code checkOption}, {@code securityBarrier}, {@code securityInvoker} and {@code usedBy}.
 */
final class ViewReader {
  static final List<String> KEYS = List.of("definition", "checkOption", "securityBarrier", "securityInvoker",
      "usedBy");
  static final String EXPECTED_NAME = "the view's name qualified with its schema, as the catalog prints it:"
      + " shop.items_view";
  static final String EXPECTED_DEFINITION = "the view's query as pg_get_viewdef prints it, as SQL text with"
      + " balanced quotes and comments";
  static final String EXPECTED_CHECK_OPTION = "local or cascaded";
  static final String EXPECTED_USED_BY = "a list of the views that read this view, e.g. [shop.items_report]";

  private final TypedValues values;
  private final Problems problems;

  ViewReader(TypedValues values) {
    this.values = values;
    this.problems = values.problems();
  }

  static List<String> withViewKeys(List<String> keys) {
    List<String> all = new ArrayList<>(keys);
    all.addAll(KEYS);
    return List.copyOf(all);
  }

  /** The view's recorded details; empty inside when the dependent is no view or records no definition. */
  Optional<Optional<ViewSpec>> read(MappingFields fields, Optional<String> kind, Optional<String> name) {
    Optional<Optional<String>> definition = fields.optional("definition", Optional.empty(),
        node -> definition(node).map(Optional::of));
    Optional<Optional<String>> checkOption = fields.optional("checkOption", Optional.empty(),
        node -> checkOption(node).map(Optional::of));
    Optional<Boolean> securityBarrier = fields.optional("securityBarrier", false, values::bool);
    Optional<Boolean> securityInvoker = fields.optional("securityInvoker", false, values::bool);
    Optional<List<String>> usedBy = fields.optional("usedBy", List.of(), this::usedBy);
    boolean isView = kind.isPresent() && kind.get().equals("view");
    Optional<String[]> qualified = isView && name.isPresent()
        ? qualifiedName(fields.node("name").orElseThrow(), name.get())
        : Optional.empty();
    if (kind.isEmpty() || name.isEmpty() || definition.isEmpty() || checkOption.isEmpty()
        || securityBarrier.isEmpty() || securityInvoker.isEmpty() || usedBy.isEmpty()
        || (isView && qualified.isEmpty())) {
      return Optional.empty();
    }
    if (!isView || definition.get().isEmpty()) {
      return Optional.of(Optional.empty());
    }
    return qualified.map(parts -> Optional.of(new ViewSpec(parts[0], parts[1], definition.get().get(),
        checkOption.get(), securityBarrier.get(), securityInvoker.get(), usedBy.get())));
  }

  private Optional<String> definition(YamlNode node) {
    return values.string(node, EXPECTED_DEFINITION).flatMap(text -> {
      Optional<String> problem = RecordedSql.VIEW.problem(text);
      problem.ifPresent(message -> problems.report(node, message, EXPECTED_DEFINITION));
      return problem.isPresent() ? Optional.empty() : Optional.of(text.strip());
    });
  }

  private Optional<String> checkOption(YamlNode node) {
    return values.string(node, EXPECTED_CHECK_OPTION).flatMap(text -> {
      if (ViewSpec.CHECK_OPTIONS.contains(text)) {
        return Optional.of(text);
      }
      problems.report(node, "'" + text + "' is not a check option", EXPECTED_CHECK_OPTION);
      return Optional.empty();
    });
  }

  private Optional<List<String>> usedBy(YamlNode node) {
    return values.sequence(node, EXPECTED_USED_BY).flatMap(sequence -> {
      List<String> names = new ArrayList<>();
      for (YamlNode item : sequence.items()) {
        Optional<String> name = values.string(item, EXPECTED_USED_BY);
        if (name.isEmpty()) {
          return Optional.empty();
        }
        names.add(name.get());
      }
      return Optional.of(names);
    });
  }

  /** {@code schema.view} (each part quoted where the catalog needs it) as its two catalog names. */
  private Optional<String[]> qualifiedName(YamlNode node, String text) {
    try {
      List<SqlToken> tokens = SqlLexer.tokenize(text).stream().filter(token -> !token.isTrivia()).toList();
      if (tokens.size() == 3 && tokens.get(0).identifier() != null && tokens.get(1).is(".")
          && tokens.get(2).identifier() != null) {
        return Optional.of(new String[] {tokens.get(0).identifier(), tokens.get(2).identifier()});
      }
    } catch (SqlSyntaxException e) {
      // reported below
    }
    problems.report(node, "'" + text + "' is not a view name qualified with its schema", EXPECTED_NAME);
    return Optional.empty();
  }
}
