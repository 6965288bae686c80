package dev.colsync.runtime.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * How busy the database is right now, as the backfill's throttle sees it.
 *
 * @param activeSessions client sessions of this database running a statement, colsync's own excluded
 * @param busySessions the same and those inside a transaction between its statements ({@code idle in
 *     transaction}): an application at work, even at the instant none of its statements runs
 * @param worstReplica the standby furthest behind, if any reports a replay lag
 * @param worstLag that standby's replay lag
 */
record LoadSample(long activeSessions, long busySessions, Optional<String> worstReplica, Duration worstLag) {

  static LoadSample read(Connection monitor, Collection<Integer> ownPids) throws SQLException {
    Array own = monitor.createArrayOf("int4", ownPids.toArray());
    return Jdbc.first(monitor,
        "SELECT s.active, s.busy, r.application_name::text,"
            + " (pg_catalog.date_part('epoch', r.replay_lag) * 1000)::bigint"
            + " FROM (SELECT pg_catalog.count(*) FILTER (WHERE state = 'active') AS active,"
            + "         pg_catalog.count(*) AS busy FROM pg_catalog.pg_stat_activity"
            + "       WHERE datname = pg_catalog.current_database()"
            + "         AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')"
            + "         AND backend_type = 'client backend' AND pid <> ALL (?)) AS s"
            + " LEFT JOIN LATERAL ("
            + "   SELECT application_name, replay_lag FROM pg_catalog.pg_stat_replication"
            + "   WHERE replay_lag IS NOT NULL ORDER BY replay_lag DESC LIMIT 1) AS r ON true",
        row -> new LoadSample(row.getLong(1), row.getLong(2), Optional.ofNullable(row.getString(3)),
            Duration.ofMillis(row.getLong(4))),
        own).orElseThrow();
  }

  /** Why the backfill must wait under {@code limits}, if it must. */
  Optional<String> reasonToWait(ExecutionSettings.Throttle limits) {
    if (worstReplica.isPresent() && worstLag.compareTo(limits.maxReplicationLag()) > 0) {
      return Optional.of("standby " + worstReplica.get() + " replays " + Progress.duration(worstLag)
          + " behind, over the limit of " + Progress.duration(limits.maxReplicationLag()));
    }
    if (activeSessions > limits.maxActiveSessions()) {
      return Optional.of(activeSessions + " other sessions are active in the database, over the limit of "
          + limits.maxActiveSessions());
    }
    return Optional.empty();
  }
}
