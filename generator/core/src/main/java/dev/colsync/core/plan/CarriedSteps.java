package dev.colsync.core.plan;

import static dev.colsync.core.plan.Steps.ACCESS_EXCLUSIVE;
import static dev.colsync.core.plan.Steps.SHARE_UPDATE_EXCLUSIVE;
import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.render.CarriedObjects;
import dev.colsync.core.render.CarriedObjects.ConstraintCopy;
import dev.colsync.core.render.CarriedObjects.IndexCopy;
import dev.colsync.core.render.CarriedObjects.ReferencingKey;
import dev.colsync.core.render.Models.ConstraintModel;
import dev.colsync.core.render.Models.ContractExtras;
import dev.colsync.core.render.Models.GateSql;
import dev.colsync.core.render.Models.GatedKeyDropModel;
import dev.colsync.core.render.Models.IndexBuildModel;
import dev.colsync.core.render.Models.PrimaryKeyMoveModel;
import dev.colsync.core.render.Models.TableSql;
import dev.colsync.core.render.ViewCopies;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.Rename;
import dev.colsync.runtime.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that carry the old column's indexes and constraints over to the new column (and, for
 * the rollback of contract, back to the old one).
 */
final class CarriedSteps {
  private final Steps steps;
  private final MigrationSpec spec;
  private final CarriedObjects carried;
  private final TableSql table;
  private final String quote;
  private final String migration;
  private final String schema;
  private final boolean afterCutover;
  private final PartitionIndexSteps partitioned;

  /**
   * @param afterCutover whether these are the steps after an in-place type change's cut-over, which
   *     already moved the primary key, the default and other tables' foreign keys to the new column
   */
  CarriedSteps(Steps steps, MigrationSpec spec, CarriedObjects carried, TableSql table, String quote,
      boolean afterCutover) {
    this.steps = steps;
    this.spec = spec;
    this.carried = carried;
    this.table = table;
    this.quote = quote;
    this.migration = spec.migration();
    this.schema = spec.table().schema();
    this.afterCutover = afterCutover;
    this.partitioned = new PartitionIndexSteps(steps, spec, carried.indexes(), table, quote);
  }

  boolean hasIndexes() {
    return !carried.indexes().isEmpty();
  }

  boolean hasConstraints() {
    return !carried.constraints().isEmpty() || !carried.referencing().isEmpty();
  }

  /** Each index copy built concurrently, and promoted to its UNIQUE constraint where the original backs one. */
  List<Step> buildCopies(Phase phase) {
    if (partitioned.applies()) {
      return partitioned.buildCopies(phase);
    }
    List<Step> built = new ArrayList<>();
    int n = 0;
    for (IndexCopy index : carried.indexes()) {
      n++;
      built.add(build(phase, "build-index-" + n, "new", index.copy(), index.copyLiteral(), index.invalid(),
          index.createCopy()));
      if (index.backsConstraint()) {
        built.add(adoptIndex(phase, "adopt-index-" + n, index.copy(), index.copyLiteral(), index.copy()));
      }
    }
    return built;
  }

  /** Drops what {@link #buildCopies} made: constraints (which drop their index) and indexes. */
  List<Step> dropCopies(Phase phase) {
    if (partitioned.applies()) {
      return partitioned.dropCopies(phase);
    }
    List<Step> dropped = new ArrayList<>();
    int n = 0;
    for (IndexCopy index : carried.indexes()) {
      n++;
      if (index.backsConstraint()) {
        dropped.add(dropConstraint(phase, "drop-constraint-of-index-" + n, index.copy(), index.copyLiteral()));
      }
      IndexBuildModel model = indexModel("sql/index-drop.sql.ftl", phase, "new", index.copy(), index.copyLiteral(),
          index.invalid(), "");
      dropped.add(steps.nonTransactional(phase, "drop-index-" + n, SHARE_UPDATE_EXCLUSIVE,
          "drop the copy of an index on the new column", model,
          "DROP INDEX IF EXISTS " + qualified(schema, unquote(index.copy())) + ";\n"));
    }
    return dropped;
  }

