package dev.colsync.runtime.execution;

import static dev.colsync.runtime.execution.Plans.phase;
import static dev.colsync.runtime.execution.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.runtime.sql.ConnectionPooler;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PgBouncer;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * Given a URL through PgBouncer in transaction pooling, the executor refuses at once, before it has changed
 * anything, saying it needs a direct connection; given the server's own address, the same plan runs.
 */
class ThroughPgBouncerTest {
  private static ExecutionPlan plan() {
    return Plans.scripts("pooled", Duration.ofSeconds(2),
        phase("first", List.of(step("add-a", "ALTER TABLE public.items ADD COLUMN IF NOT EXISTS a int;\n")),
            List.of(step("drop-a", "ALTER TABLE public.items DROP COLUMN IF EXISTS a;\n"))));
  }

  @EachPostgres
  void theExecutorRefusesAConnectionThroughTransactionPoolingAtOnce(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        PgBouncer pgBouncer = PgBouncer.inFrontOf(server)) {
      Sql.execute(admin, "CREATE TABLE public.items (id bigint PRIMARY KEY, name text)");
      MigrationExecutor pooled = new MigrationExecutor(ConnectionSource.of(pgBouncer.jdbcUrl(database)), plan(),
          ExecutionSettings.defaults(), new RecordingListener());

      long start = System.nanoTime();
      assertThatThrownBy(() -> pooled.apply("first"))
          .isInstanceOf(ExecutionRefusedException.class)
          .hasMessageStartingWith("the executor needs a direct connection to PostgreSQL: the connection was announced"
              + " as backend pid ")
          .hasMessageContaining("so a connection pooler (PgBouncer or the like) sits between. Its one-run-per-migration"
              + " lock and its settings belong to a session, and do not survive transaction pooling; connect it to"
              + " the database server's own host and port");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once").isLessThan(Duration.ofSeconds(2));
      assertThatThrownBy(() -> pooled.rollback("first")).isInstanceOf(ExecutionRefusedException.class)
          .hasMessageStartingWith("the executor needs a direct connection to PostgreSQL");
      assertThat(Sql.text(admin, "SELECT to_regnamespace('colsync')::text")).as("nothing was created").isNull();

      MigrationExecutor direct = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), plan(),
          ExecutionSettings.defaults(), new RecordingListener());
      direct.apply("first");
      assertThat(Sql.text(admin, "SELECT string_agg(attname, ',' ORDER BY attname) FROM pg_attribute"
          + " WHERE attrelid = 'public.items'::regclass AND attnum > 0")).isEqualTo("a,id,name");
    }
  }

  @EachPostgres
  void aPoolerIsToldFromADirectConnection(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); PgBouncer pgBouncer = PgBouncer.inFrontOf(server);
        Connection direct = database.connect(); Connection pooled = pgBouncer.connect(database)) {
      assertThat(ConnectionPooler.evidence(direct)).isEmpty();
      assertThat(ConnectionPooler.evidence(pooled)).hasValueSatisfying(evidence -> assertThat(evidence)
          .startsWith("the connection was announced as backend pid ")
          .endsWith(", so a connection pooler (PgBouncer or the like) sits between"));
      pooled.setAutoCommit(false);
      assertThat(ConnectionPooler.evidence(pooled)).as("inside a transaction too").isPresent();
      pooled.rollback();
    }
  }
}
