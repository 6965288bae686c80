package dev.colsync.runtime.flag;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Tells the database, with a heartbeat, which read path this running instance uses for each migration it
 * knows, in {@code colsync.instances}. Contract refuses while a live instance reports anything but NEW.
 *
 * <p>Every instance also reports itself, under the empty migration name with read path
 * OLD: a version that does not know a migration reads and writes the old column only. Contract counts such an
 * instance when another live instance of the same application reports the migration: version N-1 of an
 * application, built before the migration existed, holds contract back for as long as it runs, while other
 * applications that share the database do not.
 *
 * <p>Each report holds until {@code expires_at}, three heartbeats ahead, so an instance that stops without
 * closing (killed, its host lost) stops counting after that. {@link #close()} deletes its reports at once.
 * A failed heartbeat is logged and tried again at the next; the application is never held up by it.
 */
public final class InstanceReporter implements AutoCloseable {
  /** Where the reports are. */
  public static final String TABLE = "colsync.instances";

  /** The migration name of an instance's report of itself: it reads OLD for every migration it does not know. */
  public static final String ANY_OTHER_MIGRATION = "";

  /** The table, for whoever creates colsync's schema (the runner) and for an instance that may. */
  public static final String TABLE_DDL = """
      CREATE TABLE IF NOT EXISTS colsync.instances (
        instance text NOT NULL,
        migration text NOT NULL,
        application text NOT NULL,
        host text NOT NULL,
        pid bigint NOT NULL,
        read_path text NOT NULL CHECK (read_path IN ('OLD', 'SHADOW', 'NEW')),
        started_at timestamptz NOT NULL,
        seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (instance, migration)
      )""";

  private static final System.Logger LOG = System.getLogger(InstanceReporter.class.getName());
  private static final String UPSERT = "INSERT INTO colsync.instances AS i (instance, migration, application, host,"
      + " pid, read_path, started_at, seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, pg_catalog.now(),"
      + " pg_catalog.now() + ?::interval) ON CONFLICT (instance, migration) DO UPDATE SET read_path ="
      + " EXCLUDED.read_path, seen_at = EXCLUDED.seen_at, expires_at = EXCLUDED.expires_at";

  private final ConnectionFactory connections;
  private final String instance;
  private final String application;
  private final String host;
  private final long pid = ProcessHandle.current().pid();
  private final java.sql.Timestamp startedAt = new java.sql.Timestamp(System.currentTimeMillis());
  private final Map<String, Supplier<ReadPath>> migrations;
  private final Duration interval;
  private final Thread heartbeat;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch firstBeat = new CountDownLatch(1);
  private volatile boolean failing;

  private InstanceReporter(Builder builder) {
    this.connections = builder.connections;
    this.application = builder.application;
    this.host = hostName();
    this.instance = builder.instance != null ? builder.instance
        : application + "@" + host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Supplier<ReadPath>> reports = new LinkedHashMap<>(builder.migrations);
    reports.put(ANY_OTHER_MIGRATION, () -> ReadPath.OLD);
    this.migrations = Map.copyOf(reports);
    this.interval = builder.interval;
    this.heartbeat = new Thread(this::beatUntilClosed, "colsync-instance-heartbeat");
    this.heartbeat.setDaemon(true);
  }

  /** A reporter whose heartbeats use connections from {@code connections}, one per heartbeat. */
  public static Builder builder(ConnectionFactory connections) {
    return new Builder(connections);
  }

  /** This instance's name in {@code colsync.instances}. */
  public String instance() {
    return instance;
  }

  /** Waits, up to {@code timeout}, for the first heartbeat to be tried; true when it has been. */
  public boolean awaitFirstHeartbeat(Duration timeout) throws InterruptedException {
    return firstBeat.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the heartbeat and deletes this instance's reports. */
  @Override
  public void close() {
    stopped.countDown();
    heartbeat.interrupt();
    try {
      heartbeat.join(interval.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Connection connection = connections.connect();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM colsync.instances WHERE instance = ?")) {
      delete.setString(1, instance);
      delete.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "colsync: could not delete the reports of instance " + instance + "; they expire by"
          + " themselves: " + firstLine(e));
    }
  }

  private void beatUntilClosed() {
    do {
      beat();
      firstBeat.countDown();
    } while (!waitForNextBeat());
  }

  /** Sleeps one interval; true when closed meanwhile. */
  private boolean waitForNextBeat() {
    try {
      return stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }

  private void beat() {
    try (Connection connection = connections.connect()) {
      connection.setAutoCommit(true);
      createTable(connection);
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
        for (Map.Entry<String, Supplier<ReadPath>> migration : migrations.entrySet()) {
          upsert.setString(1, instance);
          upsert.setString(2, migration.getKey());
          upsert.setString(3, application);
          upsert.setString(4, host);
          upsert.setLong(5, pid);
          upsert.setString(6, migration.getValue().get().name());
          upsert.setTimestamp(7, startedAt);
          upsert.setString(8, interval.multipliedBy(3).toMillis() + " milliseconds");
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      if (failing) {
        LOG.log(Level.INFO, "colsync: instance " + instance + " reports its read paths again");
      }
      failing = false;
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "colsync: instance " + instance + " could not report its read paths (contract"
            + " cannot see it; grant it INSERT, UPDATE, DELETE on " + TABLE + "): " + firstLine(e));
      }
      failing = true;
    }
  }

  /** Creates schema {@code colsync} and the reports table where they are missing. */
  public static void createTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var exists = statement.executeQuery("SELECT pg_catalog.to_regclass('colsync.instances') IS NOT NULL")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        createSerialized(connection, statement);
      }
    }
  }

  /** Creates schema and table under the lock colsync's runner takes for its schema, so creators do not collide. */
  private static void createSerialized(Connection connection, Statement statement) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      statement.execute("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('colsync state schema',"
          + " 0))");
      statement.execute("DO $colsync$ BEGIN IF pg_catalog.to_regnamespace('colsync') IS NULL THEN CREATE SCHEMA colsync;"
          + " END IF; END $colsync$");
      statement.execute(TABLE_DDL);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown host";
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** What the reporter reports, and how often. */
  public static final class Builder {
    private final ConnectionFactory connections;
    private final Map<String, Supplier<ReadPath>> migrations = new LinkedHashMap<>();
    private String application = "java";
    private String instance;
    private Duration interval = Duration.ofSeconds(10);

    private Builder(ConnectionFactory connections) {
      this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** The application's name, shown with its reports (default {@code java}). */
    public Builder application(String application) {
      this.application = Objects.requireNonNull(application, "application");
      return this;
    }

    /** This instance's name (default: application@host:pid:random), unique among running instances. */
    public Builder instance(String instance) {
      this.instance = Objects.requireNonNull(instance, "instance");
      return this;
    }

    /** How often to report (default 10 s); a report counts for three intervals. */
    public Builder interval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive");
      }
      this.interval = interval;
      return this;
    }

    /** Reports, for {@code migration}, the read path {@code flags} gives this instance at each heartbeat. */
    public Builder reading(String migration, FlagSource flags) {
      Objects.requireNonNull(flags, "flags");
      requireName(migration);
      migrations.put(migration, () -> flags.readPath(migration));
      return this;
    }

    /**
     * Reports a fixed read path for {@code migration}: {@link ReadPath#OLD} for a version that maps only the old
     * column (N-1), {@link ReadPath#NEW} for one that maps only the new column.
     */
    public Builder reading(String migration, ReadPath path) {
      Objects.requireNonNull(path, "path");
      requireName(migration);
      migrations.put(migration, () -> path);
      return this;
    }

    private static void requireName(String migration) {
      if (migration == null || migration.isEmpty()) {
        throw new IllegalArgumentException("a migration's name must not be empty");
      }
    }

    /**
     * Starts the heartbeat: the first report is made at once, on the reporter's own thread. With no migration
     * given, the instance reports only itself (OLD for every migration).
     */
    public InstanceReporter start() {
      InstanceReporter reporter = new InstanceReporter(this);
      reporter.heartbeat.start();
      return reporter;
    }
  }
}
