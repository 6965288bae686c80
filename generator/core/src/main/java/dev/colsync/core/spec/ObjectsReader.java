package dev.colsync.core.spec;

import dev.colsync.core.spec.ColumnObjects.ColumnProperties;
import dev.colsync.core.spec.ColumnObjects.ConstraintSpec;
import dev.colsync.core.spec.ColumnObjects.DependentSpec;
import dev.colsync.core.spec.ColumnObjects.IndexSpec;
import dev.colsync.core.spec.ColumnObjects.SequenceSpec;
import dev.colsync.core.spec.ColumnObjects.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads what the old column carries ({@code column}, {@code indexes}, {@code constraints},
 * {@code foreignKeys}, {@code referencedBy}, {@code dependents}), as {@code colsync scaffold}
 * records it from the live catalog.
 */
final class ObjectsReader {
  static final List<String> KEYS = List.of("column", "indexes", "constraints", "foreignKeys", "referencedBy",
      "dependents", "partitions", "triggers", "readers");
  static final List<String> TRIGGER_KEYS = List.of("name", "definition");
  static final String EXPECTED_TRIGGERS =
      "a list of { name: <trigger>, definition: <CREATE TRIGGER … as pg_get_triggerdef prints it> }";
  static final String EXPECTED_READERS = "a list of the functions and procedures that read the column, as"
      + " regprocedure prints them (public.revenue(), \"Reports\".total(integer)); informational";
  static final String EXPECTED_PARTITIONS = "a list of the table's partitions as the catalog prints them,"
      + " schema-qualified and quoted where SQL needs it, e.g. [public.events_2025, public.\"Events 2026\"]";
  static final String EXPECTED_PARTITIONED_UNIQUE = "no UNIQUE constraint on the column of a partitioned table:"
      + " replace it by a unique index before expand (CREATE UNIQUE INDEX, which colsync copies partition by"
      + " partition), or drop it before expand and add it again over the new column after contract";
  static final List<String> COLUMN_KEYS = List.of("default", "collation", "comment", "statistics", "sequence",
      "identity");
  static final List<String> INDEX_KEYS = List.of("name", "definition", "constraint", "primary");
  static final List<String> SEQUENCE_KEYS = List.of("name", "type");
  static final List<String> CONSTRAINT_KEYS = List.of("name", "table", "definition");
  static final List<String> DEPENDENT_KEYS = ViewReader.withViewKeys(List.of("kind", "name"));
  static final List<String> DEPENDENT_KINDS =
      List.of("view", "materialized view", "rule", "generated column", "exclusion constraint");

  static final String EXPECTED_COLUMN =
      "a mapping { default: <SQL expression>, collation: '\"C\"', comment: <text>, statistics: 500 }";
  static final String EXPECTED_INDEXES =
      "a list of { name: <index>, definition: <CREATE INDEX … as pg_get_indexdef prints it>, constraint: <name>,"
          + " primary: false }";
  static final String EXPECTED_SEQUENCE =
      "a mapping { name: <schema.sequence the column owns>, type: <its data type, e.g. integer> }";
  static final String EXPECTED_CONSTRAINTS =
      "a list of { name: <constraint>, table: <schema.table>, definition: <as pg_get_constraintdef prints it> }";
  static final String EXPECTED_DEPENDENTS = "a list of { kind: view | materialized view | rule | generated column"
      + " | exclusion constraint, name: <name> } (a view also with definition:, and checkOption:, securityBarrier:,"
      + " securityInvoker:, usedBy: where they apply)";
  static final String EXPECTED_NO_REFERENCES = "no foreign key of another table referencing the column: drop it before"
      + " expand and add it again (NOT VALID, then VALIDATE) over the new column after the indexes phase, or rename"
      + " the column instead";
  static final String EXPECTED_SQL = "SQL text with balanced quotes and comments";

  private final TypedValues values;
  private final Problems problems;

  ObjectsReader(TypedValues values) {
    this.values = values;
    this.problems = values.problems();
  }

