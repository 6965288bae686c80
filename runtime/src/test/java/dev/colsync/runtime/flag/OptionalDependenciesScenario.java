package dev.colsync.runtime.flag;

import dev.colsync.runtime.shim.ColumnType;
import dev.colsync.runtime.shim.LogicalColumn;
import dev.colsync.runtime.shim.PathSql;
import dev.colsync.runtime.shim.ReadPathCounts;
import dev.colsync.runtime.shim.ShimOptions;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What an application without OpenFeature, Micrometer and the PostgreSQL driver does with the
 * runtime: run by {@link OptionalDependenciesTest} in a class loader that has none of them. Uses no
 * test library, since those are not there either.
 */
public final class OptionalDependenciesScenario implements Runnable {
  @Override
  public void run() {
    InMemoryFlagSource memory = new InMemoryFlagSource().set("m", ReadPath.SHADOW);
    ReadPathCounts counts = new ReadPathCounts();
    LogicalColumn<String> column = new LogicalColumn<>("m", ColumnType.TEXT, true,
        ShimOptions.of(memory).observedBy(counts));
    check(column.readPath() == ReadPath.SHADOW, "in-memory flag");
    check(counts.reads("m", ReadPath.SHADOW) == 1, "counted read");
    check(new PathSql("a", "b", "c").on(ReadPath.NEW).equals("c"), "path SQL");
    check(new SystemFlagSource().readPath("m") == ReadPath.OLD, "system flag");
    try (JdbcFlagSource jdbc = JdbcFlagSource.builder(() -> {
      throw new SQLException("no database in this scenario");
    }).timeout(Duration.ofMillis(100)).build()) {
      check(jdbc.readPath("m") == ReadPath.OLD, "JDBC flag without a database");
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
