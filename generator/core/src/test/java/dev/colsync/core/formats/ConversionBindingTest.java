package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.StepFailedException;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} and {@code down} are bound once, when expand creates their functions, and expand checks what
 * they bound: an operator planted by another role before expand is refused by psql, Flyway and the
 * executor alike; one planted after expand captures neither the trigger nor the backfill; a function that
 * is not declared IMMUTABLE or STABLE is refused until it is.
 */
class ConversionBindingTest {
  private static final String ITEMS = "CREATE TABLE public.items (id bigint PRIMARY KEY, amount numeric(12,2))";
  private static final String SEED = "INSERT INTO public.items SELECT g, g * 1.25 FROM generate_series(1, 500) AS g";
  private static final String ROLE = "colsync_planter";
  private static final String CORRECT = "(pg_catalog.round(amount OPERATOR(pg_catalog.*) 100::numeric))::bigint";

  @EachPostgres
  void anOperatorPlantedBeforeExpandIsRefusedWhoeverRunsIt(PostgresServer server, @TempDir Path output)
      throws Exception {
    MigrationSpec spec = cents("round(amount * 100)::bigint");
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, ITEMS);
      execute(connection, SEED);
      plantDecoy(connection);
      String refusal = "operator public.*(numeric,integer) belongs to role " + ROLE;

      Psql.Result psql = plain(spec, output.resolve("plain"), database).run("expand-add-column");
      assertThat(psql.succeeded()).isFalse();
      assertThat(psql.output()).contains("expand refused, up or down is not a safe function of its column", refusal);

      new OutputWriter().write(output.resolve("flyway"), new Generator().files(List.of(spec), OutputFormat.FLYWAY));
      assertThatThrownBy(() -> Flyway.configure().dataSource(database.jdbcUrl(), null, null)
          .locations("filesystem:" + output.resolve("flyway").toAbsolutePath()).baselineOnMigrate(true)
          .baselineVersion("0").load().migrate()).isInstanceOf(FlywayException.class).hasMessageContaining(refusal);

      assertThatThrownBy(() -> executor(spec, database).apply("expand")).isInstanceOf(StepFailedException.class)
          .hasMessageContaining(refusal);

      assertThat(number(connection, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'public.items'::regclass"
          + " AND attname = 'amount_cents'")).isZero();
      assertThat(number(connection, "SELECT count(*) FROM pg_proc WHERE proname LIKE 'colsync%'")).isZero();
    }
  }

  @EachPostgres
  void anOperatorPlantedAfterExpandCapturesNeitherTheTriggerNorTheBackfill(PostgresServer server,
      @TempDir Path output) throws Exception {
    MigrationSpec spec = cents("round(amount * 100)::bigint");
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, ITEMS);
      execute(connection, SEED);
      MigrationExecutor executor = executor(spec, database);
      executor.apply("expand");
      plantDecoy(connection);

      executor.apply("backfill");
      execute(connection, "INSERT INTO public.items (id, amount) VALUES (1000, 7.5)");
      assertThat(number(connection, "SELECT count(*) FROM public.items WHERE amount_cents IS DISTINCT FROM " + CORRECT))
          .isZero();

      execute(connection, "UPDATE public.items SET amount_cents = NULL WHERE id <= 100");
      PsqlScripts scripts = plain(spec, output, database);
      execute(connection, "DROP TABLE public." + new Generator().plan(spec).names().backfillState());
      scripts.runPhase("backfill");
      assertThat(number(connection, "SELECT count(*) FROM public.items WHERE amount_cents IS DISTINCT FROM " + CORRECT))
          .isZero();
    }
  }

  @EachPostgres
  void aFunctionNotDeclaredImmutableOrStableIsRefusedUntilItIs(PostgresServer server, @TempDir Path output)
      throws Exception {
    MigrationSpec spec = cents("public.to_cents(amount)");
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      execute(connection, ITEMS);
      execute(connection, SEED);
      execute(connection, "CREATE FUNCTION public.to_cents(numeric) RETURNS bigint LANGUAGE sql"
          + " RETURN pg_catalog.round($1 OPERATOR(pg_catalog.*) 100::numeric)");
      PsqlScripts scripts = plain(spec, output, database);

      Psql.Result volatileUp = scripts.run("expand-add-column");
      assertThat(volatileUp.succeeded()).isFalse();
      assertThat(volatileUp.output()).contains("function public.to_cents(numeric) is volatile");

      execute(connection, "ALTER FUNCTION public.to_cents(numeric) IMMUTABLE");
      Psql.Result immutableUp = scripts.run("expand-add-column");
      assertThat(immutableUp.succeeded()).as(immutableUp.output()).isTrue();
    }
  }

  private static void plantDecoy(Connection connection) throws Exception {
    execute(connection, "DO $$ BEGIN CREATE ROLE " + ROLE + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    execute(connection, "GRANT CREATE ON SCHEMA public TO " + ROLE);
    execute(connection, "SET ROLE " + ROLE);
    execute(connection, "CREATE FUNCTION public.planted(numeric, integer) RETURNS numeric LANGUAGE sql IMMUTABLE"
        + " RETURN 0");
    execute(connection, "CREATE OPERATOR public.* (LEFTARG = numeric, RIGHTARG = integer, FUNCTION = public.planted)");
    execute(connection, "RESET ROLE");
  }

  private static MigrationSpec cents(String up) throws Exception {
    return new SpecLoader().load("items_cents.yaml", "migration: items_cents\ntable: public.items\n"
        + "primaryKey: [id]\nflyway: { version: \"1\" }\n"
        + "retype:\n  from: { column: amount, type: \"numeric(12,2)\" }\n  to: { column: amount_cents, type: bigint }\n"
        + "  up: \"" + up + "\"\n  down: \"amount_cents / 100.0\"\n");
  }

  private static MigrationExecutor executor(MigrationSpec spec, TestDatabase database) {
    return new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), ExecutionPlans.of(new Generator().plan(spec)),
        ExecutionSettings.defaults(), new ExecutionListener() {});
  }

  private static PsqlScripts plain(MigrationSpec spec, Path output, TestDatabase database) throws Exception {
    new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
    return new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long number(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
