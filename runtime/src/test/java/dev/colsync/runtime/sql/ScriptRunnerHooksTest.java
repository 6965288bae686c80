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

/** The hooks ScriptRunner calls around a script's statements, against a recording stand-in connection. */
class ScriptRunnerHooksTest {
  private final List<String> log = new ArrayList<>();
  private boolean autoCommit = true;

  private final ScriptRunner.Hooks recording = new ScriptRunner.Hooks() {
    @Override
    public void beforeStatement(Connection connection, String statement) {
      log.add("before " + statement + (autoCommit ? " (autocommit)" : ""));
    }

    @Override
    public void afterStatements(Connection connection) {
      log.add("after" + (autoCommit ? " (autocommit)" : ""));
    }
  };

  @Test
  void inATransactionalScriptTheHooksRunInItsTransaction() throws SQLException {
    ScriptRunner.run(connection(), "SELECT 1;\nSELECT 2;\n", recording);

    assertThat(log).containsExactly("autoCommit=false", "before SELECT 1", "execute SELECT 1", "before SELECT 2",
        "execute SELECT 2", "after", "commit", "autoCommit=true");
  }

  @Test
  void afterANoTransactionScriptTheLastHookHasATransactionOfItsOwn() throws SQLException {
    ScriptRunner.run(connection(), SqlScript.NO_TRANSACTION_MARKER + "\nSELECT 1;\n", recording);

    assertThat(log).containsExactly("autoCommit=true", "before " + SqlScript.NO_TRANSACTION_MARKER
            + "\nSELECT 1 (autocommit)", "execute " + SqlScript.NO_TRANSACTION_MARKER + "\nSELECT 1",
        "autoCommit=false", "after", "commit", "autoCommit=true");
  }

  @Test
  void aFailingLastHookRollsTheScriptBack() {
    ScriptRunner.Hooks failing = new ScriptRunner.Hooks() {
      @Override
      public void afterStatements(Connection connection) throws SQLException {
        throw new SQLException("refused");
      }
    };

    assertThatThrownBy(() -> ScriptRunner.run(connection(), "SELECT 1;\n", failing)).hasMessage("refused");
    assertThat(log).containsExactly("autoCommit=false", "execute SELECT 1", "rollback", "autoCommit=true");
  }

  private Connection connection() {
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
            log.add("execute " + args[0]);
            yield false;
          }
          case "getWarnings" -> null;
          case "close" -> null;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
