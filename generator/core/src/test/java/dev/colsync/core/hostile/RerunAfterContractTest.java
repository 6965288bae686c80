package dev.colsync.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.formats.LiveSpecs;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * After contract, every script of the phases between expand and contract, forward and rollback, run again
 * with psql (with ON_ERROR_STOP) succeeds, says it has nothing to do and changes nothing: a transactional one
 * returns at once, one run statement by statement skips each statement that would change something. No second
 * copy of an index or constraint, no NOT NULL dropped from the live column, no placeholder left behind.
 */
class RerunAfterContractTest {
  @EachPostgres
  void everyScriptBetweenExpandAndContractIsANoOpWithANotice(PostgresServer server, @TempDir Path output)
      throws Exception {
    rerunAfterContract(server, output, "CREATE TABLE public.items (id bigint PRIMARY KEY, code text NOT NULL,"
        + " CONSTRAINT items_code_check CHECK (length(code) > 1));"
        + " CREATE INDEX items_code ON public.items (lower(code));"
        + " INSERT INTO public.items SELECT g, 'c' || g FROM generate_series(1, 50) AS g", 10);
  }

  @EachPostgres
  void soAreThoseOfAPartitionedTable(PostgresServer server, @TempDir Path output) throws Exception {
    rerunAfterContract(server, output, "CREATE TABLE public.items (id bigint, region text, code text,"
        + " PRIMARY KEY (id, region)) PARTITION BY LIST (region);"
        + " CREATE TABLE public.items_eu PARTITION OF public.items FOR VALUES IN ('eu');"
        + " CREATE TABLE public.items_us PARTITION OF public.items FOR VALUES IN ('us');"
        + " CREATE INDEX items_code ON public.items (code);"
        + " INSERT INTO public.items SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, 'c' || g"
        + " FROM generate_series(1, 50) AS g", 6);
  }

  private static void rerunAfterContract(PostgresServer server, Path output, String setUp, int atLeast)
      throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(setUp);
      MigrationSpec spec = LiveSpecs.rename(connection, "items", "code", "ref");
      new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.PLAIN));
      Path scripts = output.resolve(spec.migration());
      Psql psql = Psql.onPath();
      for (Path script : files(scripts)) {
        if (script.getFileName().toString().contains("-contract-")) {
          JdbcFlagStore.write(connection, spec.migration(), ReadPath.NEW);
        }
        assertThat(run(psql, database, script).succeeded()).as(script.toString()).isTrue();
      }
      List<String> contracted = CatalogSnapshot.of(connection, "public", "items");

      List<Path> between = Stream.concat(files(scripts).stream(), rollbacks(scripts).stream())
          .filter(RerunAfterContractTest::betweenExpandAndContract).toList();
      assertThat(between).hasSizeGreaterThanOrEqualTo(atLeast);
      for (Path script : between) {
        Psql.Result again = run(psql, database, script);
        assertThat(again.succeeded()).as("%s: %s", script, again.output()).isTrue();
        assertThat(again.output()).contains("contract has run already", "has nothing to do");
        assertThat(CatalogSnapshot.of(connection, "public", "items")).as(script.toString()).isEqualTo(contracted);
      }
    }
  }

  private static boolean betweenExpandAndContract(Path script) {
    String path = script.toString();
    return !path.contains("/rollback/") && script.getFileName().toString().matches("[0-9]{2}-(backfill|indexes|validate)-.*")
        || path.matches(".*/rollback/(backfill|indexes|validate)/.*");
  }

  private static Psql.Result run(Psql psql, TestDatabase database, Path script) throws Exception {
    boolean noTransaction = Files.readString(script, StandardCharsets.UTF_8).contains("-- colsync:no-transaction");
    return psql.run(database, script, !noTransaction, java.util.Map.of());
  }

  private static List<Path> files(Path directory) throws Exception {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }

  private static List<Path> rollbacks(Path directory) throws Exception {
    try (Stream<Path> entries = Files.walk(directory.resolve("rollback"))) {
      return entries.filter(path -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }
}
