package dev.colsync.testing;

import java.util.function.Supplier;

/** A server started on first use and then shared; a failed start is remembered, so later tests fail fast. */
final class LazyServer {

    private final String description;
    private final Supplier<PostgresServer> starter;
    private PostgresServer server;
    private RuntimeException failure;

    LazyServer(String description, Supplier<PostgresServer> starter) {
        this.description = description;
        this.starter = starter;
    }

    synchronized PostgresServer get() {
        if (server != null) {
            return server;
        }
        if (failure != null) {
            throw new IllegalStateException(description + " failed to start earlier in this JVM", failure);
        }
        try {
            server = starter.get();
            return server;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    synchronized boolean attempted() {
        return server != null || failure != null;
    }
}
