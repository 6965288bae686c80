package dev.colsync.testing;

import java.util.ArrayList;
import java.util.List;

/** The servers of one test JVM: where they come from, decided once, and each started on first use. */
final class ServerPool {

    static final String URL_VARIABLE = "COLSYNC_TEST_PG_URL";

    private final ServerSource source;
    private final List<LazyServer> servers;

    private ServerPool(ServerSource source, List<LazyServer> servers) {
        this.source = source;
        this.servers = servers;
    }

    static ServerPool discover() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new ServerPool(ServerSource.EXTERNAL, List.of(new LazyServer(
                    "The server " + URL_VARIABLE + " names", () -> PostgresServer.at(JdbcUrl.parse(url.trim())))));
        }
        List<String> versions = ConfiguredVersions.fromSystemProperties();
        if (ContainerServers.dockerAvailable()) {
            return new ServerPool(ServerSource.CONTAINERS, versions.stream()
                    .map(ConfiguredVersions::major)
                    .distinct()
                    .map(major -> new LazyServer("The postgres:" + major + " container", () -> ContainerServers.start(major)))
                    .toList());
        }
        return new ServerPool(ServerSource.EMBEDDED, versions.stream()
                .map(version -> new LazyServer("Embedded PostgreSQL " + version, () -> startEmbedded(version)))
                .toList());
    }

    private static PostgresServer startEmbedded(String version) {
        try {
            return EmbeddedServers.start(version);
        } catch (RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL " + version + " for tests: " + URL_VARIABLE
                    + " is not set, no Docker engine answered, and the embedded server did not start: " + e.getMessage(), e);
        }
    }

    ServerSource source() {
        return source;
    }

    PostgresServer first() {
        return servers.get(0).get();
    }

    /** Every server, starting those not yet started side by side, since each start mostly waits. */
    List<PostgresServer> all() {
        List<Thread> starters = new ArrayList<>();
        for (LazyServer server : servers) {
            if (!server.attempted()) {
                starters.add(new Thread(() -> startQuietly(server), "colsync-pg-start"));
            }
        }
        if (starters.size() > 1) {
            starters.forEach(Thread::start);
            for (Thread starter : starters) {
                joinUninterruptibly(starter);
            }
        }
        return servers.stream().map(LazyServer::get).toList();
    }

    private static void startQuietly(LazyServer server) {
        try {
            server.get();
        } catch (RuntimeException e) {
            // Remembered by the LazyServer and thrown again, on the test's thread, by all().
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
