package dev.colsync.benchmarks.layers;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * (6) The table every data-layer read reads: {@code public.bench_orders}, mid-change from {@code amount} (numeric
 * dollars) to {@code amount_cents} (bigint cents), expanded and backfilled by the real executor from the spec the
 * build generated {@link BenchOrderAmounts} from, so both columns hold every row's value.
 */
public final class OrdersTable {
  public static final int ROWS = 10_000;

  /** Where the colsync Maven plugin puts each spec on the classpath. */
  private static final String SPEC = "META-INF/colsync/specs/" + BenchOrderAmounts.MIGRATION + ".yaml";

  private OrdersTable() {}

  /** Creates and fills the table, then applies expand and backfill (once per database). */
  public static void create(String jdbcUrl) throws SQLException, SpecException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.bench_orders (id bigint PRIMARY KEY, customer text NOT NULL,"
          + " status text NOT NULL, placed_at timestamptz NOT NULL, amount numeric(12,2) NOT NULL)");
      statement.execute("INSERT INTO public.bench_orders SELECT g, 'customer ' || g % 997,"
          + " (ARRAY['open', 'paid', 'shipped'])[1 + g % 3], timestamptz '2026-01-01 00:00Z' + g * interval '1 minute',"
          + " g * 1.25 FROM generate_series(1, " + ROWS + ") AS g");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(jdbcUrl),
          ExecutionPlans.of(new Generator().plan(spec())), ExecutionSettings.defaults(), new ExecutionListener() {});
      executor.apply("expand");
      executor.apply("backfill");
      statement.execute("VACUUM ANALYZE public.bench_orders");
    }
  }

  private static MigrationSpec spec() throws SpecException {
    try (InputStream in = OrdersTable.class.getClassLoader().getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException(SPEC + " is not on the classpath: the colsync Maven plugin puts it there");
      }
      return new SpecLoader().load(SPEC, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