  /** Each constraint copy added NOT VALID, then validated in its own transaction. */
  List<Step> addCopies(Phase phase) {
    List<Step> added = new ArrayList<>();
    int n = 0;
    for (ConstraintCopy constraint : carried.constraints()) {
      n++;
      added.addAll(addAndValidate(phase, n, constraint.copy(), constraint.copyLiteral(),
          constraint.copyDefinition()));
    }
    return added;
  }

  List<Step> dropConstraintCopies(Phase phase) {
    List<Step> dropped = new ArrayList<>();
    int n = 0;
    for (ConstraintCopy constraint : carried.constraints()) {
      n++;
      dropped.add(dropConstraint(phase, "drop-constraint-" + n, constraint.copy(), constraint.copyLiteral()));
    }
    return dropped;
  }

  /** The rollback of contract: the old column's original indexes and constraints, rebuilt. */
  List<Step> rebuildOriginals(Phase phase) {
    List<Step> rebuilt = new ArrayList<>(partitioned.rebuildOriginals(phase));
    int n = 0;
    for (IndexCopy index : partitioned.applies() ? List.<IndexCopy>of() : carried.indexes()) {
      n++;
      if (index.primary() && !renamesKey()) {
        continue; // an in-place change's cut-over (and its rollback) moves it
      }
      rebuilt.add(build(phase, "build-old-index-" + n, "old", index.original(), index.originalLiteral(),
          index.originalInvalid(), index.createOriginal()));
      if (index.primary()) {
        continue; // becomes the key in moveKeyBack, once other tables' keys reference the old column again
      }
      if (index.backsConstraint()) {
        rebuilt.add(adoptIndex(phase, "adopt-old-index-" + n, index.constraint(),
            literal(unquote(index.constraint())), index.original()));
      }
    }
    n = 0;
    for (ConstraintCopy constraint : carried.constraints()) {
      n++;
      rebuilt.addAll(addAndValidate(phase, n, constraint.original(), constraint.originalLiteral(),
          constraint.originalDefinition()));
    }
    return rebuilt;
  }

  /**
   * What contract does around dropping the old column: views that read it move to the new column
   * before the table is locked; copies take their original names and the default moves after.
   */
  ContractExtras contract() {
    List<String> afterDrop = new ArrayList<>();
    for (IndexCopy index : carried.indexes()) {
      if (index.primary()) {
        if (renamesKey()) {
          afterDrop.add(keyOnCopy(index));
        }
        continue;
      }
      afterDrop.add(index.backsConstraint()
          ? renameConstraint(index.copy(), index.copyLiteral(), index.constraint())
          : "ALTER INDEX IF EXISTS " + qualified(schema, unquote(index.copy())) + " RENAME TO " + index.original() + ";");
    }
    afterDrop.addAll(partitioned.contractRenames());
    for (ConstraintCopy constraint : carried.constraints()) {
      afterDrop.add(renameConstraint(constraint.copy(), constraint.copyLiteral(), constraint.original()));
    }
    // After an in-place cut-over the new column has the default already.
    carried.newDefault().filter(expression -> !afterCutover).ifPresent(expression -> afterDrop.add("ALTER TABLE "
        + table.qualified() + " ALTER COLUMN " + quote(spec.change().to().name()) + " SET DEFAULT " + expression
        + ";"));
    ViewCopies views = new ViewCopies(spec, table);
    return new ContractExtras(List.of(), afterDrop, views.overNewColumn());
  }

  /** What the rollback of contract does once the old column is back: the reverse renames and defaults. */
  ContractExtras restore() {
    List<String> statements = new ArrayList<>();
    for (IndexCopy index : carried.indexes()) {
      if (index.primary()) {
        if (renamesKey()) {
          statements.add(keyIndexToCopyName(index));
        }
        continue;
      }
      statements.add(index.backsConstraint()
          ? renameConstraint(index.constraint(), literal(unquote(index.constraint())), index.copy())
          : "ALTER INDEX IF EXISTS " + qualified(schema, unquote(index.original())) + " RENAME TO " + index.copy() + ";");
    }
    statements.addAll(partitioned.restoreRenames());
    for (ConstraintCopy constraint : carried.constraints()) {
      statements.add(renameConstraint(constraint.original(), constraint.originalLiteral(), constraint.copy()));
    }
    if (!afterCutover) {
      if (carried.newDefault().isPresent()) {
        statements.add("ALTER TABLE " + table.qualified() + " ALTER COLUMN " + quote(spec.change().to().name())
            + " DROP DEFAULT;");
      }
      carried.oldDefault().ifPresent(expression -> statements.add("ALTER TABLE " + table.qualified()
          + " ALTER COLUMN " + quote(spec.change().from().name()) + " SET DEFAULT " + expression + ";"));
    }
    statements.addAll(carried.propertyStatements(spec.change().from().name()));
    return new ContractExtras(List.of(), statements);
  }

