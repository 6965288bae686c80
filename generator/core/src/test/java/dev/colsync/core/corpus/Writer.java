package dev.colsync.core.corpus;

import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application version writing on its own connection, in its own thread, while enabled: inserts
 * through the change's template, updates of its column on rows it owns, and updates of another column.
 * Every statement autocommits; a statement that succeeded is an acknowledged write, entered in the
 * ledger. A failed statement is counted, never retried.
 */
final class Writer implements Runnable {
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<!:):(n|value|column)\\b");
  private static final int KEPT_ERRORS = 10;

  private final AppVersion version;
  private final Connection connection;
  private final CorpusChange change;
  private final String column;
  private final String type;
  private final List<String> key;
  private final List<List<String>> owned;
  private final Ledger ledger;
  private final AtomicLong numbers;
  private final Random random;
  private final ReentrantLock busy = new ReentrantLock();
  private final List<String> errors = new ArrayList<>();
  private volatile boolean enabled;
  private volatile boolean stopped;
  private volatile long writes;
  private long failures;

  Writer(AppVersion version, Connection connection, CorpusChange change, String column, String type,
      List<String> key, List<List<String>> owned, Ledger ledger, AtomicLong numbers, long seed) {
    this.version = version;
    this.connection = connection;
    this.change = change;
    this.column = column;
    this.type = type;
    this.key = key;
    this.owned = new ArrayList<>(owned);
    this.ledger = ledger;
    this.numbers = numbers;
    this.random = new Random(seed);
  }

  AppVersion version() {
    return version;
  }

  long writes() {
    return writes;
  }

  boolean isEnabled() {
    return enabled;
  }

  /** Enables or disables writing; once this returns disabled, no statement of this writer is running. */
  void enable(boolean on) {
    enabled = on;
    if (!on) {
      busy.lock();
      busy.unlock();
    }
  }

  void stop() {
    stopped = true;
  }

  synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  synchronized long failures() {
    return failures;
  }

  @Override
  public void run() {
    while (!stopped) {
      busy.lock();
      try {
        if (enabled) {
          writeOnce();
        }
      } finally {
        busy.unlock();
      }
      pause();
    }
  }

  private void writeOnce() {
    int kind = random.nextInt(10);
    Optional<Values> values = values();
    String sql = null;
    try {
      if (kind < 3 && change.insert().isPresent() || owned.isEmpty()) {
        if (change.insert().isEmpty()) {
          return;
        }
        sql = insert();
      } else if (kind < 8 && values.isPresent() && !key.contains(change.column())) {
        String value = values.get().next(random);
        List<String> row = owned.get(random.nextInt(owned.size()));
        sql = "UPDATE " + table() + " SET " + quote(column) + " = CAST(? AS " + type + ") WHERE " + keyMatch();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          statement.setString(1, value);
          bindKey(statement, 2, row);
          if (statement.executeUpdate() == 1) {
            ledger.wrote(row, version, value);
          }
        }
      } else if (change.touch().isPresent()) {
        List<String> row = owned.get(random.nextInt(owned.size()));
        sql = "UPDATE " + table() + " SET " + quote(change.touch().get()) + " = " + quote(change.touch().get())
            + " WHERE " + keyMatch();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          bindKey(statement, 1, row);
          statement.executeUpdate();
        }
      } else {
        return;
      }
      writes++;
    } catch (SQLException e) {
      synchronized (this) {
        failures++;
        if (errors.size() < KEPT_ERRORS) {
          errors.add(version + ": " + e.getMessage() + " [" + sql + "]");
        }
      }
    }
  }

  private String insert() throws SQLException {
    String template = change.insert().orElseThrow();
    long n = numbers.incrementAndGet();
    String value = values().map(v -> v.next(random)).orElse(null);
    List<String> order = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder sql = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement = switch (name) {
        case "column" -> quote(column);
        case "value" -> "CAST(? AS " + type + ")";
        default -> "?";
      };
      if (!name.equals("column")) {
        order.add(name);
      }
      matcher.appendReplacement(sql, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(sql);
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < order.size(); i++) {
        if (order.get(i).equals("n")) {
          statement.setLong(i + 1, n);
        } else {
          statement.setString(i + 1, value);
        }
      }
      try (ResultSet returned = statement.executeQuery()) {
        if (!returned.next()) {
          throw new SQLException("the insert template returned no key");
        }
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= key.size(); i++) {
          row.add(returned.getString(i));
        }
        owned.add(row);
        ledger.wrote(row, version, template.contains(":value") ? value : null);
      }
    }
    return sql.toString();
  }

  private Optional<Values> values() {
    return version == AppVersion.OLD ? change.oldValues() : change.newValues();
  }

  private String table() {
    return quote(change.schema()) + "." + quote(change.table());
  }

  private String keyMatch() {
    StringBuilder match = new StringBuilder();
    for (String part : key) {
      match.append(match.length() == 0 ? "" : " AND ").append(quote(part)).append("::text = ?");
    }
    return match.toString();
  }

  private static void bindKey(PreparedStatement statement, int first, List<String> row) throws SQLException {
    for (int i = 0; i < row.size(); i++) {
      statement.setString(first + i, row.get(i));
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
