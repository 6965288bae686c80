package dev.colsync.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ScriptRunner against a recording stand-in for a JDBC connection (no database). */
class ScriptRunnerTest {

  @Test
  void aTransactionalScriptRunsStatementByStatementAndCommitsOnce() throws SQLException {
    FakeConnection fake = new FakeConnection(true, null);

    ScriptRunner.run(fake.connection(), "SET LOCAL lock_timeout = '2s';\nDO $$ BEGIN NULL; END $$;\n");

    assertThat(fake.log).containsExactly(
        "autoCommit=false",
        "execute SET LOCAL lock_timeout = '2s'",
        "execute DO $$ BEGIN NULL; END $$",
        "commit",
        "autoCommit=true");
  }

  @Test
  void aFailingStatementRollsTheWholeScriptBack() {
    FakeConnection fake = new FakeConnection(true, "ALTER TABLE t");

    assertThatThrownBy(() -> ScriptRunner.run(fake.connection(), "SELECT 1;\nALTER TABLE t ADD x int;\nSELECT 2;\n"))
        .isInstanceOf(SQLException.class);

    assertThat(fake.log).containsExactly(
        "autoCommit=false", "execute SELECT 1", "execute ALTER TABLE t ADD x int", "rollback", "autoCommit=true");
  }

  @Test
  void aNoTransactionScriptRunsInAutocommitAndRestoresTheCallersMode() throws SQLException {
    FakeConnection fake = new FakeConnection(false, null);

    ScriptRunner.run(fake.connection(),
        SqlScript.NO_TRANSACTION_MARKER + "\nSET statement_timeout = 0;\nCALL p(d => 'up');\n");

    assertThat(fake.log).containsExactly(
        "autoCommit=true",
        "execute " + SqlScript.NO_TRANSACTION_MARKER + "\nSET statement_timeout = 0",
        "execute CALL p(d => 'up')",
        "autoCommit=false");
  }

  @Test
  void aScriptThatDoesNotLexRunsNothing() {
    FakeConnection fake = new FakeConnection(true, null);

    assertThatThrownBy(() -> ScriptRunner.run(fake.connection(), "SELECT 'unterminated;"))
        .isInstanceOf(SqlSyntaxException.class);

    assertThat(fake.log).noneMatch(entry -> entry.startsWith("execute")).doesNotContain("commit");
  }

  /** Records autocommit changes, statements, commits and rollbacks; fails a statement starting with a prefix. */
  private static final class FakeConnection {
    final List<String> log = new ArrayList<>();
    private boolean autoCommit;
    private final String failOn;

    FakeConnection(boolean autoCommit, String failOn) {
      this.autoCommit = autoCommit;
      this.failOn = failOn;
    }

    Connection connection() {
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> switch (method.getName()) {
            case "getAutoCommit" -> autoCommit;
            case "setAutoCommit" -> {
              autoCommit = (Boolean) args[0];
              log.add("autoCommit=" + autoCommit);
              yield null;
            }
            case "commit", "rollback" -> {
              log.add(method.getName());
              yield null;
            }
            case "createStatement" -> statement();
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }

    private Statement statement() {
      return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
          (proxy, method, args) -> switch (method.getName()) {
            case "execute" -> {
              String sql = (String) args[0];
              log.add("execute " + sql);
              if (failOn != null && sql.startsWith(failOn)) {
                throw new SQLException("boom: " + sql);
              }
              yield false;
            }
            case "getWarnings" -> null;
            case "close" -> null;
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }
  }
}
