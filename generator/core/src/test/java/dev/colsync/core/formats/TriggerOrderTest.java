package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
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
 * The sync triggers fire after the table's own BEFORE triggers, so they copy the row as those leave it: an
 * {@code updated_at} trigger that writes the old column (its function handles both columns, as the refusal
 * advises) no longer leaves the new column behind.
 */
class TriggerOrderTest {
  @EachPostgres
  void theSyncSeesWhatAnUpdatedAtTriggerWrote(PostgresServer server, @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.events (id bigint PRIMARY KEY, note text, updated_at timestamptz)");
      statement.execute("CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
          + " NEW.updated_at := timestamptz '2000-01-01 00:00:00+00' + NEW.id * interval '1 day'"
          + " + pg_catalog.length(coalesce(NEW.note, '')) * interval '1 second'; RETURN NEW; END $$");
      statement.execute("CREATE TRIGGER touch BEFORE INSERT OR UPDATE ON public.events FOR EACH ROW"
          + " EXECUTE FUNCTION public.touch()");
      statement.execute("INSERT INTO public.events (id, note) SELECT g, 'n' FROM generate_series(1, 100) AS g");
      MigrationSpec spec = new SpecLoader().load("events.yaml", "migration: events_modified_at\ntable: public.events\n"
          + "primaryKey: [id]\nrename: { from: updated_at, to: modified_at, type: timestamp with time zone }\n");
      new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
      PsqlScripts scripts = new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
      scripts.runPhase("expand");
      scripts.runPhase("backfill");

      statement.execute("UPDATE public.events SET note = 'longer note' WHERE id <= 50");
      statement.execute("INSERT INTO public.events (id, note) VALUES (101, 'new')");

      assertThat(number(statement, "SELECT count(*) FROM public.events WHERE modified_at IS DISTINCT FROM updated_at"))
          .isZero();
      assertThat(number(statement, "SELECT count(*) FROM public.events WHERE modified_at IS NULL")).isZero();
      try (ResultSet order = statement.executeQuery("SELECT string_agg(tgname, ',' ORDER BY tgname COLLATE \"C\")"
          + " FROM pg_trigger WHERE tgrelid = 'public.events'::regclass AND NOT tgisinternal")) {
        order.next();
        assertThat(order.getString(1)).isEqualTo(
            "touch,~colsync_events_modified_at_new_written,~colsync_events_modified_at_sync");
      }
    }
  }

  private static long number(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
