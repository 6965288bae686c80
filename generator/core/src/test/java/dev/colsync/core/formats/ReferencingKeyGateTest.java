package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract drops another table's foreign key on the old column before it drops the column; that drop is
 * gated as the column's is, so a contract run too early keeps the key, and run again after contract it
 * leaves the new column's key (which then carries the name) alone.
 */
class ReferencingKeyGateTest {
  private static final String KEY = "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
      + " WHERE conrelid = 'public.notes'::regclass AND conname = 'notes_item_code_fkey'";

  @EachPostgres
  void aContractRunTooEarlyKeepsTheKeyAndARunAfterContractKeepsTheNewOne(PostgresServer server,
      @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.items (id bigint PRIMARY KEY, code text NOT NULL UNIQUE)");
      statement.execute("CREATE TABLE public.notes (id bigint PRIMARY KEY, item_code text REFERENCES public.items (code))");
      statement.execute("INSERT INTO public.items SELECT g, 'c' || g FROM generate_series(1, 50) AS g");
      statement.execute("INSERT INTO public.notes SELECT g, 'c' || g FROM generate_series(1, 50) AS g");
      MigrationSpec spec = LiveSpecs.rename(connection, "items", "code", "ref");
      new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
      PsqlScripts scripts = new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
      for (String phase : List.of("expand", "backfill", "indexes", "validate")) {
        scripts.runPhase(phase);
      }
      assertThat(scripts.run("contract-check-convergence").succeeded()).isTrue();

      Psql.Result early = scripts.run("contract-drop-old-referencing-key-1");
      assertThat(early.succeeded()).isFalse();
      assertThat(early.output()).contains("contract refused: the read-path flag is not set (OLD), not NEW");
      assertThat(text(statement, KEY)).isEqualTo("FOREIGN KEY (item_code) REFERENCES items(code)");

      JdbcFlagStore.write(connection, spec.migration(), ReadPath.NEW);
      scripts.runPhase("contract");
      assertThat(text(statement, KEY)).isEqualTo("FOREIGN KEY (item_code) REFERENCES items(ref)");

      Psql.Result again = scripts.run("contract-drop-old-referencing-key-1");
      assertThat(again.succeeded()).as(again.output()).isTrue();
      assertThat(again.output()).contains("contract has run already");
      assertThat(text(statement, KEY)).isEqualTo("FOREIGN KEY (item_code) REFERENCES items(ref)");
    }
  }

  private static String text(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }
}