  Optional<ColumnObjects> read(MappingFields spec, Optional<ColumnChange> change) {
    Optional<ColumnProperties> properties = spec.optional("column", ColumnProperties.NONE, this::properties);
    Optional<List<IndexSpec>> indexes = spec.optional("indexes", List.of(), node -> list(node, EXPECTED_INDEXES,
        this::index));
    Optional<List<ConstraintSpec>> constraints = spec.optional("constraints", List.of(),
        node -> list(node, EXPECTED_CONSTRAINTS, this::constraint));
    Optional<List<ConstraintSpec>> foreignKeys = spec.optional("foreignKeys", List.of(),
        node -> list(node, EXPECTED_CONSTRAINTS, this::constraint));
    Optional<List<ConstraintSpec>> referencedBy = spec.optional("referencedBy", List.of(),
        node -> list(node, EXPECTED_CONSTRAINTS, this::constraint));
    Optional<List<DependentSpec>> dependents = spec.optional("dependents", List.of(),
        node -> list(node, EXPECTED_DEPENDENTS, this::dependent));
    refuse(spec, "dependents", dependents.orElse(List.of()).size(), index -> {
      DependentSpec dependent = dependents.get().get(index);
      if (dependent.kind().equals("view")) {
        return null; // carried over at contract; ViewChecks refuses the ones it cannot move
      }
      return dependent.kind() + " " + dependent.name() + " uses the column, and colsync cannot carry a "
          + dependent.kind() + " over to the new column safely; drop it before expand and create it again over"
          + " the new column after contract";
    }, "no dependent objects (see the message for what to do)");
    Optional<List<TableName>> partitions = spec.optional("partitions", List.of(),
        node -> list(node, EXPECTED_PARTITIONS, this::partition));
    boolean partitioned = spec.node("partitions")
        .filter(node -> node instanceof YamlNode.Sequence sequence && !sequence.items().isEmpty()).isPresent();
    if (partitioned) {
      refuse(spec, "indexes", indexes.orElse(List.of()).size(), index -> {
        IndexSpec refused = indexes.get().get(index);
        return refused.constraint().isEmpty() ? null : "index " + refused.name() + " backs the UNIQUE constraint "
            + refused.constraint().get() + " of a partitioned table, and PostgreSQL cannot adopt an index as a"
            + " constraint of a partitioned table (it refuses ADD CONSTRAINT … USING INDEX there)";
      }, EXPECTED_PARTITIONED_UNIQUE);
    }
    if (!spec.node("rename").isPresent() && !change.map(ColumnChange::inPlace).orElse(false)) {
      refuse(spec, "referencedBy", referencedBy.orElse(List.of()).size(),
          index -> "foreign key " + referencedBy.get().get(index).name() + " of " + referencedBy.get().get(index).table()
              + " references the column; after a type change the referencing column would need the new type too,"
              + " which colsync does not do yet",
          EXPECTED_NO_REFERENCES);
    }
    Optional<List<TriggerSpec>> triggers = spec.optional("triggers", List.of(),
        node -> list(node, EXPECTED_TRIGGERS, this::trigger));
    if (!change.map(ColumnChange::inPlace).orElse(true)) {
      refuse(spec, "triggers", triggers.orElse(List.of()).size(), index -> "trigger "
          + triggers.get().get(index).name() + " uses the column, and colsync cannot rewrite a trigger or its"
          + " function for the new column",
          "no trigger that uses the column: make its function handle both columns and leave it out of the spec,"
              + " or drop it before contract and create it again over the new column");
    }
    Optional<List<String>> readers = spec.optional("readers", List.of(),
        node -> list(node, EXPECTED_READERS, this::reader));
    if (properties.isEmpty() || indexes.isEmpty() || constraints.isEmpty() || foreignKeys.isEmpty()
        || referencedBy.isEmpty() || dependents.isEmpty() || triggers.isEmpty() || partitions.isEmpty()
        || readers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ColumnObjects(properties.get(), indexes.get(), constraints.get(), foreignKeys.get(),
        referencedBy.get(), dependents.get(), triggers.get(), partitions.get(), readers.get()));
  }

  /**
   * Reports each item of list {@code key} as a refusal: the spec names something colsync will not do.
   * An item whose message is {@code null} is not refused.
   */
  private void refuse(MappingFields spec, String key, int count, IntFunction<String> message,
      String expected) {
    Optional<YamlNode> node = spec.node(key);
    if (node.isEmpty() || !(node.get() instanceof YamlNode.Sequence sequence)) {
      return;
    }
    for (int i = 0; i < count && i < sequence.items().size(); i++) {
      String refusal = message.apply(i);
      if (refusal != null) {
        problems.report(sequence.items().get(i), refusal, expected);
      }
    }
  }

