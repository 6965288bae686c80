package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.List;

/**
 * The statements of one backfill batch, the same walk as the generated procedure's: the walk ends at the
 * highest key when it started (recorded once, with an estimate of the rows up to it); the lower bound is
 * the first key after the checkpoint, the upper bound the last of the next {@code batch size} keys (read
 * by skipping to it; only the last, shorter batch counts the keys that are left);
 * rows in between whose target column differs from its expression are written; the checkpoint moves to
 * the upper bound in the same transaction.
 */
final class BatchSql {
  /**
   * The session settings of the procedure, so keys read and written as text mean the same in both; and
   * {@code colsync.backfill}, the migration's name, which the table's own triggers can read to tell the
   * backfill's updates from the application's (an {@code updated_at} trigger that should not stamp them).
   */
  static final String SETTINGS = "SELECT pg_catalog.set_config('search_path', ?, true),"
      + " pg_catalog.set_config('lock_timeout', ?, true), pg_catalog.set_config('statement_timeout', ?, true),"
      + " pg_catalog.set_config('DateStyle', 'ISO, YMD', true), pg_catalog.set_config('TimeZone', 'UTC', true),"
      + " pg_catalog.set_config('IntervalStyle', 'postgres', true),"
      + " pg_catalog.set_config('extra_float_digits', '3', true), pg_catalog.set_config('colsync.backfill', ?, true)";

  final String ensureState;
  final String lockState;
  final String firstKey;
  final String keyAfter;
  final String nthKey;
  final String upperKey;
  final String write;
  final String checkpoint;
  final String finish;
  final String keysUpTo;
  /** The first keys after a checkpoint (or from the start), up to the bound: where a failed batch looks. */
  final String keysFromStart;
  final String keysAfter;
  /** The batch's value for one row, computed without writing it: which row a failed batch failed on. */
  final String probe;
  final String bound;
  final String setBound;

  BatchSql(BackfillTarget target, List<KeyColumn> keyColumns, String direction) {
    KeySql key = new KeySql(keyColumns);
    String table = target.table().quoted();
    String state = target.stateTable().quoted();
    String column = SqlIdentifiers.quote(
        direction.equals("up") ? target.newColumn() : target.oldColumn());
    String value = direction.equals("up") ? target.up() : target.down();
    this.ensureState = "INSERT INTO " + state + " (direction) VALUES (?) ON CONFLICT (direction) DO NOTHING";
    this.lockState = "SELECT last_key, done, bound_key FROM " + state + " WHERE direction = ? FOR UPDATE";
    String withinBound = " AND " + key.compare("<=");
    this.firstKey = "SELECT " + key.asText("") + " FROM " + table + " WHERE " + key.compare("<=")
        + " ORDER BY " + key.columns("") + " LIMIT 1";
    this.keyAfter = "SELECT " + key.asText("") + " FROM " + table + " WHERE " + key.compare(">") + withinBound
        + " ORDER BY " + key.columns("") + " LIMIT 1";
    this.nthKey = "SELECT " + key.asText("") + " FROM " + table + " WHERE " + key.compare(">=") + withinBound
        + " ORDER BY " + key.columns("") + " OFFSET ? LIMIT 1";
    this.upperKey = "SELECT " + key.asText("batch.") + ", pg_catalog.count(*) OVER ()"
        + " FROM (SELECT " + key.columns("") + " FROM " + table + " WHERE " + key.compare(">=") + withinBound
        + " ORDER BY " + key.columns("") + " LIMIT ?) AS batch ORDER BY " + key.descending("batch.") + " LIMIT 1";
    this.bound = "SELECT " + key.asText("") + " FROM " + table + " ORDER BY " + key.descending("") + " LIMIT 1";
    this.setBound = "UPDATE " + state + " SET bound_key = ?, bound_rows = ? WHERE direction = ?";
    this.write = "UPDATE " + table + " SET " + column + " = " + value
        + " WHERE " + key.compare(">=") + " AND " + key.compare("<=")
        + " AND " + column + " IS DISTINCT FROM " + value;
    this.checkpoint = "UPDATE " + state + " SET last_key = ?, rows_changed = rows_changed + ?,"
        + " batches = batches + 1, updated_at = pg_catalog.now() WHERE direction = ?";
    this.finish = "UPDATE " + state + " SET done = true, updated_at = pg_catalog.now() WHERE direction = ?";
    this.keysUpTo = "SELECT pg_catalog.count(*) FROM " + table + " WHERE " + key.compare("<=");
    this.keysFromStart = "SELECT " + key.asText("") + " FROM " + table + " WHERE " + key.compare("<=")
        + " ORDER BY " + key.columns("") + " LIMIT ?";
    this.keysAfter = "SELECT " + key.asText("") + " FROM " + table + " WHERE " + key.compare(">") + withinBound
        + " ORDER BY " + key.columns("") + " LIMIT ?";
    this.probe = "SELECT " + value + " FROM " + table + " WHERE " + key.compare("=");
  }

  /** Every statement, for the audit checksum of what the runner ran. */
  String text() {
    return String.join(";\n", SETTINGS, ensureState, lockState, bound, setBound, firstKey, keyAfter, nthKey,
        upperKey, write, checkpoint, finish) + ";\n";
  }
}
