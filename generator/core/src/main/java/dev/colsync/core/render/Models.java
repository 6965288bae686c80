package dev.colsync.core.render;

import java.util.List;

/** The typed models of the SQL templates, and the SQL fragments they share. All strings are SQL, quoted. */
public final class Models {
  private Models() {}

  /**
   * The table and the settings every script applies.
   *
   * @param qualified {@code "schema"."table"}
   * @param regclass the table as a regclass constant, for catalog look-ups
   * @param searchPath the fixed search path of generated functions
   * @param searchPathLiteral the same as a string constant
   * @param lockTimeout {@code lock_timeout} as a string constant
   * @param statementTimeout {@code statement_timeout} as a string constant
   */
  public record TableSql(
      String qualified, String regclass, String searchPath, String searchPathLiteral,
      String lockTimeout, String statementTimeout) {}

  /**
   * The sync trigger and its function.
   *
   * @param newWrittenTrigger the trigger that fires when an UPDATE names the new column; it sorts, and so
   *     fires, before {@code trigger}
   * @param upOfNew {@code up} over {@code NEW.<old column>}: a call of {@code toNew}, or of {@code upFunction}
   * @param downOfNew {@code down} over {@code NEW.<new column>}: a call of {@code toOld}
   * @param upFunctionNeeded whether {@code up} is wrapped in a function that turns conversion errors into NULL
   * @param toNew {@code up} as a SQL function of its parameter {@code $1}
   * @param toOld {@code down} as a SQL function of its parameter {@code $1}
   * @param oldDiffers {@code IS DISTINCT FROM} over two values of the old column's type, as a SQL function
   * @param newDiffers the same over the new column's type
   * @param upOfParameter {@code up} over the parameter {@code $1}
   * @param downOfParameter {@code down} over the parameter {@code $1}
   * @param lossMessage the error for a new value the old column cannot hold, as a string constant
   * @param quote a dollar-quote tag that occurs in none of the user's SQL
   */
  public record SyncSql(
      TableSql table, String oldColumn, String newColumn, String oldType, String newType,
      String function, String trigger, String newWrittenTrigger, String upOfNew, String downOfNew,
      boolean upFunctionNeeded, String upFunction, String toNew, String toOld, String oldDiffers, String newDiffers,
      String upOfParameter, String downOfParameter, String lossMessage, String quote) {}

  /**
   * One primary-key column of the backfill walk.
   *
   * @param name the quoted column name
   * @param type its type as {@code "schema"."table"."column"%TYPE}
   */
  public record KeyColumn(String name, String type, String nameLiteral) {}

  /**
   * The backfill procedure and its checkpoint table.
   *
   * @param up {@code up} over the table's row
   * @param down {@code down} over the table's row
   * @param pause the default pause between batches as an interval constant
   * @param migrationLiteral the migration's name as a literal, the value of {@code colsync.backfill} in
   *     the backfill's transactions
   * @param downKey for a rename of a key column, the key as the {@code down} walk reads it (the new
   *     column's name in place of the old); empty otherwise
   */
  public record BackfillSql(
      TableSql table, List<KeyColumn> key, String procedure, String stateTable,
      String oldColumn, String newColumn, String up, String down, int batchSize, String pause, String quote,
      String migrationLiteral, List<KeyColumn> downKey) {}

  /** A NOT NULL constraint added {@code NOT VALID}, validated, and made a column property. */
  public record NotNullSql(
      TableSql table, String column, String columnLiteral, String constraint, String constraintLiteral,
      boolean nativeNotNull, String quote) {}

