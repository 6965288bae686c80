package dev.colsync.core.execution;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;

import dev.colsync.core.plan.InPlaceColumns;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.render.CarriedObjects;
import dev.colsync.core.render.CarriedObjects.ConstraintCopy;
import dev.colsync.core.render.Models.NotNullSql;
import dev.colsync.core.render.Models.PreflightSql;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.spec.MigrationSpec;
import java.util.List;
import java.util.Optional;

/**
 * How the executor recognises, from the catalog, a step another runner (psql, Flyway, Liquibase) applied:
 * expand by the new column with this migration's sync objects, the backfill's preparation by its
 * checkpoint table and procedure, the backfill by its checkpoint marked done, an index copy by a valid
 * index of its name, a constraint copy by a constraint of its name (validated, for the validate step),
 * the new column's NOT NULL by the column's NOT NULL or the check standing in for it, another table's key
 * copy by its constraint there, an in-place cut-over by the swapped names. On a partitioned table an index
 * copy is recognised by its parent index: created, then valid once every partition's index is attached.
 */
final class AppliedProbes {
  private final MigrationSpec first;
  private final Plan plan;
  private final Optional<InPlaceColumns> inPlace;
  private final SqlFragments fragments;
  private final String regclass;
  private final CarriedObjects objects;
  private final boolean partitioned;

  AppliedProbes(Plan plan, Optional<InPlaceColumns> inPlace) {
    this.plan = plan;
    this.inPlace = inPlace;
    this.first = inPlace.map(InPlaceColumns::before).orElse(plan.spec());
    this.fragments = new SqlFragments(first, plan.names());
    this.regclass = fragments.table().regclass();
    this.objects = inPlace.map(columns -> new CarriedObjects(columns.before(), columns.column()))
        .orElseGet(() -> new CarriedObjects(first));
    this.partitioned = !first.objects().partitions().isEmpty();
  }

