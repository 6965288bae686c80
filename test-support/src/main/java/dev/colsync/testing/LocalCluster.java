package dev.colsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throwaway PostgreSQL cluster run from extracted binaries: initdb into a fresh directory under /tmp, pg_ctl start
 * on a free port of 127.0.0.1, and on {@link #stop()} an immediate shutdown and the directory deleted.
 *
 * <p>The directory is under /tmp rather than java.io.tmpdir: the server user must be able to reach it when the JVM
 * runs as root, and the Unix socket path inside it must stay short.
 */
final class LocalCluster {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD = "postgres";

    /** Durability traded for speed, and room for the many connections property tests open. */
    static final Map<String, String> TEST_SETTINGS = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off",
            "max_connections", "200");

    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final int START_TIMEOUT_SECONDS = 60;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;

    private final Path binaries;
    private final ServerUser user;
    private final Path directory;
    private final int port;
    private boolean stopped;

    private LocalCluster(Path binaries, ServerUser user, Path directory, int port) {
        this.binaries = binaries;
        this.user = user;
        this.directory = directory;
        this.port = port;
    }

    static LocalCluster start(Path binaries, ServerUser user) {
        return start(binaries, user, TEST_SETTINGS);
    }

    /** Starts a cluster with {@code settings} added to its postgresql.conf (values as written there). */
    static LocalCluster start(Path binaries, ServerUser user, Map<String, String> settings) {
        Path directory = newDirectory(user);
        return settingUp(directory, () -> {
            initdb(binaries, user, directory);
            configure(user, directory, settings);
            return startOnFreePort(binaries, user, directory);
        });
    }

    /** A fresh directory under /tmp, owned by the server user, for a cluster's files. */
    static Path newDirectory(ServerUser user) {
        try {
            Path directory = Files.createTempDirectory(Path.of("/tmp"), "colsync-pg-");
            user.handOver(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for PostgreSQL under /tmp", e);
        }
    }

    /**
     * Starts a cluster whose data directory {@code directory}/data was filled already (a base backup), with
     * {@code settings} added to its postgresql.conf. On failure the directory is deleted.
     */
    static LocalCluster startPrepared(Path binaries, ServerUser user, Path directory, Map<String, String> settings) {
        return settingUp(directory, () -> {
            configure(user, directory, settings);
            return startOnFreePort(binaries, user, directory);
        });
    }

    /** What sets a cluster up in {@code directory}. */
    private interface SetUp {
        LocalCluster run() throws IOException;
    }

    /** Runs {@code setUp}; when it fails, deletes {@code directory}, so no half-made cluster is left behind. */
    private static LocalCluster settingUp(Path directory, SetUp setUp) {
        try {
            return setUp.run();
        } catch (IOException e) {
            Directories.deleteRecursively(directory);
            throw new UncheckedIOException("Could not set up PostgreSQL in " + directory, e);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(directory);
            throw e;
        }
    }

    private static void initdb(Path binaries, ServerUser user, Path directory) throws IOException {
        Path passwordFile = directory.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        user.handOver(passwordFile);
        Command.run(user.command(List.of(
                binaries.resolve("bin/initdb").toString(),
                "-D", dataDirectory(directory).toString(),
                "-A", "trust",
                "-U", SUPERUSER,
                "--pwfile=" + passwordFile,
                "-E", "UTF8",
                "--no-locale",
                "--no-sync")), directory, INITDB_TIMEOUT);
        Files.delete(passwordFile);
    }

    private static void configure(ServerUser user, Path directory, Map<String, String> settings) throws IOException {
        Path sockets = directory.resolve("sockets");
        Files.createDirectory(sockets);
        user.handOver(sockets);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("listen_addresses", "'127.0.0.1'");
        all.put("unix_socket_directories", "'" + sockets + "'");
        all.putAll(settings);
        StringBuilder lines = new StringBuilder("\n# colsync test fixture\n");
        all.forEach((name, value) -> lines.append(name).append(" = ").append(value).append('\n'));
        Files.writeString(dataDirectory(directory).resolve("postgresql.conf"), lines, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** Tries again on another port when the chosen one was taken between choosing and binding. */
    private static LocalCluster startOnFreePort(Path binaries, ServerUser user, Path directory) {
        for (int attempt = 1; ; attempt++) {
            LocalCluster cluster = new LocalCluster(binaries, user, directory, FreePort.onLoopback());
            try {
                cluster.pgCtlStart();
                return cluster;
            } catch (RuntimeException e) {
                String log = cluster.logTail();
                cluster.pgCtlStop();
                if (attempt < START_ATTEMPTS && log.contains("could not bind")) {
                    continue;
                }
                throw new IllegalStateException("PostgreSQL from " + binaries + " did not start: " + e.getMessage()
                        + "\n--- last lines of the server log ---\n" + log, e);
            }
        }
    }

    private void pgCtlStart() {
        Command.run(user.command(List.of(
                binaries.resolve("bin/pg_ctl").toString(),
                "-D", dataDirectory(directory).toString(),
                "-l", logFile().toString(),
                "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS),
                "-o", "-p " + port,
                "start")), directory, Duration.ofSeconds(START_TIMEOUT_SECONDS + 10));
    }

    private void pgCtlStop() {
        try {
            Command.run(user.command(List.of(
                    binaries.resolve("bin/pg_ctl").toString(),
                    "-D", dataDirectory(directory).toString(),
                    "-m", "immediate", "-w",
                    "stop")), directory, STOP_TIMEOUT);
        } catch (RuntimeException e) {
            // Not running (any more): nothing to stop.
        }
    }

    JdbcUrl jdbcUrl() {
        return JdbcUrl.of("127.0.0.1", port, "postgres", SUPERUSER, PASSWORD);
    }

    Path directory() {
        return directory;
    }

    /** The data directory, PGDATA. */
    Path dataDirectory() {
        return dataDirectory(directory);
    }

    int port() {
        return port;
    }

    /** Stops the server at once and deletes its files. Safe to call more than once. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        pgCtlStop();
        try {
            Directories.deleteRecursively(directory);
        } catch (UncheckedIOException e) {
            // Left behind under /tmp; nothing else depends on it.
        }
    }

    private Path logFile() {
        return directory.resolve("server.log");
    }

    /** Everything the server logged so far. */
    String log() {
        try {
            return Files.readString(logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the server log " + logFile(), e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    static Path dataDirectory(Path directory) {
        return directory.resolve("data");
    }
}