  /**
   * {@code expand-add-column} and its rollback.
   *
   * @param newColumnType the new column's type as ADD COLUMN takes it (collation included)
   * @param columnProperties COMMENT and SET STATISTICS statements for the new column
   * @param checkProbes the CHECK copies expand tries over the new column (none for its rollback)
   * @param defaultProbe the old column's default converted by {@code up}, which expand computes once so that
   *     one {@code up} cannot convert is refused; empty when there is none to try (or it draws a sequence value)
   */
  public record ExpandModel(
      String templateName, String migration, SyncSql sync, PreflightSql preflight, String newColumnType,
      List<String> columnProperties, List<CheckProbe> checkProbes, String defaultProbe) implements TemplateModel {}

  /**
   * A CHECK copy expand tries over the new column (added NOT VALID and dropped again), so that one PostgreSQL
   * cannot make is refused before anything else runs, not at validate.
   *
   * @param name the copy's name, quoted
   * @param nameLiteral the same as a string constant
   * @param originalLiteral the original constraint's name as a string constant, for the message
   * @param definition the copy's {@code CHECK (…)} over the new column
   */
  public record CheckProbe(String name, String nameLiteral, String originalLiteral, String definition) {}

  /**
   * What expand asserts before it changes anything, each a catalog expression.
   *
   * @param quote the dollar-quote tag of the block that holds expand's statements (not the sync function's)
   * @param table the table's qualified name as a string constant
   * @param migration the migration's name as a string constant
   * @param oldExists whether the old column exists, assigned to {@code colsync_old_exists}
   * @param newExists whether the new column exists, assigned to {@code colsync_new_exists}
   * @param ours whether this migration's sync function or a trigger exists, assigned to {@code colsync_ours}
   * @param cutOver whether an in-place change is cut over already ({@code false} otherwise)
   * @param contracted whether the table looks contracted; expand then also needs colsync's record of it
   * @param doneNotice the notice when there is nothing to do
   * @param rerun whether an earlier expand of this migration left its objects
   * @param rerunNotice the notice then
   * @param checks every mismatch between the spec and the table, each reported
   * @param laterPhaseRan whether cut-over or contract ran, so rolling expand back would lose values
   * @param conversionFunctions the functions that hold {@code up} and {@code down}, as an {@code oid[]}
   *     expression evaluated once they are created: what they bound is checked then
   * @param checkFunctions the same for the temporary functions {@code validate --url} binds them into
   * @param newColumn the name of the column expand adds, as a string constant
   * @param subscriberAddColumn the statement that adds that column on a logical-replication subscriber, as a
   *     string constant
   */
  public record PreflightSql(
      String quote, String table, String migration, String oldExists, String newExists, String ours,
      String cutOver, String contracted, String doneNotice,
      String rerun, String rerunNotice, List<PreflightCheck> checks, String laterPhaseRan,
      String conversionFunctions, String checkFunctions, String newColumn, String subscriberAddColumn) {}

  /** One assertion of expand's preflight: {@code whenWrong} is true on a mismatch, {@code message} says which. */
  public record PreflightCheck(String whenWrong, String message) {}

  /** {@code backfill-prepare} and its rollback. */
  public record BackfillPrepareModel(String templateName, String migration, BackfillSql backfill)
      implements TemplateModel {}

  /**
   * {@code backfill-run}: one call of the procedure.
   *
   * @param contractedLiteral in a script the contracted guard heads, the migration's name as a literal: once the
   *     guard found the migration contracted, the call is skipped; empty elsewhere
   */
  public record BackfillRunModel(
      String templateName, String migration, String noTransactionMarker, String phase, String purpose,
      String procedure, String direction, int batchSize, boolean commitBatches, String contractedLiteral,
      String quote) implements TemplateModel {}

  /** The NOT NULL steps and their rollback. */
  public record NotNullModel(
      String templateName, String migration, String phase, String columnRole, NotNullSql notNull)
      implements TemplateModel {}