  /** A function or procedure that reads the column, for the runbook: text only, never put into SQL. */
  private Optional<String> reader(YamlNode node) {
    Optional<String> text = values.string(node, EXPECTED_READERS);
    Optional<String> problem = text.flatMap(value -> EmbeddedText.nameProblem(value, "the reader"));
    problem.ifPresent(message -> problems.report(node, message, EXPECTED_READERS));
    return problem.isPresent() ? Optional.empty() : text;
  }

  private Optional<TableName> partition(YamlNode node) {
    return values.string(node, EXPECTED_PARTITIONS).flatMap(text -> {
      Optional<TableName> name = PartitionNames.parse(text);
      if (name.isEmpty()) {
        problems.report(node, "'" + text + "' is not a schema-qualified table name", EXPECTED_PARTITIONS);
      }
      return name;
    });
  }

  private Optional<ColumnProperties> properties(YamlNode node) {
    return fields(node, EXPECTED_COLUMN, COLUMN_KEYS, fields -> {
      Optional<Optional<String>> defaultExpression = fields.optional("default", Optional.empty(),
          n -> sql(n, EXPECTED_COLUMN).map(Optional::of));
      Optional<Optional<String>> collation = fields.optional("collation", Optional.empty(),
          n -> sql(n, EXPECTED_COLUMN).map(Optional::of));
      Optional<Optional<String>> comment = fields.optional("comment", Optional.empty(),
          n -> literal(n, EXPECTED_COLUMN).map(Optional::of));
      Optional<Optional<Integer>> statistics = fields.optional("statistics", Optional.empty(),
          n -> values.integer(n, 0, 10_000, "a statistics target from 0 to 10000").map(Optional::of));
      Optional<Optional<SequenceSpec>> sequence = fields.optional("sequence", Optional.empty(),
          n -> sequence(n).map(Optional::of));
      fields.node("identity").ifPresent(n -> problems.report(n, "the column is an identity column, and colsync"
          + " cannot move an identity to the new column yet", "no identity: turn it into a sequence default first"
          + " (ALTER TABLE … ALTER COLUMN … DROP IDENTITY; CREATE SEQUENCE …; SET DEFAULT nextval(…); ALTER SEQUENCE"
          + " … OWNED BY …), or keep the identity and change another column"));
      return defaultExpression.isPresent() && collation.isPresent() && comment.isPresent() && statistics.isPresent()
          && sequence.isPresent()
          ? Optional.of(new ColumnProperties(defaultExpression.get(), collation.get(), comment.get(), statistics.get(),
              sequence.get()))
          : Optional.empty();
    });
  }

  private Optional<TriggerSpec> trigger(YamlNode node) {
    return fields(node, EXPECTED_TRIGGERS, TRIGGER_KEYS, fields -> {
      Optional<String> name = fields.required("name", EXPECTED_TRIGGERS, n -> name(n, EXPECTED_TRIGGERS));
      Optional<String> definition = fields.required("definition", EXPECTED_TRIGGERS,
          n -> definition(n, EXPECTED_TRIGGERS, RecordedSql.TRIGGER));
      return name.isPresent() && definition.isPresent()
          ? Optional.of(new TriggerSpec(name.get(), definition.get()))
          : Optional.empty();
    });
  }

  private Optional<SequenceSpec> sequence(YamlNode node) {
    return fields(node, EXPECTED_SEQUENCE, SEQUENCE_KEYS, fields -> {
      Optional<String> name = fields.required("name", EXPECTED_SEQUENCE, n -> name(n, EXPECTED_SEQUENCE));
      Optional<String> type = fields.required("type", EXPECTED_SEQUENCE, n -> sql(n, EXPECTED_SEQUENCE));
      return name.isPresent() && type.isPresent()
          ? Optional.of(new SequenceSpec(name.get(), type.get()))
          : Optional.empty();
    });
  }

  private Optional<IndexSpec> index(YamlNode node) {
    return fields(node, EXPECTED_INDEXES, INDEX_KEYS, fields -> {
      Optional<String> name = fields.required("name", EXPECTED_INDEXES, n -> name(n, EXPECTED_INDEXES));
      Optional<String> definition = fields.required("definition", EXPECTED_INDEXES,
          n -> definition(n, EXPECTED_INDEXES, RecordedSql.INDEX));
      Optional<Optional<String>> constraint = fields.optional("constraint", Optional.empty(),
          n -> name(n, EXPECTED_INDEXES).map(Optional::of));
      Optional<Boolean> primary = fields.optional("primary", false, values::bool);
      return name.isPresent() && definition.isPresent() && constraint.isPresent() && primary.isPresent()
          ? Optional.of(new IndexSpec(name.get(), definition.get(), constraint.get(), primary.get()))
          : Optional.empty();
    });
  }

