package dev.colsync.cli;

import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.runtime.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs what expand checks against a live database and rolls it back: the table as the spec says, a new
 * column that is absent or this migration's own, and what up and down bind to. Nothing lasting changes.
 */
final class LiveCheck {
  /** What the database said: its notices, and the refusal when it refused. */
  record Outcome(List<String> notices, String refusal) {
    boolean passed() {
      return refusal == null;
    }
  }

  private final Generator generator = new Generator();

  Outcome run(Connection connection, MigrationSpec spec) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    List<String> notices = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (String sql : SqlScript.statements(generator.liveCheck(spec))) {
        statement.execute(sql);
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
          notices.add(warning.getMessage());
        }
        statement.clearWarnings();
      }
      return new Outcome(notices, null);
    } catch (SQLException refused) {
      if (refused.getSQLState() != null && refused.getSQLState().startsWith("08")) {
        throw refused;
      }
      return new Outcome(notices, refused.getMessage().lines()
          .filter(line -> !line.strip().startsWith("Where:")).collect(Collectors.joining(System.lineSeparator())));
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }
}
