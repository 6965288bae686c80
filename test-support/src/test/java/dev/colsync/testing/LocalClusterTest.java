package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded cluster itself, whichever source the other tests use; CI runs this as root. */
class LocalClusterTest {

    private static Path binaries;
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        binaries = TestBinaries.extracted();
        cluster = LocalCluster.start(binaries, ServerUser.current());
    }

    @AfterAll
    static void stopCluster() {
        cluster.stop();
    }

    @Test
    void serverRunsAsNobodyWhenTheJvmIsRootAndAsTheJvmUserOtherwise() throws Exception {
        int backendUid;
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl().maintenanceUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            // Read while the connection, and so its backend process, is still there.
            backendUid = uidOf(Path.of("/proc", Integer.toString(row.getInt(1))));
        }

        int expected = ServerUser.current().isRoot()
                ? Integer.parseInt(Command.run(List.of("id", "-u", ServerUser.UNPRIVILEGED), Path.of("/"), Duration.ofSeconds(10)).trim())
                : uidOf(Path.of("/proc/self"));
        assertThat(backendUid).isEqualTo(expected);
        assertThat(ServerUser.current().isRoot()).isEqualTo(uidOf(Path.of("/proc/self")) == 0);
    }

    @Test
    void clusterLivesUnderTmpWithItsSocketThere() throws Exception {
        assertThat(cluster.directory()).startsWith(Path.of("/tmp"));
        assertThat(query(cluster, "SHOW unix_socket_directories")).isEqualTo(cluster.directory().resolve("sockets").toString());
        assertThat(query(cluster, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
    }

    @Test
    void stopEndsTheServerAndDeletesItsFiles() throws Exception {
        LocalCluster doomed = LocalCluster.start(binaries, ServerUser.current());
        assertThat(query(doomed, "SELECT 1")).isEqualTo("1");

        doomed.stop();

        assertThat(doomed.directory()).doesNotExist();
        assertThatThrownBy(() -> query(doomed, "SELECT 1")).isInstanceOf(SQLException.class);
        doomed.stop();
    }

    @Test
    void aServerThatWillNotStartIsReportedWithItsLog() {
        Map<String, String> settings = new HashMap<>(LocalCluster.TEST_SETTINGS);
        settings.put("shared_preload_libraries", "'colsync_no_such_library'");

        assertThatThrownBy(() -> LocalCluster.start(binaries, ServerUser.current(), settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("last lines of the server log")
                .hasMessageContaining("colsync_no_such_library");
    }

    private static int uidOf(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static String query(LocalCluster cluster, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl().maintenanceUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