  /**
   * What contract's gate and the convergence check before it test in the catalog (see the runtime's
   * {@code ContractGate}).
   *
   * @param migration the migration's name as a string constant
   * @param overridePrefix {@code '<migration>:'}, which an override setting starts with
   * @param oldColumnExists whether the old column exists, as a boolean expression
   * @param oldColumnLiteral the old column's name as a string constant
   * @param triggers how many of the two sync triggers exist, as a bigint expression
   * @param enabledTriggers how many of them fire for ordinary writes, as a bigint expression
   * @param seal the sync triggers and their functions as the catalog has them, as a text expression
   * @param diverges whether a row's new column differs from {@code up} of its old one, over the table's row
   * @param readPath whether contract also needs the read-path flag at NEW
   * @param cutover whether the old column is the one a cut-over renamed (an in-place change)
   * @param overridesTable the statement that creates the table an override is recorded in, if missing
   * @param quote a dollar-quote tag that occurs in none of the user's SQL
   */
  public record GateSql(
      String migration, String overridePrefix, String oldColumnExists, String oldColumnLiteral, String triggers,
      String enabledTriggers, String seal, String diverges, boolean readPath, boolean cutover,
      String overridesTable, String quote) {}

  /** {@code contract}. */
  public record ContractModel(
      String templateName, String migration, SyncSql sync, GateSql gate, String backfillProcedure,
      String backfillState, ContractExtras extras) implements TemplateModel {}

  /**
   * The convergence check before contract.
   *
   * @param stateTables the statements that create the tables the check records into, if missing
   */
  public record ConvergenceCheckModel(
      String templateName, String migration, TableSql table, GateSql gate, String oldColumn, String newColumn,
      List<String> stateTables) implements TemplateModel {}

  /** The rollback of contract that brings the old column back. */
  public record RestoreModel(
      String templateName, String migration, SyncSql sync, BackfillSql backfill, String oldColumnType,
      ContractExtras extras) implements TemplateModel {}

  /**
   * The cut-over of an in-place type change, or its rollback: one transaction that swaps the two
   * columns' names and moves what must follow the name, then recreates the sync trigger and the
   * backfill procedure over the columns as they are named afterwards.
   *
   * @param referencing other tables whose foreign keys move, locked after the table without waiting
   * @param guardLiteral the column that exists only while the swap is still to be done, as a string constant
   * @param statements the swap, run only while that column exists, so that a second run does nothing
   */
  public record CutoverModel(
      String templateName, String migration, String phase, String purpose, TableSql table, List<String> referencing,
      String guardLiteral, List<String> statements, SyncSql sync, BackfillSql backfill, List<String> viewLocks,
      List<String> declarations) implements TemplateModel {}

  /**
   * Building (or dropping) one index outside a transaction.
   *
   * @param name the index's name for the script's comment
   * @param create the {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS} statement, without semicolon
   */
  public record IndexBuildModel(
      String templateName, String migration, String noTransactionMarker, String phase, String columnRole,
      TableSql table, String name, String schemaLiteral, String nameLiteral, String qualifiedName,
      String invalidName, String qualifiedInvalidName, String create, String quote, String contractedLiteral)
      implements TemplateModel {}

  /**
   * Adding, validating or dropping one constraint.
   *
   * @param name the constraint's name for the script's comment
   * @param definition what follows {@code ADD CONSTRAINT <name>}
   * @param usingIndex whether the definition adopts an index ({@code UNIQUE USING INDEX}), so needs no validation
   * @param locks {@code LOCK TABLE} statements to run first, when the constraint ties two tables
   */
  /**
   * What a script of a phase between expand and contract runs first: it stops, changing nothing, once the
   * migration has been contracted.
   *
   * @param migration the migration as a string constant
   * @param step {@code phase/step} as a string constant, for the message
   * @param contracted whether the table looks contracted (old column and sync triggers gone), as a boolean
   *     expression; colsync's record of the check or override is asked besides
   * @param body a transactional script's statements, run inside the guard's block; empty for a script that
   *     runs statement by statement, which the guard stops with an error instead
   * @param outerQuote the guard block's dollar-quote tag when it holds {@code body}, one {@code body} lacks
   */
  public record ContractedGuardModel(String templateName, String migration, String step, String contracted,
      String quote, String body, String outerQuote) implements TemplateModel {}

