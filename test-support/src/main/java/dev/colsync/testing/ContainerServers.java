package dev.colsync.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Servers in Testcontainers {@code postgres:<major>} containers, when a Docker engine answers. */
final class ContainerServers {

    private ContainerServers() {
    }

    /** Whether a Docker engine answers; never throws, whatever is (not) installed. */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static PostgresServer start(int majorVersion) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse("postgres:" + majorVersion))
                .withCommand("postgres",
                        "-c", "fsync=off",
                        "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off",
                        "-c", "max_connections=200");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "colsync-pg-stop-" + majorVersion));
        return PostgresServer.at(JdbcUrl.of(container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(), container.getUsername(), container.getPassword()));
    }
}