  /** A query of one boolean, true when {@code step} of {@code phase} is in the database. */
  Optional<String> of(Phase phase, String step) {
    String schema = first.table().schema();
    String state = qualified(schema, plan.names().backfillState());
    if (phase == Phase.EXPAND) {
      PreflightSql preflight = fragments.preflight(inPlace);
      return Optional.of("SELECT (" + preflight.newExists() + ") AND (" + preflight.ours() + ")");
    }
    if (phase == Phase.BACKFILL && step.equals(ExecutionPlans.BACKFILL_RUN)) {
      return Optional.of("SELECT EXISTS (SELECT FROM " + state + " WHERE direction OPERATOR(pg_catalog.=) 'up'"
          + " AND done)");
    }
    if (phase == Phase.BACKFILL) {
      return Optional.of("SELECT pg_catalog.to_regclass(" + literal(state) + ") IS NOT NULL"
          + " AND pg_catalog.to_regprocedure(" + literal(qualified(schema, plan.names().backfillProcedure())
          + "(text, integer, interval, boolean)") + ") IS NOT NULL");
    }
    if (phase == Phase.INDEXES && !partitioned) {
      List<CarriedObjects.IndexCopy> indexes = objects.indexes();
      return numbered(step, "build-index-").filter(n -> n <= indexes.size()).map(n -> indexes.get(n - 1))
          .map(index -> "SELECT EXISTS (SELECT FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c"
              + " ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) " + regclass
              + " AND c.relname OPERATOR(pg_catalog.=) " + index.copyLiteral() + " AND i.indisvalid)")
          .or(() -> numbered(step, "adopt-index-").filter(n -> n <= indexes.size()).map(n -> indexes.get(n - 1))
              .map(index -> constraintExists(regclass, index.copyLiteral(), false)));
    }
    if (phase == Phase.INDEXES) {
      // A partitioned table's copy N: its parent index created ON ONLY the table, and attached once PostgreSQL
      // marks that index valid (every partition's index is attached). An attached copy implies the partitions'
      // builds before it; a partition's build alone is not recognised, and the executor builds it again (a
      // valid index of its name is kept).
      List<CarriedObjects.IndexCopy> indexes = objects.indexes();
      return numbered(step.endsWith("-parent") ? step.substring(0, step.length() - "-parent".length()) : "",
          "build-index-").filter(n -> n <= indexes.size())
          .map(n -> parentIndexExists(indexes.get(n - 1), false))
          .or(() -> numbered(step, "attach-index-").filter(n -> n <= indexes.size())
              .map(n -> parentIndexExists(indexes.get(n - 1), true)));
    }
    if (phase == Phase.VALIDATE) {
      NotNullSql notNull = fragments.newNotNull();
      String columnNotNull = "(SELECT a.attnotnull " + SqlFragments.attributeOf(regclass, first.change().to().name())
          + ")";
      String check = "FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) " + regclass
          + " AND k.conname OPERATOR(pg_catalog.=) " + notNull.constraintLiteral();
      switch (step) {
        case "add-new-not-null":
          return Optional.of("SELECT " + columnNotNull + " OR EXISTS (SELECT " + check + ")");
        case "validate-new-not-null":
          return Optional.of("SELECT " + columnNotNull + " OR EXISTS (SELECT " + check + " AND k.convalidated)");
        case "set-new-not-null":
          return Optional.of("SELECT " + columnNotNull + " AND NOT EXISTS (SELECT " + check + ")");
        default:
          break;
      }
      List<ConstraintCopy> copies = objects.constraints();
      List<CarriedObjects.ReferencingKey> keys = objects.referencing();
      return numbered(step, "add-constraint-").filter(n -> n <= copies.size())
          .map(n -> constraintExists(regclass, copies.get(n - 1).copyLiteral(), false))
          .or(() -> numbered(step, "validate-constraint-").filter(n -> n <= copies.size())
              .map(n -> constraintExists(regclass, copies.get(n - 1).copyLiteral(), true)))
          .or(() -> numbered(step, "add-referencing-key-").filter(n -> n <= keys.size())
              .map(n -> constraintExists(keys.get(n - 1).table().regclass(), keys.get(n - 1).key().copyLiteral(), false)))
          .or(() -> numbered(step, "validate-referencing-key-").filter(n -> n <= keys.size())
              .map(n -> constraintExists(keys.get(n - 1).table().regclass(), keys.get(n - 1).key().copyLiteral(), true)));
    }
    if (phase == Phase.CUTOVER && step.equals("swap-columns") && inPlace.isPresent()) {
      // Swapped: the old values are under the temporary name, and the new column has the name.
      return Optional.of("SELECT " + SqlFragments.columnExists(regclass, inPlace.get().oldTemporary())
          + " AND NOT " + SqlFragments.columnExists(regclass, inPlace.get().newTemporary()));
    }
    return Optional.empty();
  }

  private String parentIndexExists(CarriedObjects.IndexCopy index, boolean valid) {
    return "SELECT EXISTS (SELECT FROM pg_catalog.pg_index AS i JOIN pg_catalog.pg_class AS c"
        + " ON c.oid OPERATOR(pg_catalog.=) i.indexrelid WHERE i.indrelid OPERATOR(pg_catalog.=) " + regclass
        + " AND c.relname OPERATOR(pg_catalog.=) " + index.copyLiteral() + (valid ? " AND i.indisvalid" : "") + ")";
  }

  private static String constraintExists(String table, String nameLiteral, boolean validated) {
    return "SELECT EXISTS (SELECT FROM pg_catalog.pg_constraint AS k WHERE k.conrelid OPERATOR(pg_catalog.=) "
        + table + " AND k.conname OPERATOR(pg_catalog.=) " + nameLiteral + (validated ? " AND k.convalidated" : "")
        + ")";
  }

  /** N of a step named {@code <prefix>N}. */
  private static Optional<Integer> numbered(String step, String prefix) {
    if (!step.startsWith(prefix) || !step.substring(prefix.length()).matches("[0-9]+")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(step.substring(prefix.length())));
  }
}