  /** Whether this is a rename of a primary-key column, whose key contract moves onto the new column. */
  private boolean renamesKey() {
    return !afterCutover && spec.change() instanceof Rename && !spec.change().inPlace();
  }

  /**
   * A renamed key column's key, at contract: the old column went and took its key along; the copy of the
   * key's index over the new column becomes the key, under the key's name.
   */
  private String keyOnCopy(IndexCopy index) {
    return "DO " + quote + "\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = "
        + table.regclass() + " AND contype = 'p') THEN\n    ALTER TABLE " + table.qualified() + " ADD CONSTRAINT "
        + index.primaryConstraint() + " PRIMARY KEY USING INDEX " + index.copy() + ";\n  END IF;\nEND\n" + quote + ";";
  }

  /**
   * The rollback of contract, as the old column comes back: the key (over the new column) takes the
   * copy's name again, so that the old column's index can be rebuilt under the key's name.
   */
  private String keyIndexToCopyName(IndexCopy index) {
    return "DO " + quote + "\nBEGIN\n  IF EXISTS (SELECT FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c"
        + " ON c.oid = i.indexrelid\n             WHERE i.indrelid = " + table.regclass() + " AND i.indisprimary AND c.relname = "
        + literal(unquote(index.primaryConstraint())) + "\n             AND (SELECT a.attnum FROM pg_catalog.pg_attribute a"
        + " WHERE a.attrelid = " + table.regclass() + " AND a.attname = " + literal(spec.change().to().name())
        + ") = ANY (i.indkey)) THEN\n    ALTER INDEX " + qualified(schema, unquote(index.primaryConstraint()))
        + " RENAME TO " + index.copy() + ";\n  END IF;\nEND\n" + quote + ";";
  }

  /**
   * The rollback of contract, last, for a renamed key column: other tables' copies of their foreign keys
   * (which reference the key over the new column) go, the key moves back onto the old column's rebuilt
   * index, and the copy of the key's index and those foreign keys are made again, as validate left them.
   */
  List<Step> moveKeyBack(Phase phase) {
    if (!renamesKey()) {
      return List.of();
    }
    List<Step> moved = new ArrayList<>();
    int n = 0;
    for (IndexCopy index : carried.indexes()) {
      n++;
      if (!index.primary()) {
        continue;
      }
      moved.addAll(dropReferencingCopies(phase));
      PrimaryKeyMoveModel model = new PrimaryKeyMoveModel("sql/primary-key-move.sql.ftl", migration, table,
          index.copy(), index.copyLiteral(), index.primaryConstraint(), index.original(), quote);
      moved.add(steps.transactional(phase, "move-key-back-" + n, ACCESS_EXCLUSIVE,
          "make the old column's rebuilt index the primary key again", model));
      moved.add(build(phase, "build-index-" + n, "new", index.copy(), index.copyLiteral(), index.invalid(),
          index.createCopy()));
      moved.addAll(addReferencingCopies(phase));
    }
    return moved;
  }

  Step build(Phase phase, String name, String role, String index, String indexLiteral, String invalid,
      String create) {
    IndexBuildModel model = indexModel("sql/index-build.sql.ftl", phase, role, index, indexLiteral, invalid, create);
    return steps.nonTransactional(phase, name, SHARE_UPDATE_EXCLUSIVE,
        "build an index on the " + role + " column concurrently", model,
        create.replace(" CONCURRENTLY", "") + ";\n");
  }

