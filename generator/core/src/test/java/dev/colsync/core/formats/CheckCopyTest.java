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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CHECK over a column whose type changes: when up computes another value (dollars to cents) the copy
 * checks down(new), so it means what the original means; when the copy cannot be made over the new type
 * ({@code length()} of an integer), expand refuses before it changes anything, not validate midway.
 */
class CheckCopyTest {
  @EachPostgres
  void aCheckOverAConvertedValueKeepsItsMeaning(PostgresServer server, @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL,"
          + " CONSTRAINT orders_amount_check CHECK (amount >= 0 AND amount < 1000))");
      statement.execute("INSERT INTO public.orders SELECT g, g * 1.5 FROM generate_series(1, 100) AS g");
      PsqlScripts scripts = plain(connection, database, output, "amount", "amount_cents", "bigint",
          "round(amount * 100)::bigint", "amount_cents / 100.0");
      for (String phase : List.of("expand", "backfill", "validate")) {
        scripts.runPhase(phase);
      }
      JdbcFlagStore.write(connection, "orders_amount_cents", ReadPath.NEW);
      scripts.runPhase("contract");

      assertThat(text(statement, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_amount_check'"))
          .contains("amount_cents", "100.0", "1000");
      statement.execute("INSERT INTO public.orders VALUES (1000, 99999)");
      assertThat(fails(statement, "INSERT INTO public.orders VALUES (1001, 100000)")).isTrue();
    }
  }

  @EachPostgres
  void aCheckThatCannotHoldOverTheNewTypeStopsExpand(PostgresServer server, @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.codes (id bigint PRIMARY KEY, code text NOT NULL,"
          + " CONSTRAINT codes_code_check CHECK (length(code) > 1))");
      statement.execute("INSERT INTO public.codes SELECT g, (g + 10)::text FROM generate_series(1, 50) AS g");
      MigrationSpec spec = spec(connection, "codes", "code", "code_number", "integer", "code::integer",
          "code_number::text");
      new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
      PsqlScripts scripts = new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));

      Psql.Result expand = scripts.run("expand-add-column");

      assertThat(expand.succeeded()).isFalse();
      assertThat(expand.output()).contains("the copy of CHECK codes_code_check over the new column cannot be made",
          "length(integer) does not exist");
      assertThat(text(statement, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
          + " WHERE attrelid = 'public.codes'::regclass AND attnum > 0")).isEqualTo("id,code");
    }
  }

  private static PsqlScripts plain(Connection connection, TestDatabase database, Path output, String column,
      String toColumn, String toType, String up, String down) throws Exception {
    MigrationSpec spec = spec(connection, "orders", column, toColumn, toType, up, down);
    new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
    return new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
  }

  private static MigrationSpec spec(Connection connection, String table, String column, String toColumn,
      String toType, String up, String down) throws Exception {
    return LiveSpecs.retype(connection, table, column, toColumn, toType, up, down);
  }

  private static boolean fails(Statement statement, String sql) {
    try {
      statement.execute(sql);
      return false;
    } catch (SQLException expected) {
      return true;
    }
  }

  private static String text(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }
}
