package dev.colsync.runtime.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * A session that held a lock a step was waiting for, as {@code pg_stat_activity} showed it.
 *
 * @param pid its backend process id
 * @param user the database user it runs as
 * @param state {@code active}, {@code idle in transaction}, …
 * @param queryStart when its current (or last) query started; {@code null} if unknown
 * @param query the first characters of that query
 */
public record BlockingSession(int pid, String user, String state, OffsetDateTime queryStart, String query) {
  /** Characters of the query kept: enough to recognise it, not enough to leak much data. */
  static final int QUERY_CHARS = 60;
  /** The select list {@link #read} maps, over {@code pg_stat_activity} as {@code a}. */
  static final String COLUMNS = "a.pid, a.usename::text, a.state, a.query_start, pg_catalog.left(a.query, "
      + QUERY_CHARS + ")";

  /** The session in the current row of a query that selects {@link #COLUMNS}, its query on one line. */
  static BlockingSession read(ResultSet row) throws SQLException {
    String query = row.getString(5);
    return new BlockingSession(row.getInt(1), row.getString(2), row.getString(3),
        row.getObject(4, OffsetDateTime.class), query == null ? "" : query.replaceAll("\\s+", " ").strip());
  }

  @Override
  public String toString() {
    return "pid " + pid + " (" + user + ", " + state + (queryStart == null ? "" : " since " + queryStart) + "): "
        + query;
  }
}
