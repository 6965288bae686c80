package dev.colsync.core.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.flag.InMemoryFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.jooq.LogicalFields;
import dev.colsync.runtime.shim.ReadPathCounts;
import dev.colsync.runtime.shim.ShadowOutcome;
import dev.colsync.runtime.shim.Shim;
import dev.colsync.runtime.shim.ShimOptions;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The shim's value inside the application's own queries, JdbcTemplate's with its fragments and jOOQ's with its
 * field, over the table under an alias and joined to itself (so an unqualified name would be ambiguous): select
 * list, WHERE and ORDER BY give the same rows and values on every path, a SHADOW read through the fragments
 * reports its comparisons, and jOOQ evaluates the flag once per statement.
 */
class ShimFragmentsTest {
  private static final String SPEC = """
      migration: orders_amount_cents
      table: public.orders
      primaryKey: [id]
      retype:
        from: { column: amount, type: "numeric(12,2)" }
        to: { column: amount_cents, type: bigint }
        up: "round(amount * 100)::bigint"
        down: "amount_cents / 100.0"
      java: { package: com.example.orders, class: OrderAmounts }
      """;

  @EachPostgres
  void fragmentsQualifiedByAnAliasReadTheSameOnEveryPath(PostgresServer server) throws Exception {
    MigrationSpec spec = new SpecLoader().load("orders.yaml", SPEC);
    InMemoryFlagSource flags = new InMemoryFlagSource();
    ReadPathCounts counts = new ReadPathCounts();
    ShimHandle shim = ShimHandle.compile(spec).create(ShimOptions.of(flags).observedBy(counts));
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2));"
          + " INSERT INTO public.orders SELECT g, g * 1.25 FROM generate_series(1, 400) g");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
          ExecutionPlans.of(new Generator().plan(spec)), ExecutionSettings.defaults(), new ExecutionListener() {});
      executor.apply("expand");
      executor.apply("backfill");
      JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl()));

      for (ReadPath path : ReadPath.values()) {
        flags.set(spec.migration(), path);
        ReadPath once = (ReadPath) shim.call("readPath");
        String value = (String) shim.call("value", once, "o");
        List<Long> cents = jdbc.query("SELECT o.id, " + shim.call("selectList", once, "o", "cents")
                + " FROM public.orders AS o JOIN public.orders AS other ON other.id = o.id + 1"
                + " WHERE " + value + " >= ? ORDER BY " + value + " DESC LIMIT 3",
            (row, number) -> (Long) shim.call("read", once, row, "cents"), 40_000L);

        assertThat(cents).as("on %s", path).containsExactly(49_875L, 49_750L, 49_625L);
      }
      assertThat(counts.shadows(spec.migration(), ShadowOutcome.MATCH)).isEqualTo(3);
      assertThat(counts.shadows(spec.migration(), ShadowOutcome.MISMATCH)).isZero();

      @SuppressWarnings("unchecked")
      Shim<Long> amounts = (Shim<Long>) shim.instance();
      DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
      Table<?> orders = DSL.table(DSL.name("public", "orders")).as("o");
      Table<?> other = DSL.table(DSL.name("public", "orders")).as("other");
      Field<Long> cents = LogicalFields.value(amounts, orders);
      for (ReadPath path : ReadPath.values()) {
        flags.set(spec.migration(), path);
        long readsBefore = counts.reads(spec.migration(), path);
        List<Long> top = dsl.select(cents).from(orders)
            .join(other).on(DSL.field(DSL.name("other", "id"), Long.class)
                .eq(DSL.field(DSL.name("o", "id"), Long.class).plus(1)))
            .where(cents.ge(40_000L)).orderBy(cents.desc()).limit(3).fetch(cents);

        assertThat(top).as("jOOQ on %s", path).containsExactly(49_875L, 49_750L, 49_625L);
        assertThat(counts.reads(spec.migration(), path) - readsBefore).as("one flag read per statement")
            .isEqualTo(1);
      }
    }
  }
}
