package dev.colsync.testing;

import java.util.List;

/** The PostgreSQL servers of this test JVM; see the package documentation for where they come from. */
public final class PostgresServers {

    private static ServerPool pool;

    private PostgresServers() {
    }

    /**
     * One running server per configured version, or the single server that {@code COLSYNC_TEST_PG_URL} names.
     * Starts whichever are not running yet. Usable as {@code @MethodSource("dev.colsync.testing.PostgresServers#all")}.
     *
     * @throws IllegalStateException when a server cannot be had; the test that asked fails
     */
    public static List<PostgresServer> all() {
        return pool().all();
    }

    /** The first of {@link #all()}, starting only that one: for tests that need a server but not every version. */
    public static PostgresServer any() {
        return pool().first();
    }

    /** Where this JVM's servers come from. */
    static ServerSource source() {
        return pool().source();
    }

    /** Discovery (which may ask Docker) waits until a test needs a server, and is not cached when it fails. */
    private static synchronized ServerPool pool() {
        if (pool == null) {
            pool = ServerPool.discover();
        }
        return pool;
    }
}
