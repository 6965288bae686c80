package dev.colsync.runtime.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** The server's WARNINGs reach the hooks, its NOTICEs do not. */
class ScriptRunnerWarningsTest {

  @EachPostgres
  void theHooksHearEveryWarningOfTheScriptAndNoNotice(PostgresServer server) throws Exception {
    List<String> warnings = new ArrayList<>();
    ScriptRunner.Hooks hooks = new ScriptRunner.Hooks() {
      @Override
      public void warning(String message) {
        warnings.add(message);
      }
    };
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      ScriptRunner.run(connection, "DO $$ BEGIN RAISE NOTICE 'just so'; RAISE WARNING 'first'; END $$;\n"
          + "DO $$ BEGIN RAISE WARNING 'second'; END $$;\n", hooks);
    }
    assertThat(warnings).containsExactly("first", "second");
  }
}
