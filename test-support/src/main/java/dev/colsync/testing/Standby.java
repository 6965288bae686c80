package dev.colsync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A hot standby streaming from a primary of {@link ReplicationServers}: read-only, its databases those of the
 * primary. It reports to the primary every second ({@code wal_receiver_status_interval}), so the primary's
 * {@code pg_stat_replication.replay_lag} follows it closely. Obtain one from {@link ReplicationServers#standby()}.
 */
public final class Standby {

    /** What the primary's pg_stat_replication calls it. */
    public static final String APPLICATION_NAME = "colsync_test_standby";

    private final PostgresServer server;
    private final PostgresServer primary;

    Standby(PostgresServer server, PostgresServer primary) {
        this.server = server;
        this.primary = primary;
    }

    /** The standby as a server; its {@link PostgresServer#newDatabase()} fails, since a standby is read-only. */
    public PostgresServer server() {
        return server;
    }

    /** A JDBC URL, credentials included, for the standby's copy of {@code database}. */
    public String jdbcUrl(TestDatabase database) {
        return server.jdbcUrl(database.name());
    }

    /** Stops replaying WAL ({@code pg_wal_replay_pause()}); the standby still receives and acknowledges it. */
    public void pauseReplay() {
        query("SELECT pg_catalog.pg_wal_replay_pause()::text");
    }

    /** Replays again what arrived meanwhile ({@code pg_wal_replay_resume()}). */
    public void resumeReplay() {
        query("SELECT pg_catalog.pg_wal_replay_resume()::text");
    }

    /**
     * Waits until the standby has replayed everything the primary had written when this was called.
     *
     * @throws IllegalStateException when it has not within {@code timeout}
     */
    public void awaitCaughtUp(Duration timeout) {
        String target = queryOn(primary, "SELECT pg_catalog.pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String replayed = query("SELECT pg_catalog.pg_last_wal_replay_lsn()::text");
            if (replayed != null && Long.compareUnsigned(lsn(replayed), lsn(target)) >= 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The standby replayed up to " + replayed + " only, not " + target
                        + ", within " + timeout);
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** A WAL position as PostgreSQL prints it, e.g. {@code 0/3000148}: two hexadecimal halves. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return Long.parseUnsignedLong(text.substring(0, slash), 16) << 32 | Long.parseUnsignedLong(text.substring(slash + 1), 16);
    }

    private String query(String sql) {
        return queryOn(server, sql);
    }

    private static String queryOn(PostgresServer on, String sql) {
        try (Connection connection = DriverManager.getConnection(on.jdbcUrl("postgres"));
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(on + ": " + sql + " failed", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the standby", e);
        }
    }

    @Override
    public String toString() {
        return "standby " + server;
    }
}
