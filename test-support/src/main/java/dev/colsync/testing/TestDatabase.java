package dev.colsync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A database of its own for one test; {@link #close()} drops it. Obtain one from {@link PostgresServer#newDatabase()}. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Unique across JVMs, since several may share one server. */
    static String uniqueName() {
        return "colsync_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public String name() {
        return name;
    }

    /** JDBC URL of this database, credentials included. */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    public PostgresServer server() {
        return server;
    }

    /** Drops the database, ending any connections still open to it. Closing twice is harmless. */
    @Override
    public void close() {
        server.dropDatabase(name);
    }

    @Override
    public String toString() {
        return name + " on " + server;
    }
}
