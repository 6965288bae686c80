package dev.colsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Servers of one PostgreSQL version for replication tests, of their own and from the embedded binaries whatever
 * source the shared servers come from (a test must control them): a primary with {@code wal_level = logical},
 * and, each started on first use, a streaming {@link Standby} of it and an independent subscriber server for
 * logical replication from it. {@link #close()} stops whichever were started and deletes their files, so JUnit
 * stops them after each test that receives one as an argument (see {@link EachReplicatedPostgres}).
 */
public final class ReplicationServers implements AutoCloseable {

    /** The primary's settings beyond the fixture's usual ones. */
    static final Map<String, String> PRIMARY_SETTINGS = Map.of(
            "wal_level", "logical",
            // The standby streams what its base backup lacks from here, and no slot must be cleaned up after.
            "wal_keep_size", "'256MB'");

    private final String version;
    private final List<LocalCluster> started = new ArrayList<>();
    private Path binaries;
    private LocalCluster primaryCluster;
    private PostgresServer primary;
    private Standby standby;
    private PostgresServer subscriber;
    private LocalCluster subscriberCluster;

    private ReplicationServers(String version) {
        this.version = version;
    }

    /** One per configured version, none started yet: {@code @MethodSource("dev.colsync.testing.ReplicationServers#each")}. */
    public static List<ReplicationServers> each() {
        return ConfiguredVersions.fromSystemProperties().stream().map(ReplicationServers::new).toList();
    }

    /** The primary, a server of this object alone; tests create their databases on it. */
    public synchronized PostgresServer primary() {
        if (primary == null) {
            Map<String, String> settings = new LinkedHashMap<>(LocalCluster.TEST_SETTINGS);
            settings.putAll(PRIMARY_SETTINGS);
            primaryCluster = remember(LocalCluster.start(binaries(), ServerUser.current(), settings));
            primary = PostgresServer.at(primaryCluster.jdbcUrl());
        }
        return primary;
    }

    /** A hot standby of {@link #primary()}, streaming from it without a slot; started on the first call. */
    public synchronized Standby standby() {
        if (standby == null) {
            primary();
            ServerUser user = ServerUser.current();
            Path directory = LocalCluster.newDirectory(user);
            LocalCluster cluster;
            try {
                BaseBackup.copy(primaryCluster, LocalCluster.dataDirectory(directory), user);
                writeStandbySignal(LocalCluster.dataDirectory(directory), user);
            } catch (RuntimeException e) {
                Directories.deleteRecursively(directory);
                throw e;
            }
            cluster = remember(LocalCluster.startPrepared(binaries(), user, directory, standbySettings()));
            standby = new Standby(PostgresServer.at(cluster.jdbcUrl()), primary);
        }
        return standby;
    }

    /** A server independent of the primary, for {@code CREATE SUBSCRIPTION … CONNECTION} {@link #conninfo}. */
    public synchronized PostgresServer subscriber() {
        if (subscriber == null) {
            subscriberCluster = remember(LocalCluster.start(binaries(), ServerUser.current()));
            subscriber = PostgresServer.at(subscriberCluster.jdbcUrl());
        }
        return subscriber;
    }

    /** What the subscriber server logged so far: its apply workers log their errors there. */
    public synchronized String subscriberLog() {
        subscriber();
        return subscriberCluster.log();
    }

    /**
     * The libpq connection string of {@code database} on the primary, as a subscription names its publisher.
     * Pass it to SQL as a bound value or a quoted literal: it holds quotes of its own.
     */
    public String conninfo(TestDatabase database) {
        primary();
        return "host=127.0.0.1 port=" + primaryCluster.port() + " dbname='" + conninfoValue(database.name())
                + "' user='" + conninfoValue(LocalCluster.SUPERUSER) + "' password='"
                + conninfoValue(LocalCluster.PASSWORD) + "'";
    }

    /** The empty file that makes a server start as a standby. */
    private static void writeStandbySignal(Path dataDirectory, ServerUser user) {
        try {
            user.handOver(Files.createFile(dataDirectory.resolve("standby.signal")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write standby.signal into " + dataDirectory, e);
        }
    }

    private Map<String, String> standbySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("primary_conninfo", "'host=127.0.0.1 port=" + primaryCluster.port() + " user=" + LocalCluster.SUPERUSER
                + " password=" + LocalCluster.PASSWORD + " application_name=" + Standby.APPLICATION_NAME + "'");
        settings.put("hot_standby", "on");
        settings.put("wal_receiver_status_interval", "'1s'");
        return settings;
    }

    private static String conninfoValue(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    private synchronized LocalCluster remember(LocalCluster cluster) {
        started.add(cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "colsync-pg-stop-replica-" + version));
        return cluster;
    }

    private Path binaries() {
        if (binaries == null) {
            binaries = EmbeddedServers.binaries(version);
        }
        return binaries;
    }

    /** Stops every server this object started, the standby and subscriber before the primary. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
    }

    /** "PostgreSQL 18.3.0 with replicas": test display names use it. */
    @Override
    public String toString() {
        return "PostgreSQL " + version + " with replicas";
    }
}