  /**
   * Contract's drop of another table's foreign key on the old column: gated as the drop of the column, and
   * only while the key still references the old column.
   */
  public record GatedKeyDropModel(
      String templateName, String migration, TableSql table, TableSql on, String name, String quotedName,
      String nameLiteral, String oldColumnLiteral, GateSql gate, String quote) implements TemplateModel {}

  /**
   * The rollback of contract for a renamed key column: the key moves from the new column's index back to
   * the old column's rebuilt one.
   *
   * @param current the key's constraint now (over the new column), quoted
   * @param constraint the key's original constraint name, quoted
   * @param index the old column's rebuilt index, quoted
   */
  public record PrimaryKeyMoveModel(
      String templateName, String migration, TableSql table, String current, String currentLiteral,
      String constraint, String index, String quote) implements TemplateModel {}

  public record ConstraintModel(
      String templateName, String migration, String phase, TableSql table, String name, String quotedName,
      String nameLiteral, String definition, boolean usingIndex, String quote, List<String> locks)
      implements TemplateModel {
    public ConstraintModel(String templateName, String migration, String phase, TableSql table, String name,
        String quotedName, String nameLiteral, String definition, boolean usingIndex, String quote) {
      this(templateName, migration, phase, table, name, quotedName, nameLiteral, definition, usingIndex, quote,
          List.of());
    }
  }

  /**
   * The statements {@code contract} and its rollback add around the column swap.
   *
   * @param beforeDrop statements run before the old column is dropped
   * @param afterDrop statements run after it: copies renamed to their original names, the default set
   * @param beforeTableLock statements run before the table is locked (views that read the column
   *     replaced: each view is locked before the table, as the view's readers lock them)
   */
  public record ContractExtras(List<String> beforeDrop, List<String> afterDrop, List<String> beforeTableLock) {
    public ContractExtras(List<String> beforeDrop, List<String> afterDrop) {
      this(beforeDrop, afterDrop, List.of());
    }
  }

  /**
   * Views created again in one transaction.
   *
   * @param phase the phase's name for the script's comment
   * @param statements the {@code SET LOCAL search_path} and {@code CREATE OR REPLACE VIEW} statements
   */
  public record ViewsModel(
      String templateName, String migration, String phase, TableSql table, List<String> statements)
      implements TemplateModel {}

  /**
   * A catalog-only type change, or the change back, as one guarded {@code ALTER … TYPE} retried on lock
   * timeouts.
   *
   * @param purpose what the script does, for its comment
   * @param tableLiteral the table's qualified name as a string constant
   * @param column the column, quoted
   * @param columnLiteral the column's name as a string constant
   * @param fromSql the type the column has before, as SQL; {@code toSql} the type it gets
   * @param fromRegtype {@code fromSql} without its modifier, as a string constant for {@code to_regtype}
   * @param fromModifier the {@code atttypmod} of {@code fromSql}
   * @param fromLabel the type as the spec writes it, as a string constant for messages
   * @param attempts how many times the lock is asked for before the script gives up
   * @param pauseMillis the pause before the second attempt; each later one waits that much longer
   * @param checkOnly whether the script only checks (for {@code validate --url}): no lock, no ALTER
   * @param scanFirst whether every value is first checked to fit {@code toSql} (a change back that narrows)
   * @param rewrites whether PostgreSQL rewrites the table for this change (a change back that narrows)
   */
  public record AlterTypeModel(
      String templateName, String migration, String purpose, TableSql table, String tableLiteral, String column,
      String columnLiteral, String fromSql, String fromRegtype, int fromModifier, String fromLabel, String toSql,
      String toRegtype, int toModifier, String toLabel, int attempts, long pauseMillis, boolean checkOnly,
      boolean scanFirst, boolean rewrites, String quote) implements TemplateModel {}
}