  private Step adoptIndex(Phase phase, String name, String constraint, String constraintLiteral, String index) {
    ConstraintModel model = new ConstraintModel("sql/constraint-add.sql.ftl", migration, phaseName(phase), table,
        commentSafe(constraint), constraint, constraintLiteral, "UNIQUE USING INDEX " + index, true, quote);
    return steps.transactional(phase, name, ACCESS_EXCLUSIVE, "make the new unique index a UNIQUE constraint", model);
  }

  private List<Step> addAndValidate(Phase phase, int n, String constraint, String literalName, String definition) {
    return addAndValidate(phase, "constraint-" + n, table, constraint, literalName, definition);
  }

  List<Step> addAndValidate(Phase phase, String suffix, TableSql on, String constraint, String literalName,
      String definition) {
    ConstraintModel add = new ConstraintModel("sql/constraint-add.sql.ftl", migration, phaseName(phase), on,
        commentSafe(constraint), constraint, literalName, definition, false, quote,
        locksFirst(on, "SHARE ROW EXCLUSIVE"));
    ConstraintModel validate = new ConstraintModel("sql/constraint-validate.sql.ftl", migration, phaseName(phase),
        on, commentSafe(constraint), constraint, literalName, definition, false, quote);
    return List.of(
        steps.transactional(phase, "add-" + suffix, ACCESS_EXCLUSIVE, "add a constraint as NOT VALID", add),
        steps.transactional(phase, "validate-" + suffix, SHARE_UPDATE_EXCLUSIVE, "validate the constraint",
            validate));
  }

  /** Validates a constraint that an earlier script of the sequence added NOT VALID. */
  Step validate(Phase phase, String name, TableSql on, String constraint, String literalName) {
    ConstraintModel validate = new ConstraintModel("sql/constraint-validate.sql.ftl", migration, phaseName(phase),
        on, commentSafe(constraint), constraint, literalName, "", false, quote);
    return steps.transactional(phase, name, SHARE_UPDATE_EXCLUSIVE, "validate the constraint", validate);
  }

  private Step dropConstraint(Phase phase, String name, String constraint, String constraintLiteral) {
    return dropConstraint(phase, name, table, constraint, constraintLiteral);
  }

  private Step dropConstraint(Phase phase, String name, TableSql on, String constraint, String constraintLiteral) {
    ConstraintModel model = new ConstraintModel("sql/constraint-drop.sql.ftl", migration, phaseName(phase), on,
        commentSafe(constraint), constraint, constraintLiteral, "", false, quote, locksFirst(on, "ACCESS EXCLUSIVE"));
    return steps.transactional(phase, name, ACCESS_EXCLUSIVE, "drop a constraint", model);
  }

  /**
   * Adding or dropping another table's foreign key locks both tables. Writers take them either way round
   * (an insert there checks a key here; a delete here cascades there), so the script takes this table's
   * lock first and the other's only if it is free at once: it never waits while holding one, and a
   * writer is never the victim of a deadlock with it. A script that finds the lock taken fails with
   * lock_not_available, having changed nothing, and is retried.
   */
  private List<String> locksFirst(TableSql on, String mode) {
    if (on.qualified().equals(table.qualified())) {
      return List.of();
    }
    return List.of("LOCK TABLE " + table.qualified() + " IN " + mode + " MODE;",
        "LOCK TABLE " + on.qualified() + " IN " + mode + " MODE NOWAIT;");
  }

  private Step renameConstraintStep(Phase phase, String name, TableSql on, String from, String fromLiteral,
      String to) {
    ConstraintModel model = new ConstraintModel("sql/constraint-rename.sql.ftl", migration, phaseName(phase), on,
        commentSafe(from), from, fromLiteral, to, false, quote);
    return steps.transactional(phase, name, ACCESS_EXCLUSIVE, "rename a constraint", model);
  }

  TableSql other(ReferencingKey key) {
    return new TableSql(key.table().qualified(), key.table().regclass(), table.searchPath(), table.searchPathLiteral(),
        table.lockTimeout(), table.statementTimeout());
  }

  /** Copies of other tables' foreign keys that reference the new column, added NOT VALID and validated. */
  List<Step> addReferencingCopies(Phase phase) {
    List<Step> added = new ArrayList<>();
    int n = 0;
    for (ReferencingKey key : carried.referencing()) {
      n++;
      added.addAll(addAndValidate(phase, "referencing-key-" + n, other(key), key.key().copy(),
          key.key().copyLiteral(), key.key().copyDefinition()));
    }
    return added;
  }

