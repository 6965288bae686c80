package dev.colsync.runtime.flag;

import dev.colsync.runtime.sql.ConnectionPooler;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Read paths from the flag table ({@link JdbcFlagStore}), cached in memory. A background thread
 * reloads the whole table on a dedicated connection at least twice per staleness bound and, with
 * {@link Builder#listen(boolean) listen}, as soon as a change is notified. LISTEN needs a session of its
 * own, which a connection pooler in transaction pooling (PgBouncer's usual mode) does not give: through a
 * pooler ({@link ConnectionPooler}) the source does not LISTEN and polls at the same rate, so the staleness
 * bound holds all the same.
 *
 * <p>The guarantee: a read at time {@code t} answers from the table as it was at some moment after
 * {@code t - maxStaleness}. When that cannot be kept (the database is unreachable for longer than
 * the bound) every migration reads OLD until a reload succeeds; after a reconnect the whole table
 * is read again, so no change made in between is missed. A read is a volatile read of the cached
 * snapshot and a map look-up: no I/O and no allocation on the caller's thread.
 *
 * <p>Close the source to stop its thread and its connection.
 */
public final class JdbcFlagSource implements FlagSource, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JdbcFlagSource.class.getName());

  /** The cached table and when its reload began (the conservative end of its validity). */
  private record Snapshot(Map<String, ReadPath> paths, long loadedAtNanos) {}

  private final ConnectionFactory connections;
  private final long maxStalenessNanos;
  private final int reloadEveryMillis;
  private final int timeoutMillis;
  private final boolean listen;
  private final Thread refresher;
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private volatile Snapshot snapshot;
  /** The dedicated connection, so that {@link #close()} can abort a wait on it. */
  private volatile Connection current;
  private volatile boolean closed;
  private volatile boolean failing;
  private volatile boolean listening;
  private boolean poolerReported;
  private volatile String lastFailure;
  private final AtomicLong failures = new AtomicLong();

  private JdbcFlagSource(Builder builder) {
    this.connections = builder.connections;
    this.maxStalenessNanos = builder.maxStaleness.toNanos();
    this.reloadEveryMillis = (int) Math.max(1, builder.maxStaleness.toMillis() / 2);
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, builder.timeout.toMillis());
    this.listen = builder.listen;
    // Expired from the start: OLD until the first reload succeeds.
    this.snapshot = new Snapshot(Map.of(), System.nanoTime() - maxStalenessNanos - 1);
    this.refresher = new Thread(this::refreshUntilClosed, "colsync-read-path-flags");
    this.refresher.setDaemon(true);
  }

  /** A source whose dedicated connection comes from {@code connections}. */
  public static Builder builder(ConnectionFactory connections) {
    return new Builder(connections);
  }

  /** A source whose dedicated connection comes from {@code dataSource}; it holds that connection until closed. */
  public static Builder builder(DataSource dataSource) {
    if (dataSource == null) {
      throw new NullPointerException("dataSource");
    }
    return new Builder(dataSource::getConnection);
  }

  @Override
  public ReadPath readPath(String migration) {
    Snapshot current = snapshot;
    if (System.nanoTime() - current.loadedAtNanos > maxStalenessNanos || migration == null) {
      return ReadPath.OLD;
    }
    ReadPath path = current.paths.get(migration);
    return path == null ? ReadPath.OLD : path;
  }

  /** Whether reads are answered from the table (true) or read OLD because the last reload is too old (false). */
  public boolean isFresh() {
    return System.nanoTime() - snapshot.loadedAtNanos <= maxStalenessNanos;
  }

  /**
   * Whether changes are seen as soon as they are notified (true), or only by polling within the staleness
   * bound: without {@link Builder#listen(boolean) listen}, through a connection pooler, or while disconnected.
   */
  public boolean isListening() {
    return listening;
  }

  /** Stops the refresh thread and closes its connection; reads then answer OLD once the bound passes. */
  @Override
  public void close() {
    closed = true;
    refresher.interrupt();
    Connection connection = current;
    if (connection != null) {
      try {
        connection.abort(Runnable::run); // ends a LISTEN wait at once; close() would wait for it
      } catch (SQLException | RuntimeException ignored) {
        // the refresh thread closes it when its wait ends
      }
    }
    try {
      refresher.join(Math.max(1000L, 2L * timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void start() {
    refresher.start();
    try {
      if (!firstAttempt.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
        LOG.log(Level.WARNING, "colsync: the read-path flags were not loaded within {0} ms; reading OLD until they are",
            timeoutMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void refreshUntilClosed() {
    Connection connection = null;
    NotificationWait wait = null;
    while (!closed) {
      try {
        if (connection == null) {
          connection = open();
          current = connection;
          wait = listen ? listenUnlessPooled(connection) : JdbcFlagSource::sleep;
        }
        reload(connection);
        wait.await(reloadEveryMillis);
      } catch (InterruptedException e) {
        break;
      } catch (SQLException | RuntimeException e) {
        closeQuietly(connection);
        connection = null;
        listening = false;
        if (closed) {
          break; // close() aborted the connection
        }
        reportFailure(e);
        firstAttempt.countDown();
        try {
          sleep(Math.min(reloadEveryMillis, 1000));
        } catch (InterruptedException interrupted) {
          break;
        }
      }
    }
    closeQuietly(connection);
  }

  private NotificationWait listenUnlessPooled(Connection connection) throws SQLException {
    Optional<String> pooler = ConnectionPooler.evidence(connection);
    if (pooler.isEmpty()) {
      NotificationWait notifications = PgNotifications.listen(connection);
      listening = true;
      return notifications;
    }
    if (!poolerReported) {
      poolerReported = true;
      LOG.log(Level.INFO, "colsync: not listening for read-path flag changes: " + pooler.get() + ", and LISTEN"
          + " needs a session of its own. The flags are polled every " + reloadEveryMillis + " ms instead (half the"
          + " staleness bound); connect the source directly to PostgreSQL to see changes at once");
    }
    return JdbcFlagSource::sleep;
  }

  private Connection open() throws SQLException {
    Connection connection = connections.connect();
    try {
      connection.setAutoCommit(true);
      try {
        connection.setNetworkTimeout(Runnable::run, timeoutMillis);
      } catch (SQLFeatureNotSupportedException e) {
        // a driver or pool without network timeouts: each query still has its own timeout
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private void reload(Connection connection) throws SQLException {
    long started = System.nanoTime();
    Map<String, ReadPath> paths = JdbcFlagStore.readAll(connection, Math.max(1, (timeoutMillis + 999) / 1000));
    snapshot = new Snapshot(paths, started);
    if (failing) {
      failing = false;
      LOG.log(Level.INFO, "colsync: read-path flags are loaded again");
    }
    firstAttempt.countDown();
  }

  /**
   * Every failed reload counts; the first of a run of failures is logged at ERROR, since from the staleness
   * bound on every migration reads OLD whatever its flag says. A role without the grants is told which.
   */
  private void reportFailure(Exception e) {
    failures.incrementAndGet();
    String state = e instanceof SQLException sql ? sql.getSQLState() : null;
    boolean notAllowed = "42501".equals(state) || "3F000".equals(state) || "42P01".equals(state);
    lastFailure = (notAllowed ? "this role cannot read " + JdbcFlagStore.TABLE + " (" + firstLine(e) + "); grant it"
        + " with: GRANT USAGE ON SCHEMA colsync TO <role>; GRANT SELECT ON " + JdbcFlagStore.TABLE + " TO <role>"
        + " (colsync grant prints them)" : "reading " + JdbcFlagStore.TABLE + " failed: " + firstLine(e));
    if (!failing) {
      failing = true;
      LOG.log(Level.ERROR, "colsync: " + lastFailure + ". The last flags read are used for at most the staleness"
          + " bound, then every migration reads OLD until a reload succeeds");
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** Why the last reload failed (with the grants to give when the role may not read the flags); empty once one succeeds. */
  public Optional<String> lastFailure() {
    return failing ? Optional.ofNullable(lastFailure) : Optional.empty();
  }

  /** Reloads that failed since this source started: for a metric. */
  public long failures() {
    return failures.get();
  }

  private static void sleep(int millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException ignored) {
        // already broken; nothing more to release
      }
    }
  }

  /** Settings of a {@link JdbcFlagSource}; {@link #build()} starts it. */
  public static final class Builder {
    private final ConnectionFactory connections;
    private Duration maxStaleness = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(5);
    private boolean listen;

    private Builder(ConnectionFactory connections) {
      if (connections == null) {
        throw new NullPointerException("connections");
      }
      this.connections = connections;
    }

    /** How old an answer may be (default 5 s); the table is reloaded twice as often. At least 10 ms. */
    public Builder maxStaleness(Duration maxStaleness) {
      if (maxStaleness == null || maxStaleness.toMillis() < 10) {
        throw new IllegalArgumentException("maxStaleness must be at least 10ms: " + maxStaleness);
      }
      this.maxStaleness = maxStaleness;
      return this;
    }

    /**
     * The limit on each network wait and query of the dedicated connection, and on how long
     * {@link #build()} waits for the first load (default 5 s). At least 1 ms.
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.toMillis() < 1) {
        throw new IllegalArgumentException("timeout must be at least 1ms: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Whether to LISTEN on {@value JdbcFlagStore#CHANNEL} so that a change is seen at once rather
     * than within the staleness bound. Needs the PostgreSQL JDBC driver and a direct connection: through a
     * connection pooler the source polls instead (see {@link JdbcFlagSource#isListening()}).
     */
    public Builder listen(boolean listen) {
      this.listen = listen;
      return this;
    }

    /** Starts the source: loads the flags once (waiting at most the timeout), then keeps them fresh. */
    public JdbcFlagSource build() {
      JdbcFlagSource source = new JdbcFlagSource(this);
      source.start();
      return source;
    }
  }
}
