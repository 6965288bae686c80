package dev.colsync.springjpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ReadPathCounts;
import dev.colsync.runtime.shim.ShadowOutcome;
import dev.colsync.runtime.shim.ShimOptions;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A real Spring Boot application on Hibernate whose entity maps the new column, with the generated shim as a bean:
 * its derived, JPQL and Criteria queries read {@code up(old)} on OLD and SHADOW and the new column on NEW, switched
 * at runtime by the flag, without a restart, and on SHADOW every row read reports its comparison. One order's new
 * column is set apart from its old one (the sync trigger held off), so the test sees which column each path read.
 */
class HibernateReadPathTest {
  private static final String SPEC = """
      migration: orders_amount_cents
      table: public.orders
      primaryKey: [{ column: id, type: bigint }]
      retype:
        from: { column: amount, type: "numeric(12,2)" }
        to: { column: amount_cents, type: bigint }
        up: "round(amount * 100)::bigint"
        down: "amount_cents / 100.0"
      java: { package: com.example.orders, class: OrderAmounts }
      """;

  @TempDir
  Path directory;

  private final ReadPathCounts counts = new ReadPathCounts();

  @EachPostgres
  void everyKindOfQueryReadsThePathTheFlagGives(PostgresServer server) throws Exception {
    MigrationSpec spec = new SpecLoader().load("orders.yaml", SPEC);
    Class<?> shimClass = compileShim(spec);
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.orders (id bigint PRIMARY KEY, amount numeric(12,2));"
          + " INSERT INTO public.orders SELECT g, g * 1.25 FROM generate_series(1, 400) g");
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()),
          ExecutionPlans.of(new Generator().plan(spec)), ExecutionSettings.defaults(), new ExecutionListener() {});
      executor.apply("expand");
      executor.apply("backfill");
      statement.execute("SET session_replication_role = replica; UPDATE public.orders SET amount_cents = 1"
          + " WHERE id = 399; SET session_replication_role = origin");

      try (ConfigurableApplicationContext application = new SpringApplicationBuilder(OrdersApplication.class)
          .initializers(context -> register((GenericApplicationContext) context, shimClass))
          .run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.main.web-application-type=none",
              "--colsync.migrations=orders_amount_cents", "--colsync.flags.max-staleness=300ms")) {
        PurchaseOrders orders = application.getBean(PurchaseOrders.class);
        EntityManager entities = application.getBean(EntityManager.class);
        FlagSource flags = application.getBean(FlagSource.class);
        // Order 399 reads 49875 from its old column, 1 from its new one; order 400 has no next order.
        List<Long> fromOld = List.of(50_000L, 49_875L, 49_750L);
        List<Long> fromNew = List.of(50_000L, 49_750L, 49_625L);
        for (ReadPath path : ReadPath.values()) {
          JdbcFlagStore.write(connection, spec.migration(), path);
          long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
          while (flags.readPath(spec.migration()) != path) {
            assertThat(System.nanoTime()).as("the flag reaches %s", path).isLessThan(deadline);
            Thread.sleep(20);
          }
          List<Long> expected = path == ReadPath.NEW ? fromNew : fromOld;

          assertThat(orders.findTop3ByAmountCentsGreaterThanEqualOrderByAmountCentsDesc(40_000L).stream()
              .map(PurchaseOrder::getAmountCents).toList()).as("derived query on %s", path).isEqualTo(expected);
          assertThat(orders.topCentsWithANextOrder(40_000L)).as("JPQL with a join on %s", path)
              .isEqualTo(path == ReadPath.NEW ? List.of(49_750L, 49_625L, 49_500L)
                  : List.of(49_875L, 49_750L, 49_625L));
          assertThat(orders.highestAndDistinctCents()).as("an aggregate, grouped, on %s", path).singleElement()
              .satisfies(row -> assertThat(row).containsExactly(50_000L, 400L));
          CriteriaBuilder criteria = entities.getCriteriaBuilder();
          CriteriaQuery<Long> query = criteria.createQuery(Long.class);
          Root<PurchaseOrder> order = query.from(PurchaseOrder.class);
          query.select(order.get("amountCents")).where(criteria.ge(order.get("amountCents"), 40_000L))
              .orderBy(criteria.desc(order.get("amountCents")));
          assertThat(entities.createQuery(query).setMaxResults(3).getResultList()).as("Criteria on %s", path)
              .isEqualTo(expected);
        }
        // On SHADOW each of the three queries read order 399 once (its columns disagree) and two others.
        assertThat(counts.shadows(spec.migration(), ShadowOutcome.MISMATCH)).isEqualTo(3);
        assertThat(counts.shadows(spec.migration(), ShadowOutcome.MATCH)).isEqualTo(6);
        assertThat(counts.shadows(spec.migration(), ShadowOutcome.ERROR)).isZero();
      }
    }
  }

  private Class<?> compileShim(MigrationSpec spec) throws Exception {
    GeneratedFile source = new Generator().javaFiles(List.of(spec)).get(0);
    Path file = directory.resolve("src").resolve(source.path());
    Files.createDirectories(file.getParent());
    Files.writeString(file, source.content());
    Path classes = Files.createDirectories(directory.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
        classes.toString(), file.toString());
    assertThat(status).as("the generated shim compiles").isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass("com.example.orders.OrderAmounts");
  }

  /** The shim as the application's bean, built with the application's flag source. */
  private <T> void register(GenericApplicationContext context, Class<T> shimClass) {
    context.registerBean("orderAmounts", shimClass,
        () -> shimClass.cast(newShim(shimClass, ShimOptions.of(context.getBean(FlagSource.class)).observedBy(counts))));
  }

  private static Object newShim(Class<?> shimClass, ShimOptions options) {
    try {
      return shimClass.getConstructor(ShimOptions.class).newInstance(options);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
