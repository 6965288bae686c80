package dev.colsync.runtime.flag;

import static dev.colsync.runtime.flag.JdbcFlagSourceTest.millisUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PgBouncer;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;

/**
 * Through PgBouncer in transaction pooling, LISTEN cannot work: the session it registers on goes back to the pool
 * after the statement. A source asked to listen sees that it is behind a pooler, polls instead, and a change made
 * directly on the server is read through PgBouncer within the staleness bound.
 */
class JdbcFlagSourceThroughPgBouncerTest {
  private static final String MIGRATION = "users_full_name";

  @EachPostgres
  void throughTransactionPoolingItPollsAndKeepsTheStalenessBound(PostgresServer server) throws Exception {
    Duration staleness = Duration.ofMillis(1000);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        PgBouncer pgBouncer = PgBouncer.inFrontOf(server)) {
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.OLD);
      try (JdbcFlagSource flags = JdbcFlagSource.builder(() -> pgBouncer.connect(database))
          .maxStaleness(staleness).listen(true).build()) {
        assertThat(flags.isFresh()).isTrue();
        assertThat(flags.isListening()).as("listening through PgBouncer").isFalse();
        for (ReadPath next : new ReadPath[] {ReadPath.SHADOW, ReadPath.NEW, ReadPath.SHADOW}) {
          JdbcFlagStore.write(admin, MIGRATION, next);
          long seenAfter = millisUntil(flags, next, 10_000);
          assertThat(seenAfter).as("switch to %s", next).isLessThanOrEqualTo(staleness.toMillis());
          System.out.printf("on %s through PgBouncer, %s was read %d ms after it was written%n", server, next,
              seenAfter);
        }
        assertThat(flags.failures()).isZero();
      }
      try (JdbcFlagSource direct = JdbcFlagSource.builder(database::connect).listen(true).build()) {
        assertThat(direct.isListening()).as("listening on a direct connection").isTrue();
      }
    }
  }
}
