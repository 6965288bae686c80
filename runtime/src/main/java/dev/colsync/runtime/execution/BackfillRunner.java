package dev.colsync.runtime.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Walks the table in keyset batches, each one short transaction that commits its checkpoint with its
 * rows, until the checkpoint says done. Before each batch it honours pause and cancel requests and waits
 * while the database is under strain; it sizes batches to take about the target duration. Killed at any
 * point, it loses at most the batch in flight: the next run, or a {@code CALL} of the generated
 * procedure, goes on from the checkpoint.
 */
final class BackfillRunner {
  private static final Duration ESTIMATE_TIMEOUT = Duration.ofSeconds(5);

  private final Session session;
  private final ExecutionPlan plan;
  private final BackfillTarget target;
  private final ExecutionSettings settings;
  private final ExecutionListener listener;
  private final RetrySchedule retries;

  BackfillRunner(Session session, ExecutionPlan plan, BackfillTarget target, ExecutionSettings settings,
      ExecutionListener listener, RandomGenerator random) {
    this.session = session;
    this.plan = plan;
    this.target = target;
    this.settings = settings;
    this.listener = listener;
    this.retries = new RetrySchedule(settings.lockRetry(), random);
  }

  /** What one committed batch did: keys walked and rows written, or that the walk is finished. */
  private record Batch(boolean finished, long rows, long changed) {}

  /** The statements the runner issues for {@code direction}: what the audit checksum covers. */
  String sql(String direction) throws SQLException {
    return new BatchSql(target, KeyColumn.of(session.work, target.walking(direction)), direction).text();
  }

  BackfillResult run(String direction) throws SQLException {
    List<KeyColumn> keys = KeyColumn.of(session.work, target.walking(direction));
    BatchSql sql = new BatchSql(target, keys, direction);
    if (Jdbc.tableExists(session.work, StateSchema.BACKFILL_CONTROL)) {
      BackfillControl.clearCancel(session.work, plan.migration());
    }
    long total = estimateTotal(direction);
    long before = rowsBefore(sql, direction);
    AdaptiveBatchSize size = new AdaptiveBatchSize(target.batchSize(), settings.batches());
    Throttling throttling = new Throttling(session, plan.migration(), settings.throttle(), listener);
    SpaceReclaim reclaim = new SpaceReclaim(session.work, target.table(), settings.reclaim().interval(total),
        plan.lockTimeout(), plan.statementTimeout(), listener);
    long start = System.nanoTime();
    long walked = 0;
    long changed = 0;
    long batches = 0;
    int lockFailures = 0;
    while (true) {
      if (!throttling.waitUntilClear()) {
        return new BackfillResult(false, changed, batches, walked);
      }
      int rows = size.current();
      Batch batch;
      Duration took;
      SessionWatch waiters = SessionWatch.waitingOn(session.monitor, session.workPid, waiterInterval());
      try {
        long batchStart = System.nanoTime();
        batch = batch(sql, direction, rows);
        took = StepRunner.elapsed(batchStart);
        lockFailures = 0;
      } catch (SQLException failure) {
        if (!LockFailures.isLockFailure(failure)) {
          throw naming(failedRow(sql, direction, rows), target.walking(direction).keyColumns(), failure);
        }
        if (++lockFailures >= retries.maxAttempts()) {
          throw failure;
        }
        size.halve();
        Duration delay = retries.delayBefore(lockFailures + 1);
        listener.notice("backfill " + direction + ": a batch could not get its row locks in time ("
            + StepFailedException.firstLine(failure.getMessage()) + "); retrying with " + size.current()
            + " rows in " + Progress.duration(delay));
        StepRunner.sleep(delay);
        continue;
      } finally {
        waiters.stop();
      }
      throttling.afterBatch(waiters.everSeen(), took);
      walked += batch.rows();
      changed += batch.changed();
      if (!batch.finished()) {
        batches++;
        size.record(batch.rows(), took);
        reclaim.afterBatch(batch.changed());
      }
      Duration elapsed = StepRunner.elapsed(start);
      double rate = elapsed.toNanos() == 0 ? 0 : walked * 1e9 / elapsed.toNanos();
      long done = before + walked;
      listener.backfillProgress(new BackfillProgress(plan.migration(), direction, done, before,
          total < 0 ? (batch.finished() ? done : -1) : Math.max(total, done), changed, batches, size.current(), elapsed,
          rate, took, throttling.yielded(), batch.finished()));
      if (batch.finished()) {
        return new BackfillResult(true, changed, batches, walked);
      }
      StepRunner.sleep(target.pause());
    }
  }

