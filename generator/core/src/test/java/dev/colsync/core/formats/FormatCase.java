package dev.colsync.core.formats;

import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.testing.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One spec of {@code src/test/resources/formats/} with the table it changes.
 *
 * @param spec the spec, targeting the PostgreSQL major version of the server under test
 * @param createTable DDL of the table as it is before the migration
 * @param seedRows how many rows {@code seed} inserts
 * @param seed fills the table through the old column
 * @param oldValue the {@code i}-th value an N-1 client writes into the old column, as a SQL literal
 * @param newText what the new column then holds, as text
 */
record FormatCase(
    MigrationSpec spec, String createTable, int seedRows, String seed, IntFunction<String> oldValue,
    IntFunction<String> newText) {

  static final int SEED_ROWS = 40;
  private static final Path DIRECTORY = Path.of("src/test/resources/formats");

  /** Both cases, their SQL targeting {@code server}'s major version (14 and 18 differ in NOT NULL). */
  static List<FormatCase> all(PostgresServer server) throws Exception {
    return all(server.majorVersion());
  }

  /** Both cases, their SQL targeting PostgreSQL {@code major} (clamped to the supported range). */
  static List<FormatCase> all(int major) throws Exception {
    return List.of(
        new FormatCase(load("users_full_name.yaml", major),
            "CREATE TABLE public.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)",
            SEED_ROWS,
            "INSERT INTO public.users (name) SELECT 'user ' || g FROM generate_series(1, " + SEED_ROWS + ") AS g",
            i -> "'written by N-1 #" + i + "'", i -> "written by N-1 #" + i),
        new FormatCase(load("orders_amount_cents.yaml", major),
            "CREATE TABLE public.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " amount numeric(12,2) NOT NULL)",
            SEED_ROWS,
            "INSERT INTO public.orders (amount) SELECT g * 1.25 FROM generate_series(1, " + SEED_ROWS + ") AS g",
            i -> "'" + i + ".07'", i -> i + "07"));
  }

  private static MigrationSpec load(String file, int major) throws Exception {
    MigrationSpec spec = new SpecLoader().load(DIRECTORY.resolve(file));
    int postgres = Math.max(MigrationSpec.MIN_POSTGRES_VERSION, Math.min(MigrationSpec.MAX_POSTGRES_VERSION, major));
    return new MigrationSpec(spec.migration(), spec.source(), spec.table(), spec.primaryKey(), spec.change(),
        spec.backfill(), spec.timeouts(), spec.java(), postgres, spec.flyway());
  }

  String migration() {
    return spec.migration();
  }

  Plan plan() {
    return new Generator().plan(spec);
  }

  String table() {
    return qualified(spec.table().schema(), spec.table().name());
  }

  String oldColumn() {
    return spec.change().from().name();
  }

  String newColumn() {
    return spec.change().to().name();
  }

  /** {@code up(old)} over the table's own row. */
  String up() {
    return new SqlFragments(spec, plan().names()).upOfRow();
  }

  /** {@code down(new)} over the table's own row. */
  String down() {
    return new SqlFragments(spec, plan().names()).downOfRow();
  }

  String quotedOld() {
    return quote(oldColumn());
  }

  String quotedNew() {
    return quote(newColumn());
  }

  @Override
  public String toString() {
    return spec.migration();
  }
}
