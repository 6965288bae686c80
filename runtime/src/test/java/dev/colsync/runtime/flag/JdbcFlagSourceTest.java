package dev.colsync.runtime.flag;

import static dev.colsync.runtime.flag.JdbcFlagStoreTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JdbcFlagSourceTest {
  private static final String MIGRATION = "users_full_name";

  @EachPostgres
  void theFirstLoadHappensBeforeBuildReturns(PostgresServer server) throws SQLException {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.SHADOW);

      try (JdbcFlagSource flags = JdbcFlagSource.builder(database::connect).build()) {
        assertThat(flags.isFresh()).isTrue();
        assertThat(flags.readPath(MIGRATION)).isEqualTo(ReadPath.SHADOW);
        assertThat(flags.readPath("other")).isEqualTo(ReadPath.OLD);
        assertThat(Allocations.bytesAllocatedBy(() -> flags.readPath(MIGRATION))).as("bytes allocated by reads")
            .isLessThan(Allocations.NEARLY_NOTHING);
      }
    }
  }

  @EachPostgres
  void withoutATableEverythingReadsOldAndTheTableIsPickedUpOnceCreated(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect();
        JdbcFlagSource flags = JdbcFlagSource.builder(database::connect).maxStaleness(Duration.ofMillis(400)).build()) {
      assertThat(flags.isFresh()).isTrue();
      assertThat(flags.readPath(MIGRATION)).isEqualTo(ReadPath.OLD);

      JdbcFlagStore.write(admin, MIGRATION, ReadPath.NEW);

      assertThat(millisUntil(flags, ReadPath.NEW, 5000)).isLessThanOrEqualTo(400);
    }
  }

  @EachPostgres
  void pollingSeesAChangeWithinTheStalenessBound(PostgresServer server) throws Exception {
    Duration staleness = Duration.ofMillis(600);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.OLD);
      try (JdbcFlagSource flags = JdbcFlagSource.builder(database::connect).maxStaleness(staleness).build()) {
        for (ReadPath next : new ReadPath[] {ReadPath.SHADOW, ReadPath.NEW, ReadPath.SHADOW}) {
          JdbcFlagStore.write(admin, MIGRATION, next);
          assertThat(millisUntil(flags, next, 5000)).as("switch to %s", next).isLessThanOrEqualTo(staleness.toMillis());
        }
      }
    }
  }

  @EachPostgres
  void listeningSeesAChangeAtOnceThoughTheBoundIsLong(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.OLD);
      try (JdbcFlagSource flags = JdbcFlagSource.builder(database::connect)
          .maxStaleness(Duration.ofMinutes(2)).listen(true).build()) {
        for (ReadPath next : new ReadPath[] {ReadPath.SHADOW, ReadPath.NEW}) {
          JdbcFlagStore.write(admin, MIGRATION, next);
          // A poll would come after a minute; a notification arrives in milliseconds.
          assertThat(millisUntil(flags, next, 10_000)).as("switch to %s", next).isLessThan(2000);
        }
      }
    }
  }

  @EachPostgres
  void afterTheConnectionIsKilledItReconnectsAndReadsEverythingAgain(PostgresServer server) throws Exception {
    String applicationName = "colsync_flags_" + System.nanoTime();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.SHADOW);
      try (JdbcFlagSource flags = JdbcFlagSource.builder(() -> connect(database, applicationName))
          .maxStaleness(Duration.ofMinutes(2)).listen(true).build()) {
        assertThat(flags.readPath(MIGRATION)).isEqualTo(ReadPath.SHADOW);

        execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
            + applicationName + "'");
        // Changed while the source has no connection: only the full reload after reconnecting can see it.
        JdbcFlagStore.write(admin, MIGRATION, ReadPath.NEW);

        assertThat(millisUntil(flags, ReadPath.NEW, 10_000)).isLessThan(5000);
        assertThat(flags.isFresh()).isTrue();
      }
    }
  }

  @EachPostgres
  void whenReloadsFailForLongerThanTheBoundEverythingReadsOld(PostgresServer server) throws Exception {
    String applicationName = "colsync_flags_" + System.nanoTime();
    AtomicBoolean reachable = new AtomicBoolean(true);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.NEW);
      try (JdbcFlagSource flags = JdbcFlagSource.builder(() -> {
        if (!reachable.get()) {
          throw new SQLException("unreachable (test)");
        }
        return connect(database, applicationName);
      }).maxStaleness(Duration.ofMillis(500)).build()) {
        assertThat(flags.readPath(MIGRATION)).isEqualTo(ReadPath.NEW);

        reachable.set(false);
        execute(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
            + applicationName + "'");

        assertThat(millisUntil(flags, ReadPath.OLD, 5000)).isLessThanOrEqualTo(500);
        assertThat(flags.isFresh()).isFalse();

        reachable.set(true);
        assertThat(millisUntil(flags, ReadPath.NEW, 5000)).isLessThan(2000);
      }
    }
  }

  @Test
  void aDatabaseThatIsNeverReachedReadsOld() {
    try (JdbcFlagSource flags = JdbcFlagSource.builder(() -> {
      throw new SQLException("unreachable (test)");
    }).timeout(Duration.ofMillis(200)).build()) {
      assertThat(flags.isFresh()).isFalse();
      assertThat(flags.readPath(MIGRATION)).isEqualTo(ReadPath.OLD);
    }
  }

  @EachPostgres
  void closingStopsTheRefreshThreadAndItsConnection(PostgresServer server) throws Exception {
    String applicationName = "colsync_flags_" + System.nanoTime();
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      JdbcFlagSource flags = JdbcFlagSource.builder(() -> connect(database, applicationName))
          .maxStaleness(Duration.ofMinutes(2)).listen(true).build();
      String sessions = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + applicationName + "'";
      assertThat(JdbcFlagStoreTest.query(admin, sessions)).containsExactly("1");

      long started = System.nanoTime();
      flags.close();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("colsync-read-path-flags"));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!JdbcFlagStoreTest.query(admin, sessions).equals(java.util.List.of("0")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(JdbcFlagStoreTest.query(admin, sessions)).containsExactly("0");
    }
  }

  @EachPostgres
  void aRoleWithoutTheGrantsIsToldLoudlyAndRecoversOnceGranted(PostgresServer server) throws Exception {
    String role = "colsync_reader_without_grants";
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(JdbcFlagSource.class.getName());
    java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      JdbcFlagStore.write(admin, MIGRATION, ReadPath.SHADOW);
      execute(admin, "DO $$ BEGIN CREATE ROLE " + role + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
      execute(admin, "REVOKE ALL ON SCHEMA colsync FROM " + role);
      io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
      try (JdbcFlagSource flags = JdbcFlagSource.builder(() -> {
        Connection connection = database.connect();
        execute(connection, "SET ROLE " + role);
        return connection;
      }).maxStaleness(Duration.ofMillis(300)).build()) {
        dev.colsync.runtime.shim.MicrometerReadPathObserver.monitor(flags, registry);

        assertThat(flags.readPath(MIGRATION)).isEqualTo(ReadPath.OLD);
        assertThat(flags.isFresh()).isFalse();
        assertThat(flags.lastFailure()).hasValueSatisfying(failure -> assertThat(failure)
            .contains("this role cannot read colsync.read_path_flags", "GRANT USAGE ON SCHEMA colsync TO <role>"));
        assertThat(registry.get(dev.colsync.runtime.shim.MicrometerReadPathObserver.FLAGS_FRESH).gauge().value())
            .isZero();
        assertThat(registry.get(dev.colsync.runtime.shim.MicrometerReadPathObserver.FLAG_RELOAD_FAILURES)
            .functionCounter().count()).isPositive();
        assertThat(records).anySatisfy(record -> {
          assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
          assertThat(record.getMessage()).contains("GRANT SELECT ON colsync.read_path_flags TO <role>");
        });

        execute(admin, "GRANT USAGE ON SCHEMA colsync TO " + role);
        execute(admin, "GRANT SELECT ON colsync.read_path_flags TO " + role);
        assertThat(millisUntil(flags, ReadPath.SHADOW, 5000)).isLessThan(5000);
        assertThat(flags.isFresh()).isTrue();
        assertThat(flags.lastFailure()).isEmpty();
      }
    } finally {
      logger.removeHandler(handler);
    }
  }

  private static Connection connect(TestDatabase database, String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(database.jdbcUrl(), properties);
  }

  /** How long until {@code flags} reads {@code expected}, polling every millisecond; fails after {@code limitMillis}. */
  static long millisUntil(FlagSource flags, ReadPath expected, long limitMillis) throws InterruptedException {
    long started = System.nanoTime();
    while (flags.readPath(MIGRATION) != expected) {
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      if (elapsed > limitMillis) {
        throw new AssertionError("still " + flags.readPath(MIGRATION) + " after " + elapsed + " ms; expected " + expected);
      }
      Thread.sleep(1);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }
}
