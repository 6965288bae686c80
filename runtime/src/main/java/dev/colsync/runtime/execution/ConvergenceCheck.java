package dev.colsync.runtime.execution;

import dev.colsync.runtime.sql.SqlIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts the rows where the new column is not {@code up} of the old one, walking the key in chunks, one
 * short transaction each, so it holds back neither vacuum nor DDL. Rows written while it walks are
 * compared as it finds them; the sync trigger keeps rows it already passed in step.
 */
final class ConvergenceCheck {
  private final BackfillTarget target;
  private final ExecutionPlan plan;
  private final int chunkRows;
  private final int sampleKeys;

  ConvergenceCheck(ExecutionPlan plan, BackfillTarget target, ExecutionSettings settings) {
    this.plan = plan;
    this.target = target;
    this.chunkRows = settings.verifyChunkRows();
    this.sampleKeys = settings.verifySampleKeys();
  }

  ConvergenceReport run(Connection connection) throws SQLException {
    KeySql key = new KeySql(KeyColumn.of(connection, target));
    String table = target.table().quoted();
    String newColumn = SqlIdentifiers.quote(target.newColumn());
    String diverges = newColumn + " IS DISTINCT FROM " + target.up();
    String chunkFrom = "SELECT " + key.columns("") + ", " + diverges + " AS colsync_diverges FROM " + table;
    String summary = " SELECT (SELECT pg_catalog.count(*) FROM chunk),"
        + " (SELECT pg_catalog.count(*) FROM chunk WHERE colsync_diverges), " + key.asText("last.")
        + " FROM (SELECT " + key.columns("") + " FROM chunk ORDER BY " + key.descending("") + " LIMIT 1) AS last";
    String firstChunk = "WITH chunk AS MATERIALIZED (" + chunkFrom + " ORDER BY " + key.columns("") + " LIMIT ?)"
        + summary;
    String nextChunk = "WITH chunk AS MATERIALIZED (" + chunkFrom + " WHERE " + key.compare(">")
        + " ORDER BY " + key.columns("") + " LIMIT ?)" + summary;
    String sampleFirst = "SELECT " + key.asText("") + " FROM " + table + " WHERE " + key.compare("<=")
        + " AND " + diverges + " ORDER BY " + key.columns("") + " LIMIT ?";
    String sampleNext = "SELECT " + key.asText("") + " FROM " + table + " WHERE " + key.compare(">")
        + " AND " + key.compare("<=") + " AND " + diverges + " ORDER BY " + key.columns("") + " LIMIT ?";

    record Chunk(long rows, long divergent, List<String> last) {}
    long checked = 0;
    long divergent = 0;
    List<List<String>> sample = new ArrayList<>();
    List<String> after = null;
    while (true) {
      List<String> lower = after;
      Optional<Chunk> chunk = Jdbc.inTransaction(connection, c -> {
        settings(c);
        Object[] parameters = lower == null ? new Object[] {chunkRows} : append(lower, chunkRows);
        return Jdbc.first(c, lower == null ? firstChunk : nextChunk,
            row -> new Chunk(row.getLong(1), row.getLong(2), key(row, 3, key.size())), parameters);
      });
      if (chunk.isEmpty()) {
        return new ConvergenceReport(checked, divergent, sample, target.oldColumn(), target.newColumn(),
            target.keyColumns());
      }
      checked += chunk.get().rows();
      divergent += chunk.get().divergent();
      int wanted = sampleKeys - sample.size();
      if (chunk.get().divergent() > 0 && wanted > 0) {
        List<String> upper = chunk.get().last();
        sample.addAll(Jdbc.inTransaction(connection, c -> {
          settings(c);
          List<Object> parameters = new ArrayList<>();
          if (lower != null) {
            parameters.addAll(lower);
          }
          parameters.addAll(upper);
          parameters.add(wanted);
          return Jdbc.list(c, lower == null ? sampleFirst : sampleNext, row -> key(row, 1, key.size()),
              parameters.toArray());
        }));
      }
      after = chunk.get().last();
    }
  }

  private void settings(Connection connection) throws SQLException {
    Jdbc.execute(connection, BatchSql.SETTINGS, target.searchPath(), plan.lockTimeout().toMillis() + "ms",
        plan.statementTimeout().toMillis() + "ms", plan.migration());
  }

  private static List<String> key(ResultSet row, int first, int width) throws SQLException {
    List<String> key = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      key.add(row.getString(first + i));
    }
    return key;
  }

  private static Object[] append(List<String> key, Object last) {
    List<Object> values = new ArrayList<>(key);
    values.add(last);
    return values.toArray();
  }
}
