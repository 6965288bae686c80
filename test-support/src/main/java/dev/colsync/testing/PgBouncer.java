package dev.colsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PgBouncer of the test's own in front of a {@link PostgresServer}, in transaction pooling: every database of the
 * server is reachable through it under its own name. It runs from the distribution's package ({@code pgbouncer} on
 * the {@code PATH} or in an {@code sbin} directory), as the server user when the tests run as root, with a
 * generated configuration in a directory of its own; {@link #close()} stops it and deletes that directory.
 *
 * <p>When PgBouncer is not installed, {@link #inFrontOf} throws: the test that asked fails, it does not skip.
 */
public final class PgBouncer implements AutoCloseable {

    private static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));
    private static final long START_TIMEOUT_MILLIS = 20_000;
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final int START_ATTEMPTS = 3;
    private static final int POOL_SIZE = 5;

    private final PostgresServer server;
    private final Path directory;
    private final Process process;
    private final int port;
    private final Thread stopAtExit;
    private boolean stopped;

    private PgBouncer(PostgresServer server, Path directory, Process process, int port) {
        this.server = server;
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.stopAtExit = new Thread(this::stop, "colsync-pgbouncer-stop-" + port);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts PgBouncer in transaction pooling in front of {@code server}. */
    public static PgBouncer inFrontOf(PostgresServer server) {
        Path executable = executable().orElseThrow(() -> new IllegalStateException("pgbouncer is not installed:"
                + " it was found neither on the PATH nor in " + SBIN + ". Install the distribution's package"
                + " (Debian and Ubuntu: apt-get install pgbouncer); the tests through a connection pooler need it"));
        ServerUser user = ServerUser.current();
        Path directory;
        try {
            directory = Files.createTempDirectory("colsync-pgbouncer-");
            user.handOver(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for PgBouncer", e);
        }
        try {
            return startOnFreePort(server, executable, user, directory);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(directory);
            throw e;
        }
    }

    /**
     * A JDBC URL for {@code database} through this PgBouncer, as its users write one: {@code prepareThreshold=0},
     * since named server-side statements do not survive transaction pooling.
     */
    public String jdbcUrl(TestDatabase database) {
        JdbcUrl address = server.address();
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + encode(database.name()) + "?user="
                + encode(address.parameter("user")) + "&prepareThreshold=0";
    }

    /** A new connection to {@code database} through this PgBouncer; the caller closes it. */
    public Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    /** Stops PgBouncer, ending its client and server connections, and deletes its files. Safe to call twice. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting, and the hook stops it
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // runuser passes SIGTERM on, but PgBouncer itself is signalled in case it does not: an immediate shutdown.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Directories.deleteRecursively(directory);
        } catch (UncheckedIOException e) {
            // left behind in the temporary directory; nothing depends on it
        }
    }

    private static PgBouncer startOnFreePort(PostgresServer server, Path executable, ServerUser user,
            Path directory) {
        for (int attempt = 1; ; attempt++) {
            int port = FreePort.onLoopback();
            Path log = directory.resolve("pgbouncer-" + port + ".log");
            Process process = launch(executable, user, writeConfiguration(server, user, directory, port), log);
            String failure = awaitListening(process, port);
            if (failure == null) {
                return new PgBouncer(server, directory, process, port);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            String printed = read(log);
            if (attempt < START_ATTEMPTS && printed.contains("Address already in use")) {
                continue;
            }
            throw new IllegalStateException("PgBouncer did not start: " + failure + "\n--- its output ---\n" + printed);
        }
    }

    private static Path writeConfiguration(PostgresServer server, ServerUser user, Path directory, int port) {
        JdbcUrl address = server.address();
        String configuration = String.join("\n",
                "[databases]",
                "* = host=" + quote(address.host().replaceAll("^\\[|]$", "")) + " port=" + address.port()
                        + " user=" + quote(address.parameter("user"))
                        + " password=" + quote(address.parameter("password")),
                "",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                // Every database logs in as the server's user, so the client's name and password need no checking.
                "auth_type = any",
                "pool_mode = transaction",
                "default_pool_size = " + POOL_SIZE,
                "max_client_conn = 200",
                "server_tls_sslmode = disable",
                // pgjdbc sends it at connect; PgBouncer refuses startup parameters it does not know otherwise.
                "ignore_startup_parameters = extra_float_digits",
                "log_connections = 0",
                "log_disconnections = 0",
                "");
        Path file = directory.resolve("pgbouncer-" + port + ".ini");
        try {
            Files.writeString(file, configuration, StandardCharsets.UTF_8);
            user.handOver(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PgBouncer configuration " + file, e);
        }
        return file;
    }

    private static Process launch(Path executable, ServerUser user, Path configuration, Path log) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), configuration.toString()));
        try {
            return new ProcessBuilder(user.command(command))
                    .directory(configuration.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + executable, e);
        }
    }

    /** Null once PgBouncer accepts connections on {@code port}; otherwise what went wrong. */
    private static String awaitListening(Process process, int port) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "it exited with status " + process.exitValue();
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return null;
            } catch (IOException notYet) {
                sleep();
            }
        }
        return "it did not listen on port " + port + " within " + START_TIMEOUT_MILLIS + " ms";
    }

    private static Optional<Path> executable() {
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty()) {
                directories.add(Path.of(entry));
            }
        }
        directories.addAll(SBIN);
        return directories.stream().map(d -> d.resolve("pgbouncer")).filter(Files::isExecutable).findFirst();
    }

    /** A value of a libpq-style connection string: quoted, with quotes and backslashes escaped. */
    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PgBouncer started", e);
        }
    }

    @Override
    public String toString() {
        return "PgBouncer on port " + port + " in front of " + server;
    }
}
