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
 * @param worstReplica the standby furthest behind, if any reports a replay lag
 * @param worstLag that standby's replay lag
 */
record LoadSample(long activeSessions, Optional<String> worstReplica, Duration worstLag) {

  static LoadSample read(Connection monitor, Collection<Integer> ownPids) throws SQLException {
    Array own = monitor.createArrayOf("int4", ownPids.toArray());
    return Jdbc.first(monitor,
        "SELECT (SELECT pg_catalog.count(*) FROM pg_catalog.pg_stat_activity"
            + "        WHERE datname = pg_catalog.current_database() AND state = 'active'"
            + "          AND backend_type = 'client backend' AND pid <> ALL (?)),"
            + " r.application_name::text, (pg_catalog.date_part('epoch', r.replay_lag) * 1000)::bigint"
            + " FROM (SELECT 1) AS one LEFT JOIN LATERAL ("
            + "   SELECT application_name, replay_lag FROM pg_catalog.pg_stat_replication"
            + "   WHERE replay_lag IS NOT NULL ORDER BY replay_lag DESC LIMIT 1) AS r ON true",
        row -> new LoadSample(row.getLong(1), Optional.ofNullable(row.getString(2)),
            Duration.ofMillis(row.getLong(3))),
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
