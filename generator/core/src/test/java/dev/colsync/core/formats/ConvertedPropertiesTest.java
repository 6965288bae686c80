package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
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
 * The old column's properties on a type change: a collation stays behind when the new type takes none, and
 * a default that up cannot convert stops expand before anything changes (not every insert after contract).
 */
class ConvertedPropertiesTest {
  @EachPostgres
  void aCollationStaysBehindAndAConvertibleDefaultIsCarried(PostgresServer server, @TempDir Path output)
      throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.codes (id bigint PRIMARY KEY, code text COLLATE \"C\" DEFAULT '7')");
      statement.execute("INSERT INTO public.codes SELECT g, g::text FROM generate_series(1, 20) AS g");
      MigrationSpec spec = LiveSpecs.retype(connection, "codes", "code", "code_number", "integer", "code::integer",
          "code_number::text");

      Psql.Result expand = scripts(spec, database, output).run("expand-add-column");

      assertThat(expand.succeeded()).as(expand.output()).isTrue();
      try (ResultSet type = statement.executeQuery("SELECT format_type(atttypid, atttypmod), attcollation"
          + " FROM pg_attribute WHERE attrelid = 'public.codes'::regclass AND attname = 'code_number'")) {
        type.next();
        assertThat(type.getString(1)).isEqualTo("integer");
        assertThat(type.getLong(2)).isZero();
      }
    }
  }

  @EachPostgres
  void aDefaultUpCannotConvertStopsExpand(PostgresServer server, @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.codes (id bigint PRIMARY KEY, code text DEFAULT 'unknown')");
      statement.execute("INSERT INTO public.codes SELECT g, g::text FROM generate_series(1, 20) AS g");
      MigrationSpec spec = LiveSpecs.retype(connection, "codes", "code", "code_number", "integer", "code::integer",
          "code_number::text");

      Psql.Result expand = scripts(spec, database, output).run("expand-add-column");

      assertThat(expand.succeeded()).isFalse();
      assertThat(expand.output()).contains("the old column's default, converted by up for the new column, cannot be"
          + " computed", "invalid input syntax for type integer");
      try (ResultSet columns = statement.executeQuery("SELECT string_agg(attname, ',' ORDER BY attnum) FROM"
          + " pg_attribute WHERE attrelid = 'public.codes'::regclass AND attnum > 0")) {
        columns.next();
        assertThat(columns.getString(1)).isEqualTo("id,code");
      }
    }
  }

  private static PsqlScripts scripts(MigrationSpec spec, TestDatabase database, Path output) throws Exception {
    new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
    return new PsqlScripts(Psql.onPath(), database, output.resolve(spec.migration()));
  }
}
