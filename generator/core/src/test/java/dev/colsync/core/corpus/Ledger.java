package dev.colsync.core.corpus;

import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last acknowledged write of each row. Each row is written by one version only (the one that owns
 * or inserted it), so after contract the row must exist and hold that write, converted by {@code up}
 * when the old version wrote it.
 */
final class Ledger {
  /** A write: who wrote, and the value as text, or {@code null} when only the row's existence counts. */
  record Write(AppVersion version, String value) {}

  private final Map<List<String>, Write> last = new ConcurrentHashMap<>();

  void wrote(List<String> key, AppVersion version, String value) {
    last.put(List.copyOf(key), new Write(version, value));
  }

  int size() {
    return last.size();
  }

  /**
   * The rows that do not hold their last write, described; {@code expected} gives the text the final
   * column must show for a write.
   */
  List<String> lost(Connection connection, CorpusChange change, List<String> key, String finalColumn,
      Expectation expected) throws SQLException {
    StringBuilder match = new StringBuilder();
    for (String part : key) {
      match.append(match.length() == 0 ? "" : " AND ").append(quote(part)).append("::text = ?");
    }
    String sql = "SELECT " + quote(finalColumn) + "::text FROM " + quote(change.schema()) + "." + quote(change.table())
        + " WHERE " + match;
    List<String> lost = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (Map.Entry<List<String>, Write> entry : last.entrySet()) {
        for (int i = 0; i < key.size(); i++) {
          select.setString(i + 1, entry.getKey().get(i));
        }
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            lost.add(entry.getKey() + " written by " + entry.getValue().version() + ": row missing");
            continue;
          }
          Write write = entry.getValue();
          if (write.value() == null || change.writtenByTrigger()) {
            continue;
          }
          String want = expected.of(write);
          String actual = row.getString(1);
          if (!java.util.Objects.equals(want, actual)) {
            lost.add(entry.getKey() + " written by " + write.version() + " as " + write.value() + ": holds " + actual
                + ", expected " + want);
          }
        }
      }
    }
    return lost;
  }

  /** The text a final column shows for a write. */
  @FunctionalInterface
  interface Expectation {
    String of(Write write) throws SQLException;
  }
}