  List<Step> dropReferencingCopies(Phase phase) {
    List<Step> dropped = new ArrayList<>();
    int n = 0;
    for (ReferencingKey key : carried.referencing()) {
      n++;
      dropped.add(dropConstraint(phase, "drop-referencing-key-" + n, other(key), key.key().copy(),
          key.key().copyLiteral()));
    }
    return dropped;
  }

  /** Contract, before the old column goes: each other table's original foreign key, in its own transaction. */
  List<Step> dropReferencingOriginals(Phase phase, GateSql gate) {
    if (afterCutover) {
      return List.of();
    }
    List<Step> dropped = new ArrayList<>();
    int n = 0;
    for (ReferencingKey key : carried.referencing()) {
      n++;
      GatedKeyDropModel model = new GatedKeyDropModel("sql/contract-drop-referencing-key.sql.ftl", migration, table,
          other(key), commentSafe(key.key().original()), key.key().original(), key.key().originalLiteral(),
          literal(spec.change().from().name()), gate, quote);
      dropped.add(steps.transactional(phase, "drop-old-referencing-key-" + n, ACCESS_EXCLUSIVE,
          "drop another table's foreign key on the old column, gated as the column's drop", model));
    }
    return dropped;
  }

  /** Contract, after the old column went: each copy takes its original name. */
  List<Step> renameReferencingCopies(Phase phase) {
    if (afterCutover) {
      return List.of();
    }
    List<Step> renamed = new ArrayList<>();
    int n = 0;
    for (ReferencingKey key : carried.referencing()) {
      n++;
      renamed.add(renameConstraintStep(phase, "rename-referencing-key-" + n, other(key), key.key().copy(),
          key.key().copyLiteral(), key.key().original()));
    }
    return renamed;
  }

  /** The rollback of contract: each copy back to its copy name, and the original foreign key added again. */
  List<Step> restoreReferencingOriginals(Phase phase) {
    if (afterCutover) {
      return List.of();
    }
    List<Step> restored = new ArrayList<>();
    int n = 0;
    for (ReferencingKey key : carried.referencing()) {
      n++;
      restored.add(renameConstraintStep(phase, "unname-referencing-key-" + n, other(key), key.key().original(),
          key.key().originalLiteral(), key.key().copy()));
      restored.addAll(addAndValidate(phase, "old-referencing-key-" + n, other(key), key.key().original(),
          key.key().originalLiteral(), key.key().originalDefinition()));
    }
    return restored;
  }

  private IndexBuildModel indexModel(String template, Phase phase, String role, String index, String indexLiteral,
      String invalid, String create) {
    return new IndexBuildModel(template, migration, SqlScript.NO_TRANSACTION_MARKER, phaseName(phase), role, table,
        commentSafe(index), literal(schema), indexLiteral, qualified(schema, unquote(index)), invalid,
        qualified(schema, unquote(invalid)), create, quote, ContractedGuard.contractedLiteral(phase, migration));
  }

  /** {@code ALTER TABLE … RENAME CONSTRAINT from TO to}, only while {@code from} exists: safe to run twice. */
  private String renameConstraint(String from, String fromLiteral, String to) {
    return "DO " + quote + "\nBEGIN\n  IF EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = "
        + table.regclass() + " AND conname = " + fromLiteral + ") THEN\n    ALTER TABLE " + table.qualified()
        + " RENAME CONSTRAINT " + from + " TO " + to + ";\n  END IF;\nEND\n" + quote + ";";
  }

  /** Contract and cut-over get carried steps in their rollbacks only. */
  private static String phaseName(Phase phase) {
    return phase == Phase.CONTRACT || phase == Phase.CUTOVER ? "rollback of " + phase.id() : phase.id();
  }

  /** A quoted name fit for a {@code --} comment: no line breaks. */
  private static String commentSafe(String quotedName) {
    return quotedName.replaceAll("[\\r\\n\\u2028\\u2029]", " ");
  }

  private static String unquote(String quoted) {
    return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
  }
}
