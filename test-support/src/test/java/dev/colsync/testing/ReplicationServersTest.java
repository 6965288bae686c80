package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standby streams and replays what the primary writes; the subscriber receives what the primary publishes. */
class ReplicationServersTest {

    @EachReplicatedPostgres
    void theStandbyReplaysThePrimaryUnlessPaused(ReplicationServers servers) throws Exception {
        try (TestDatabase database = servers.primary().newDatabase(); Connection primary = database.connect()) {
            execute(primary, "CREATE TABLE t (id int PRIMARY KEY)");
            execute(primary, "INSERT INTO t SELECT generate_series(1, 10)");
            Standby standby = servers.standby();
            standby.awaitCaughtUp(Duration.ofSeconds(30));
            try (Connection replica = DriverManager.getConnection(standby.jdbcUrl(database))) {
                assertThat(count(replica, "SELECT count(*) FROM t")).isEqualTo(10);
                assertThat(count(replica, "SELECT pg_is_in_recovery()::int")).isEqualTo(1);

                standby.pauseReplay();
                execute(primary, "INSERT INTO t SELECT generate_series(11, 20)");
                Thread.sleep(300);
                assertThat(count(replica, "SELECT count(*) FROM t")).isEqualTo(10);
                assertThat(count(primary, "SELECT count(*) FROM pg_stat_replication WHERE application_name = '"
                        + Standby.APPLICATION_NAME + "' AND state = 'streaming'")).isEqualTo(1);

                standby.resumeReplay();
                standby.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(count(replica, "SELECT count(*) FROM t")).isEqualTo(20);
            }
        }
    }

    @EachReplicatedPostgres
    void theSubscriberReceivesWhatThePrimaryPublishes(ReplicationServers servers) throws Exception {
        try (TestDatabase published = servers.primary().newDatabase(); Connection publisher = published.connect();
             TestDatabase subscribed = servers.subscriber().newDatabase(); Connection subscriber = subscribed.connect()) {
            execute(publisher, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            execute(publisher, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            execute(publisher, "CREATE PUBLICATION p FOR TABLE t");
            execute(subscriber, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            try (PreparedStatement create = subscriber.prepareStatement(
                    "SELECT format('CREATE SUBSCRIPTION s CONNECTION %L PUBLICATION p', ?::text)")) {
                create.setString(1, servers.conninfo(published));
                try (ResultSet row = create.executeQuery()) {
                    row.next();
                    execute(subscriber, row.getString(1));
                }
            }
            execute(publisher, "UPDATE t SET v = 'c' WHERE id = 2");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (count(subscriber, "SELECT count(*) FROM t WHERE v IN ('a', 'c')") < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(count(subscriber, "SELECT count(*) FROM t WHERE v IN ('a', 'c')")).isEqualTo(2);
            execute(subscriber, "DROP SUBSCRIPTION s");
        }
    }

    @Test
    void aWalPositionIsTwoHexadecimalHalves() {
        assertThat(Standby.lsn("0/3000148")).isEqualTo(0x3000148L);
        assertThat(Standby.lsn("1/0")).isEqualTo(1L << 32);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
