package dev.colsync.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where one backend's time goes, by sampling {@code pg_stat_activity} every few milliseconds from a
 * connection of its own: running (on CPU, or at least not waiting on anything PostgreSQL names), waiting
 * for a lock (a row lock: {@code transactionid}, {@code tuple}), another wait ({@code LWLock}, {@code IO}),
 * or idle in its transaction (the client's turn: JDBC round trips between the statements of a batch).
 * Samples where the backend is idle outside a transaction — between batches — are not counted. The
 * sampling connection is to the server's {@code postgres} database (pg_stat_activity shows the whole
 * server), so that the backfill's throttle, which counts the active sessions of its own database, does
 * not take the profiler for application load.
 */
final class WaitProfile implements AutoCloseable {
  static final String ROW_LOCK = "row lock wait";
  private static final long INTERVAL_MILLIS = 5;

  private final Connection connection;
  private final String applicationName;
  private final Thread thread;
  private final Map<String, Integer> samples = new TreeMap<>();
  private volatile boolean stopped;

  private WaitProfile(String jdbcUrl, String applicationName) throws SQLException {
    this.connection = DriverManager.getConnection(inMaintenanceDatabase(jdbcUrl));
    this.applicationName = applicationName;
    this.thread = new Thread(this::sample, "wait-profile");
    this.thread.setDaemon(true);
  }

  /** Starts sampling the backend(s) whose {@code application_name} is {@code applicationName}. */
  static WaitProfile start(String jdbcUrl, String applicationName) throws SQLException {
    WaitProfile profile = new WaitProfile(jdbcUrl, applicationName);
    profile.thread.start();
    return profile;
  }

  /** {@code jdbc:postgresql://host:port/postgres?…} for {@code jdbc:postgresql://host:port/any?…}. */
  static String inMaintenanceDatabase(String jdbcUrl) {
    return jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1postgres");
  }

  /** How many samples fell in each category. */
  synchronized Map<String, Integer> samples() {
    return Map.copyOf(samples);
  }

  /** The share, 0–1, of counted samples in {@code category}; 0 when nothing was counted. */
  synchronized double share(String category) {
    int total = samples.values().stream().mapToInt(Integer::intValue).sum();
    return total == 0 ? 0 : samples.getOrDefault(category, 0) / (double) total;
  }

  /** "running 61 %, row lock 12 %, …, of 4321 samples every 5 ms". */
  synchronized String summary() {
    int total = samples.values().stream().mapToInt(Integer::intValue).sum();
    String shares = samples.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / total))
        .collect(Collectors.joining(", "));
    return shares + " of " + total + " samples every " + INTERVAL_MILLIS + " ms";
  }

  private void sample() {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT state, wait_event_type, wait_event FROM pg_catalog.pg_stat_activity WHERE application_name = ?")) {
      query.setString(1, applicationName);
      while (!stopped) {
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            category(rows.getString(1), rows.getString(2), rows.getString(3)).ifPresent(this::count);
          }
        }
        Thread.sleep(INTERVAL_MILLIS);
      }
    } catch (SQLException | InterruptedException e) {
      // the profile only adds detail; the benchmark reports its own failures
    }
  }

  static Optional<String> category(String state, String waitType, String waitEvent) {
    if (state == null || state.equals("idle")) {
      return Optional.empty();
    }
    if (state.startsWith("idle in transaction")) {
      return Optional.of("client round trips");
    }
    if (waitType == null) {
      return Optional.of("running");
    }
    if (waitType.equals("Lock")) {
      return Optional.of(waitEvent.equals("transactionid") || waitEvent.equals("tuple")
          ? ROW_LOCK : "lock wait (" + waitEvent + ")");
    }
    return Optional.of(waitType + " wait");
  }

  private synchronized void count(String category) {
    samples.merge(category, 1, Integer::sum);
  }

  @Override
  public void close() throws SQLException {
    stopped = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
