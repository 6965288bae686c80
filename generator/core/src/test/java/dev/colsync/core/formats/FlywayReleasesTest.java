package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that runs Flyway at startup, with migrations of its own, deploys a rename in two releases:
 * release 1's location holds expand only, so its Flyway adds the new column and cannot drop the old one; the
 * backfill runs outside the deploy; an application migration of its own comes in between; release 2 adds
 * contract at a version after it, and Flyway accepts the expand scripts it applied before.
 */
class FlywayReleasesTest {
  private static final String SPEC = """
      migration: users_full_name
      table: public.users
      primaryKey: [id]
      rename: { from: name, to: full_name, type: text }
      flyway: %s
      """;

  @EachPostgres
  void releaseOneCannotDropTheColumnAndReleaseTwoContractsAfterTheApplicationsOwnMigrations(PostgresServer server,
      @TempDir Path directory) throws Exception {
    Path application = Files.createDirectories(directory.resolve("application"));
    Files.writeString(application.resolve("V1__users.sql"), "CREATE TABLE public.users (id bigint PRIMARY KEY,"
        + " name text);\nINSERT INTO public.users SELECT g, 'user ' || g FROM generate_series(1, 300) g;\n");
    MigrationSpec releaseOne = spec("{ version: \"2\" }");
    Path colsyncOne = build(directory.resolve("release-1"), releaseOne);

    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      flyway(database, application, colsyncOne).migrate();
      assertThat(applied(database)).containsExactly("1", "2.01");
      assertThat(columns(statement)).containsExactly("id", "name", "full_name");
      assertThat(count(statement, "SELECT count(*) FROM public.users WHERE name = 'user ' || id")).isEqualTo(300);
      assertThat(count(statement, "SELECT count(*) FROM pg_proc WHERE proname LIKE 'colsync_users_full_name%backfill'"))
          .as("no backfill inside the deploy").isZero();

      Files.writeString(application.resolve("V3__audit.sql"), "CREATE TABLE public.audit (id bigint);\n");
      flyway(database, application, colsyncOne).migrate();
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
          ExecutionPlans.of(new Generator().plan(releaseOne)), ExecutionSettings.defaults(), new ExecutionListener() {});
      assertThat(executor.apply("backfill").complete()).isTrue();
      JdbcFlagStore.write(connection, releaseOne.migration(), ReadPath.NEW);

      MigrationSpec releaseTwo = spec("{ version: \"2\", release: contract, contractVersion: \"4\" }");
      flyway(database, application, build(directory.resolve("release-2"), releaseTwo)).migrate();

      assertThat(applied(database)).containsExactly("1", "2.01", "3", "4.04", "4.05");
      assertThat(columns(statement)).containsExactly("id", "full_name");
      assertThat(count(statement, "SELECT count(*) FROM public.users WHERE full_name = 'user ' || id"))
          .isEqualTo(300);
    }
  }

  private static MigrationSpec spec(String flyway) throws Exception {
    return new SpecLoader().load("users_full_name.yaml", SPEC.formatted(flyway));
  }

  private static Path build(Path output, MigrationSpec spec) throws Exception {
    new OutputWriter().write(output, new Generator().files(List.of(spec), OutputFormat.FLYWAY));
    return output;
  }

  private static Flyway flyway(TestDatabase database, Path... locations) {
    return Flyway.configure().dataSource(database.jdbcUrl(), null, null).cleanDisabled(true)
        .locations(Arrays.stream(locations).map(location -> "filesystem:" + location.toAbsolutePath())
            .toArray(String[]::new))
        .load();
  }

  private static List<String> applied(TestDatabase database) {
    return Arrays.stream(flyway(database).info().applied()).map(MigrationInfo::getVersion)
        .map(Object::toString).toList();
  }

  private static List<String> columns(Statement statement) throws Exception {
    try (ResultSet rows = statement.executeQuery("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
        + " WHERE attrelid = 'public.users'::regclass AND attnum > 0 AND NOT attisdropped")) {
      rows.next();
      return List.of(rows.getString(1).split(","));
    }
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
