package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class TestDatabaseTest {

    @EachPostgres
    void databasesAreIsolatedFromEachOther(PostgresServer server) throws SQLException {
        try (TestDatabase first = server.newDatabase();
             TestDatabase second = server.newDatabase();
             Connection toFirst = first.connect();
             Connection toSecond = second.connect();
             Statement inFirst = toFirst.createStatement();
             Statement inSecond = toSecond.createStatement()) {
            inFirst.execute("CREATE TABLE customer (id int)");

            assertThat(first.name()).isNotEqualTo(second.name());
            assertThat(single(inFirst, "SELECT current_database()")).isEqualTo(first.name());
            assertThat(single(inSecond, "SELECT current_database()")).isEqualTo(second.name());
            assertThat(single(inSecond, "SELECT count(*) FROM pg_class WHERE relname = 'customer'")).isEqualTo("0");
        }
    }

    @EachPostgres
    void closeDropsTheDatabaseEvenWhileConnectionsAreOpen(PostgresServer server) throws SQLException {
        TestDatabase database = server.newDatabase();
        try (Connection stillOpen = database.connect()) {
            assertThat(exists(server, database.name())).isTrue();

            database.close();

            assertThat(exists(server, database.name())).isFalse();
            assertThatThrownBy(() -> stillOpen.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
        }
        database.close();
    }

    @EachPostgres
    void newDatabasesAreEmptyUtf8Databases(PostgresServer server) throws SQLException {
        try (TestDatabase database = server.newDatabase();
             Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo("UTF8");
            assertThat(single(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
        }
    }

    @EachPostgres
    void knowsItsServerAndUrl(PostgresServer server) {
        try (TestDatabase database = server.newDatabase()) {
            assertThat(database.server()).isSameAs(server);
            assertThat(database.jdbcUrl()).isEqualTo(server.jdbcUrl(database.name()));
            assertThat(database.name()).matches("[a-z0-9_]+").hasSizeLessThan(64);
        }
    }

    private static boolean exists(PostgresServer server, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
