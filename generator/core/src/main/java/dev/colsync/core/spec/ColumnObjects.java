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
 * @param partitions the partitions of a partitioned table, each of which gets its own copy of every index
 */
public record ColumnObjects(
    ColumnProperties properties, List<IndexSpec> indexes, List<ConstraintSpec> constraints,
    List<ConstraintSpec> foreignKeys, List<ConstraintSpec> referencedBy, List<DependentSpec> dependents,
    List<TableName> partitions) {

  public static final ColumnObjects NONE = new ColumnObjects(
      ColumnProperties.NONE, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public ColumnObjects {
    Objects.requireNonNull(properties, "properties");
    indexes = List.copyOf(indexes);
    constraints = List.copyOf(constraints);
    foreignKeys = List.copyOf(foreignKeys);
    referencedBy = List.copyOf(referencedBy);
    dependents = List.copyOf(dependents);
    partitions = List.copyOf(partitions);
  }

  /**
   * Properties of the old column.
   *
   * @param defaultExpression its default, an SQL expression
   * @param collation a collation other than its type's, as SQL ({@code "C"})
   * @param comment its comment
   * @param statistics its statistics target
   */
  public record ColumnProperties(
      Optional<String> defaultExpression, Optional<String> collation, Optional<String> comment,
      Optional<Integer> statistics) {
    public static final ColumnProperties NONE =
        new ColumnProperties(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * An index that uses the old column.
   *
   * @param name its name
   * @param definition its {@code CREATE INDEX} statement as {@code pg_get_indexdef} prints it
   * @param constraint the UNIQUE constraint it backs, if any
   */
  public record IndexSpec(String name, String definition, Optional<String> constraint) {}

  /**
   * A constraint that uses the old column.
   *
   * @param name its name
   * @param table the table it is defined on ({@code schema.name}, as the catalog prints it)
   * @param definition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK ((amount > 0))}
   */
  public record ConstraintSpec(String name, String table, String definition) {}

  /**
   * An object that depends on the old column and that colsync cannot carry over.
   *
   * @param kind {@code view}, {@code materialized view}, {@code rule} or {@code generated column}
   * @param name its name
   */
  public record DependentSpec(String kind, String name) {}
}
