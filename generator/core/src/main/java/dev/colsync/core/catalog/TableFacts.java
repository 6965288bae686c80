package dev.colsync.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the live catalog says about one column and everything that depends on it: enough to write a
 * complete spec, so generation never needs a database.
 *
 * @param schema the table's schema
 * @param table the table's name
 * @param partitioned whether the table is partitioned (relkind {@code p})
 * @param primaryKey the primary key's columns in key order, with their types; empty when there is none
 * @param column the column itself
 * @param indexes every index that uses the column (key, expression, predicate or INCLUDE)
 * @param constraints every CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY and EXCLUDE constraint of the table that uses the column
 * @param incomingForeignKeys foreign keys of other tables that reference the column
 * @param dependents views, materialized views, rules and generated columns that depend on the column
 * @param otherTriggers the table's own triggers (colsync's excluded)
 * @param partitions the partitions of a partitioned table, qualified and quoted
 * @param readers the functions and procedures (not trigger functions) whose SQL or PL/pgSQL source names both the
 *     table and the column: they will fail once contract drops the column unless changed before
 * @param publications the publications that hold the table or a partition of it, each name quoted where it must be:
 *     their subscribers need the new column before expand
 */
public record TableFacts(
    String schema, String table, boolean partitioned, List<KeyColumn> primaryKey, ColumnFacts column,
    List<IndexFacts> indexes, List<ConstraintFacts> constraints, List<ConstraintFacts> incomingForeignKeys,
    List<Dependent> dependents, List<TriggerFacts> otherTriggers, List<String> partitions, List<String> readers,
    List<String> publications) {

  public TableFacts {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    primaryKey = List.copyOf(primaryKey);
    Objects.requireNonNull(column, "column");
    indexes = List.copyOf(indexes);
    constraints = List.copyOf(constraints);
    incomingForeignKeys = List.copyOf(incomingForeignKeys);
    dependents = List.copyOf(dependents);
    otherTriggers = List.copyOf(otherTriggers);
    partitions = List.copyOf(partitions);
    publications = List.copyOf(publications);
  }

  /** A key column and its SQL type. */
  public record KeyColumn(String name, String type) {}

  /**
   * The column.
   *
   * @param type {@code format_type} of the column, e.g. {@code numeric(12,2)}
   * @param defaultExpression the default, as {@code pg_get_expr} prints it
   * @param identity {@code always} or {@code by default} for an identity column
   * @param generated whether it is a generated column
   * @param collation a collation other than its type's default, quoted
   * @param statisticsTarget a statistics target other than the default
   * @param ownedSequence the sequence the column owns ({@code serial}, {@code OWNED BY}), not an identity's
   */
  public record ColumnFacts(
      String name, String type, boolean notNull, Optional<String> defaultExpression, Optional<String> identity,
      boolean generated, Optional<String> collation, Optional<String> comment, Optional<Integer> statisticsTarget,
      Optional<SequenceFacts> ownedSequence) {}

  /**
   * A sequence.
   *
   * @param name qualified, quoted where needed, as {@code regclass} prints it
   * @param type its data type, e.g. {@code integer}
   */
  public record SequenceFacts(String name, String type) {}

  /**
   * An index that uses the column.
   *
   * @param definition {@code pg_get_indexdef}
   * @param constraint the constraint the index belongs to (primary key, unique, exclusion), if any
   * @param exclusion whether that constraint is an exclusion constraint (carried by no index copy)
   */
  public record IndexFacts(
      String name, String definition, boolean unique, boolean primary, boolean valid, Optional<String> constraint,
      boolean exclusion) {}

  /**
   * A constraint that uses the column.
   *
   * @param type {@code c} check, {@code u} unique, {@code p} primary key, {@code f} foreign key, {@code x} exclusion
   * @param table for an incoming foreign key, the referencing table (qualified, quoted); otherwise this table
   * @param definition {@code pg_get_constraintdef}
   */
  public record ConstraintFacts(
      String name, char type, String table, String definition, boolean validated, boolean deferrable,
      boolean initiallyDeferred) {}

  /**
   * A trigger of the table.
   *
   * @param definition {@code pg_get_triggerdef}
   * @param usesColumn whether it names the column: in {@code UPDATE OF} or {@code WHEN} (bound to the
   *     column itself), or in the body of its PL/pgSQL or SQL function (bound to the name)
   * @param firesOnEveryUpdate a row trigger on UPDATE without a column list: it fires for every row the
   *     backfill writes
   */
  public record TriggerFacts(String name, String definition, boolean usesColumn, boolean firesOnEveryUpdate) {}

  /**
   * An object that depends on the column.
   *
   * @param kind {@code view}, {@code materialized view}, {@code rule} or {@code generated column}
   * @param name the object's qualified, quoted name (a generated column: its quoted name)
   * @param view what a plain view records beyond its name
   */
  public record Dependent(String kind, String name, Optional<ViewFacts> view) {
    public Dependent {
      Objects.requireNonNull(view, "view");
    }

    public Dependent(String kind, String name) {
      this(kind, name, Optional.empty());
    }
  }

  /**
   * A plain view that depends on the column.
   *
   * @param definition {@code pg_get_viewdef(oid, true)}, every name outside pg_catalog qualified
   * @param checkOption {@code local} or {@code cascaded} for a view WITH CHECK OPTION
   * @param securityBarrier its {@code security_barrier} option
   * @param securityInvoker its {@code security_invoker} option (PostgreSQL 15+)
   * @param usedBy the views and materialized views that read it, qualified and quoted
   */
  public record ViewFacts(
      String definition, Optional<String> checkOption, boolean securityBarrier, boolean securityInvoker,
      List<String> usedBy) {
    public ViewFacts {
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(checkOption, "checkOption");
      usedBy = List.copyOf(usedBy);
    }
  }
}
