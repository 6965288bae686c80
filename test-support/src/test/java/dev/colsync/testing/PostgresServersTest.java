package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class PostgresServersTest {

    @EachPostgres
    void serverReportsTheMajorVersionItClaims(PostgresServer server) throws SQLException {
        int versionNum = Integer.parseInt(setting(server, "server_version_num"));

        assertThat(versionNum / 10000).isEqualTo(server.majorVersion());
        assertThat(server.version()).startsWith(server.majorVersion() + ".");
    }

    @EachPostgres
    void testIsNamedAfterTheServer(PostgresServer server, TestInfo test) {
        assertThat(test.getDisplayName()).isEqualTo(server.toString()).matches("PostgreSQL \\d+\\.\\d+");
    }

    @EachPostgres
    void serversWeStartAreTunedForTests(PostgresServer server) throws SQLException {
        if (PostgresServers.source() == ServerSource.EXTERNAL) {
            // Whoever runs that server configures it; it just has to answer.
            assertThat(setting(server, "server_version_num")).isNotBlank();
            return;
        }
        assertThat(setting(server, "max_connections")).isEqualTo("200");
        assertThat(setting(server, "fsync")).isEqualTo("off");
        assertThat(setting(server, "synchronous_commit")).isEqualTo("off");
        assertThat(setting(server, "full_page_writes")).isEqualTo("off");
    }

    @Test
    void thereIsAServerForEveryConfiguredVersion() {
        List<String> configured = ConfiguredVersions.fromSystemProperties();
        List<PostgresServer> servers = PostgresServers.all();

        switch (PostgresServers.source()) {
            case EXTERNAL:
                assertThat(servers).hasSize(1);
                break;
            case CONTAINERS:
                assertThat(servers).extracting(PostgresServer::majorVersion)
                        .containsExactlyElementsOf(configured.stream().map(ConfiguredVersions::major).distinct().toList());
                break;
            case EMBEDDED:
                assertThat(servers).hasSameSizeAs(configured);
                for (int i = 0; i < servers.size(); i++) {
                    // Binaries 18.3.0 hold PostgreSQL 18.3.
                    assertThat(configured.get(i)).startsWith(servers.get(i).version() + ".");
                }
                break;
            default:
                throw new AssertionError(PostgresServers.source());
        }
    }

    @Test
    void serversAreSharedWithinTheJvm() {
        assertThat(PostgresServers.any()).isSameAs(PostgresServers.all().get(0));
        assertThat(PostgresServers.all()).containsExactlyElementsOf(PostgresServers.all());
    }

    @Test
    void printsAsProductAndVersion() {
        PostgresServer server = PostgresServers.any();

        assertThat(server).hasToString("PostgreSQL " + server.version());
    }

    @Test
    void aServerGivenByUrlReadsItsVersionFromTheServer() {
        // What COLSYNC_TEST_PG_URL leads to, pointed at a server we have.
        PostgresServer running = PostgresServers.any();

        PostgresServer byUrl = PostgresServer.at(JdbcUrl.parse(running.jdbcUrl("postgres")));

        assertThat(byUrl.version()).isEqualTo(running.version());
        assertThat(byUrl.majorVersion()).isEqualTo(running.majorVersion());
    }

    private static String setting(PostgresServer server, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            row.next();
            return row.getString(1);
        }
    }
}
