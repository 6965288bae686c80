package dev.colsync.core.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What else the old column carries, as the live catalog showed it (written by {@code colsync
 * scaffold}, or by hand): column properties, indexes, constraints and dependents. Generation carries
 * each over to the new column, or refuses the spec naming the object.
 *
 * @param properties the old column's default, collation, comment and statistics target
 * @param indexes indexes that use the old column, as {@code pg_get_indexdef} prints them
 * @param constraints CHECK and UNIQUE constraints of the table that use the old column
 * @param foreignKeys foreign keys of the table that use the old column
 * @param referencedBy foreign keys of other tables that reference the old column
 * @param dependents views, materialized views, rules and generated columns that use the old column
 * @param triggers the table's triggers that use the old column
 * @param partitions the partitions of a partitioned table, each of which gets its own copy of every index
 */
public record ColumnObjects(
    ColumnProperties properties, List<IndexSpec> indexes, List<ConstraintSpec> constraints,
    List<ConstraintSpec> foreignKeys, List<ConstraintSpec> referencedBy, List<DependentSpec> dependents,
    List<TriggerSpec> triggers, List<TableName> partitions, List<String> readers) {

  public static final ColumnObjects NONE = new ColumnObjects(
      ColumnProperties.NONE, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public ColumnObjects {
    Objects.requireNonNull(properties, "properties");
    indexes = List.copyOf(indexes);
    constraints = List.copyOf(constraints);
    foreignKeys = List.copyOf(foreignKeys);
    referencedBy = List.copyOf(referencedBy);
    dependents = List.copyOf(dependents);
    triggers = List.copyOf(triggers);
    partitions = List.copyOf(partitions);
    readers = List.copyOf(readers);
  }

  /**
   * A trigger of the table that uses the old column: in its {@code UPDATE OF} list or {@code WHEN}
   * condition, or in its function's body.
   *
   * @param definition its {@code CREATE TRIGGER} statement as {@code pg_get_triggerdef} prints it
   */
  public record TriggerSpec(String name, String definition) {}

  /**
   * Properties of the old column.
   *
   * @param defaultExpression its default, an SQL expression
   * @param collation a collation other than its type's, as SQL ({@code "C"})
   * @param comment its comment
   * @param statistics its statistics target
   * @param sequence the sequence the column owns ({@code serial}), which moves with an in-place type change
   */
  public record ColumnProperties(
      Optional<String> defaultExpression, Optional<String> collation, Optional<String> comment,
      Optional<Integer> statistics, Optional<SequenceSpec> sequence) {
    public static final ColumnProperties NONE = new ColumnProperties(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A sequence owned by the column.
   *
   * @param name its qualified name as the catalog prints it ({@code public.items_id_seq})
   * @param type its data type ({@code integer})
   */
  public record SequenceSpec(String name, String type) {}

  /**
   * An index that uses the old column.
   *
   * @param name its name
   * @param definition its {@code CREATE INDEX} statement as {@code pg_get_indexdef} prints it
   * @param constraint the UNIQUE or PRIMARY KEY constraint it backs, if any
   * @param primary whether it is the primary key's index (recorded for an in-place type change only)
   */
  public record IndexSpec(String name, String definition, Optional<String> constraint, boolean primary) {
    public IndexSpec(String name, String definition, Optional<String> constraint) {
      this(name, definition, constraint, false);
    }
  }

  /**
   * A constraint that uses the old column.
   *
   * @param name its name
   * @param table the table it is defined on ({@code schema.name}, as the catalog prints it)
   * @param definition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK ((amount > 0))}
   */
  public record ConstraintSpec(String name, String table, String definition) {}

  /** The plain views among the dependents, which contract creates again over the new column. */
  public List<ViewSpec> views() {
    return dependents.stream().flatMap(dependent -> dependent.view().stream()).toList();
  }

  /**
   * An object that depends on the old column. colsync carries a plain view over (recorded with its
   * definition) and refuses every other kind.
   *
   * @param kind {@code view}, {@code materialized view}, {@code rule} or {@code generated column}
   * @param name its name
   * @param view a plain view's definition and options
   */
  public record DependentSpec(String kind, String name, Optional<ViewSpec> view) {
    public DependentSpec {
      Objects.requireNonNull(view, "view");
    }

    public DependentSpec(String kind, String name) {
      this(kind, name, Optional.empty());
    }
  }
}