  private Batch batch(BatchSql sql, String direction, int rows) throws SQLException {
    return Jdbc.inTransaction(session.work, c -> {
      settings(c, plan.statementTimeout());
      Jdbc.update(c, sql.ensureState, direction);
      record Checkpoint(List<String> lastKey, boolean done, List<String> bound) {}
      Checkpoint checkpoint = Jdbc.first(c, sql.lockState,
          row -> new Checkpoint(textArray(row, 1), row.getBoolean(2), textArray(row, 3)),
          direction).orElseThrow();
      if (checkpoint.done()) {
        return new Batch(true, 0, 0);
      }
      List<String> bound = checkpoint.bound() != null ? checkpoint.bound() : recordBound(c, sql, direction);
      if (bound == null) {
        Jdbc.update(c, sql.finish, direction);
        return new Batch(true, 0, 0);
      }
      Optional<List<String>> lower = checkpoint.lastKey() == null
          ? Jdbc.first(c, sql.firstKey, this::key, bound.toArray())
          : Jdbc.first(c, sql.keyAfter, this::key, join(checkpoint.lastKey(), bound));
      if (lower.isEmpty()) {
        Jdbc.update(c, sql.finish, direction);
        return new Batch(true, 0, 0);
      }
      int width = lower.get().size();
      record Upper(List<String> key, long rows) {}
      Optional<Upper> full = Jdbc.first(c, sql.nthKey, row -> new Upper(key(row, width), rows),
          concat(join(lower.get(), bound), rows - 1));
      Upper upper = full.isPresent() ? full.get() : Jdbc.first(c, sql.upperKey,
          row -> new Upper(key(row, width), row.getLong(width + 1)),
          concat(join(lower.get(), bound), rows)).orElseThrow();
      List<Object> bounds = new ArrayList<>(lower.get());
      bounds.addAll(upper.key());
      int written = Jdbc.update(c, sql.write, bounds.toArray());
      Array lastKey = c.createArrayOf("text", upper.key().toArray());
      Jdbc.update(c, sql.checkpoint, lastKey, written, direction);
      return new Batch(false, upper.rows(), written);
    });
  }

  /**
   * Records where the walk ends: the highest key now. Rows inserted from here on are written by the sync
   * trigger, so the walk never chases writers. Null when the table is empty.
   */
  private List<String> recordBound(Connection c, BatchSql sql, String direction) throws SQLException {
    Optional<List<String>> highest = Jdbc.first(c, sql.bound, this::key);
    if (highest.isEmpty()) {
      return null;
    }
    long estimate = Jdbc.first(c, "SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = ?::regclass",
        row -> row.getLong(1), target.table().quoted()).orElse(-1L);
    Jdbc.update(c, sql.setBound, c.createArrayOf("text", highest.get().toArray()),
        estimate < 0 ? null : estimate, direction);
    return highest.get();
  }

  private static List<String> textArray(ResultSet row, int column) throws SQLException {
    Array array = row.getArray(column);
    return array == null ? null : Arrays.asList((String[]) array.getArray());
  }

  private static Object[] join(List<String> first, List<String> second) {
    List<Object> values = new ArrayList<>(first);
    values.addAll(second);
    return values.toArray();
  }

  /** Rows at or before the checkpoint: what earlier runs walked (bounded: only for progress). */
  private long rowsBefore(BatchSql sql, String direction) {
    try {
      return Jdbc.inTransaction(session.work, c -> {
        settings(c, ESTIMATE_TIMEOUT);
        Optional<List<String>> lastKey = Jdbc.first(c,
            "SELECT last_key FROM " + target.stateTable().quoted() + " WHERE direction = ?",
            row -> row.getArray(1) == null ? null : Arrays.asList((String[]) row.getArray(1).getArray()), direction);
        if (lastKey.isEmpty()) {
          return 0L;
        }
        return Jdbc.first(c, sql.keysUpTo, row -> row.getLong(1), lastKey.get().toArray()).orElse(0L);
      });
    } catch (SQLException e) {
      return 0;
    }
  }

