package dev.colsync.runtime.execution;

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

  @Override
  public String toString() {
    return "pid " + pid + " (" + user + ", " + state + (queryStart == null ? "" : " since " + queryStart) + "): "
        + query;
  }
}
