package dev.colsync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A running PostgreSQL server that tests may create databases on. Obtain one from {@link PostgresServers}. */
public final class PostgresServer {

    private final JdbcUrl address;
    private final String version;
    private final int majorVersion;

    private PostgresServer(JdbcUrl address, String version, int majorVersion) {
        this.address = address;
        this.version = version;
        this.majorVersion = majorVersion;
    }

    /** Connects to the server at {@code address} and reads its version. */
    static PostgresServer at(JdbcUrl address) {
        try (Connection connection = DriverManager.getConnection(address.maintenanceUrl());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
            row.next();
            // Packaged builds append their own text, e.g. "18.3 (Debian 18.3-1.pgdg120+1)".
            String version = row.getString(1).split(" ", 2)[0];
            return new PostgresServer(address, version, row.getInt(2) / 10000);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to PostgreSQL at " + address.withoutCredentials(), e);
        }
    }

    /** The major version, e.g. 18. */
    public int majorVersion() {
        return majorVersion;
    }

    /** The version the server reports, e.g. "18.3". */
    public String version() {
        return version;
    }

    JdbcUrl address() {
        return address;
    }

    /** A JDBC URL for {@code database} on this server, credentials included: {@code DriverManager.getConnection(url)} works. */
    public String jdbcUrl(String database) {
        return address.forDatabase(database);
    }

    /**
     * Creates a new, empty database with a unique name (from template0, UTF8). Closing the returned
     * {@link TestDatabase} drops it, closing its open connections.
     */
    public TestDatabase newDatabase() {
        String name = TestDatabase.uniqueName();
        execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0 ENCODING 'UTF8'");
        return new TestDatabase(this, name);
    }

    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(address.maintenanceUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(this + ": " + sql + " failed", e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** "PostgreSQL 18.3": test display names use it. */
    @Override
    public String toString() {
        return "PostgreSQL " + version;
    }
}