  /**
   * The rows up to the walk's bound as estimated when it was recorded; before that, the planner's row
   * estimate, or a bounded count when the table was never analyzed; -1 if none of these.
   */
  private long estimateTotal(String direction) {
    try {
      return Jdbc.inTransaction(session.work, c -> {
        settings(c, ESTIMATE_TIMEOUT);
        Optional<Long> recorded = Jdbc.first(c,
            "SELECT bound_rows FROM " + target.stateTable().quoted() + " WHERE direction = ? AND bound_rows IS NOT NULL",
            row -> row.getLong(1), direction);
        if (recorded.isPresent()) {
          return recorded.get();
        }
        long estimate = Jdbc.first(c, "SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = ?::regclass",
            row -> row.getLong(1), target.table().quoted()).orElse(-1L);
        if (estimate >= 0) {
          return estimate;
        }
        return Jdbc.first(c, "SELECT pg_catalog.count(*) FROM " + target.table().quoted(), row -> row.getLong(1))
            .orElse(-1L);
      });
    } catch (SQLException e) {
      return -1;
    }
  }

  /**
   * The key of the first row of the failed batch whose value cannot be computed ({@code up} rejects it),
   * found row by row in a transaction that writes nothing; empty when no single row fails (the batch
   * failed for another reason) or the search itself fails.
   */
  private Optional<List<String>> failedRow(BatchSql sql, String direction, int rows) {
    try {
      return Jdbc.inTransaction(session.work, c -> {
        settings(c, plan.statementTimeout());
        record Walk(List<String> lastKey, List<String> bound) {}
        Optional<Walk> walk = Jdbc.first(c, "SELECT last_key, bound_key FROM " + target.stateTable().quoted()
            + " WHERE direction = ?", row -> new Walk(textArray(row, 1), textArray(row, 2)), direction);
        List<String> lastKey = walk.map(Walk::lastKey).orElse(null);
        // A first batch that failed took the bound it recorded with it: the walk's bound is then the highest key.
        Optional<List<String>> bound = walk.map(Walk::bound).filter(known -> known != null)
            .or(() -> firstKey(c, sql.bound));
        if (bound.isEmpty()) {
          return Optional.<List<String>>empty();
        }
        List<List<String>> keys = new ArrayList<>();
        Object[] parameters = lastKey == null
            ? concat(bound.get().toArray(), rows)
            : concat(join(lastKey, bound.get()), rows);
        try (PreparedStatement select = c.prepareStatement(lastKey == null ? sql.keysFromStart : sql.keysAfter)) {
          for (int i = 0; i < parameters.length; i++) {
            select.setObject(i + 1, parameters[i]);
          }
          try (ResultSet found = select.executeQuery()) {
            while (found.next()) {
              keys.add(key(found));
            }
          }
        }
        for (List<String> key : keys) {
          Savepoint before = c.setSavepoint();
          try {
            Jdbc.first(c, sql.probe, row -> true, key.toArray());
            c.releaseSavepoint(before);
          } catch (SQLException rejected) {
            c.rollback(before);
            return Optional.of(key);
          }
        }
        return Optional.<List<String>>empty();
      });
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** The key {@code query} returns first, if it returns a row; empty also when the query fails. */
  private Optional<List<String>> firstKey(Connection connection, String query) {
    try {
      return Jdbc.first(connection, query, this::key);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** The failure, with the row it failed on named at the end of its first line. */
  private SQLException naming(Optional<List<String>> key, List<String> keyColumns, SQLException failure) {
    if (key.isEmpty()) {
      return failure;
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    int end = message.indexOf('\n');
    String where = " (on the row whose key (" + String.join(", ", keyColumns) + ") is ("
        + String.join(", ", key.get()) + "))";
    String named = end < 0 ? message + where : message.substring(0, end) + where + message.substring(end);
    SQLException renamed = new SQLException(named, failure.getSQLState(), failure.getErrorCode(), failure);
    return renamed;
  }

  private void settings(Connection connection, Duration statementTimeout) throws SQLException {
    Jdbc.execute(connection, BatchSql.SETTINGS, target.searchPath(), plan.lockTimeout().toMillis() + "ms",
        statementTimeout.toMillis() + "ms", plan.migration());
  }

  private List<String> key(ResultSet row) throws SQLException {
    return key(row, target.keyColumns().size());
  }

  private static List<String> key(ResultSet row, int width) throws SQLException {
    List<String> key = new ArrayList<>(width);
    for (int i = 1; i <= width; i++) {
      key.add(row.getString(i));
    }
    return key;
  }

  private static Object[] concat(Object[] key, Object last) {
    Object[] values = Arrays.copyOf(key, key.length + 1);
    values[key.length] = last;
    return values;
  }

  /** Often enough to catch a session that waits on a batch of about the target duration. */
  private Duration waiterInterval() {
    return Duration.ofMillis(Math.max(5, Math.min(50, settings.batches().target().toMillis() / 5)));
  }
}