  private Optional<ConstraintSpec> constraint(YamlNode node) {
    return fields(node, EXPECTED_CONSTRAINTS, CONSTRAINT_KEYS, fields -> {
      Optional<String> name = fields.required("name", EXPECTED_CONSTRAINTS,
          n -> name(n, EXPECTED_CONSTRAINTS));
      Optional<String> table = fields.required("table", EXPECTED_CONSTRAINTS,
          n -> name(n, EXPECTED_CONSTRAINTS));
      Optional<String> definition = fields.required("definition", EXPECTED_CONSTRAINTS,
          n -> definition(n, EXPECTED_CONSTRAINTS, RecordedSql.CONSTRAINT));
      return name.isPresent() && table.isPresent() && definition.isPresent()
          ? Optional.of(new ConstraintSpec(name.get(), table.get(), definition.get()))
          : Optional.empty();
    });
  }

  private Optional<DependentSpec> dependent(YamlNode node) {
    return fields(node, EXPECTED_DEPENDENTS, DEPENDENT_KEYS, fields -> {
      Optional<String> kind = fields.required("kind", EXPECTED_DEPENDENTS, n -> values.string(n, EXPECTED_DEPENDENTS)
          .flatMap(text -> {
            if (DEPENDENT_KINDS.contains(text)) {
              return Optional.of(text);
            }
            problems.report(n, "'" + text + "' is not a kind of dependent object", EXPECTED_DEPENDENTS);
            return Optional.empty();
          }));
      Optional<String> name = fields.required("name", EXPECTED_DEPENDENTS, n -> name(n, EXPECTED_DEPENDENTS));
      Optional<Optional<ViewSpec>> view = new ViewReader(values).read(fields, kind, name);
      return kind.isPresent() && name.isPresent() && view.isPresent()
          ? Optional.of(new DependentSpec(kind.get(), name.get(), view.get()))
          : Optional.empty();
    });
  }

  /** An SQL expression or type (a default, a collation, a sequence's type): one fragment, as up and down are. */
  private Optional<String> sql(YamlNode node, String expected) {
    return values.string(node, expected).flatMap(text -> {
      Optional<String> problem = SqlFragmentCheck.problem(text);
      problem.ifPresent(message -> problems.report(node, message, EXPECTED_SQL));
      return problem.isPresent() ? Optional.empty() : Optional.of(text.strip());
    });
  }

  /** A recorded definition: exactly one of {@code kind}. */
  private Optional<String> definition(YamlNode node, String expected, RecordedSql kind) {
    return values.string(node, expected).flatMap(text -> {
      Optional<String> problem = kind.problem(text);
      problem.ifPresent(message -> problems.report(node, message, kind.expected() + " as the catalog prints it"));
      return problem.isPresent() ? Optional.empty() : Optional.of(text.strip());
    });
  }

  /** A name of a recorded object, which generated SQL quotes. */
  private Optional<String> name(YamlNode node, String expected) {
    return values.string(node, expected).flatMap(text -> {
      Optional<String> problem = EmbeddedText.nameProblem(text, "the name");
      problem.ifPresent(message -> problems.report(node, message, expected));
      return problem.isPresent() ? Optional.empty() : Optional.of(text);
    });
  }

  /** Text generated SQL writes as a string constant. */
  private Optional<String> literal(YamlNode node, String expected) {
    return values.string(node, expected).flatMap(text -> {
      Optional<String> problem = EmbeddedText.literalProblem(text);
      problem.ifPresent(message -> problems.report(node, message, expected));
      return problem.isPresent() ? Optional.empty() : Optional.of(text);
    });
  }

  private <T> Optional<List<T>> list(YamlNode node, String expected, Function<YamlNode, Optional<T>> item) {
    return values.sequence(node, expected).flatMap(sequence -> {
      List<T> items = new ArrayList<>();
      boolean valid = true;
      for (YamlNode entry : sequence.items()) {
        Optional<T> read = item.apply(entry);
        read.ifPresent(items::add);
        valid &= read.isPresent();
      }
      return valid ? Optional.of(items) : Optional.empty();
    });
  }

  private <T> Optional<T> fields(YamlNode node, String expected, List<String> keys,
      Function<MappingFields, Optional<T>> reader) {
    return values.mapping(node, expected).flatMap(mapping -> reader.apply(MappingFields.of(mapping, problems, keys)));
  }
}
