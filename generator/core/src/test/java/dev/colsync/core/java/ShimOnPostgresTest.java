package dev.colsync.core.java;

import dev.colsync.core.testing.ContractReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.runtime.flag.InMemoryFlagSource;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ReadPathCounts;
import dev.colsync.runtime.shim.ShadowOutcome;
import dev.colsync.runtime.shim.ShimOptions;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each generated shim, compiled in memory against the runtime, reads and writes through every phase
 * of its migration on real PostgreSQL: every path returns the value last written whichever path
 * wrote it; SHADOW reports MISSING before the backfill and MATCH after; after contract the NEW path
 * still works.
 */
class ShimOnPostgresTest {
  private static final int ROWS = 20;

  static Stream<Arguments> casesOnEveryServer() {
    return PostgresServers.all().stream()
        .flatMap(server -> ShimCase.all().stream().map(shimCase -> Arguments.of(server, shimCase)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("casesOnEveryServer")
  void theShimWorksInEveryPhase(PostgresServer server, ShimCase shimCase) throws Exception {
    Plan plan = new Generator().plan(shimCase.spec());
    ShimHandle.Factory shims = ShimHandle.compile(shimCase.spec());
    InMemoryFlagSource flags = new InMemoryFlagSource();
    Expected expected = new Expected(shimCase);

    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect()) {
      for (String ddl : shimCase.createTable()) {
        execute(connection, ddl);
      }
      ShimHandle shim = shims.create(ShimOptions.of(flags));
      flags.set(shimCase.migration(), ReadPath.OLD);
      for (int row = 0; row < ROWS; row++) {
        expected.write(shim, connection, row); // OLD writes the old column, through down for a type change
      }
      if (shimCase.readsBeforeExpand()) {
        expected.checkAll(shim, connection);
      }

      for (PhasePlan phase : plan.phases()) {
        if (phase.phase() == Phase.CONTRACT) {
          flags.set(shimCase.migration(), ReadPath.NEW); // contract needs every reader on NEW
          ContractReady.readPathNew(connection, shimCase.migration());
        }
        for (Step step : phase.steps()) {
          ScriptRunner.run(connection, step.sql());
        }
        switch (phase.phase()) {
          case EXPAND -> afterExpand(shimCase, shims, flags, expected, connection);
          case CONTRACT -> afterContract(shimCase, shim, flags, expected, connection);
          default -> everyPathAgrees(shimCase, shims, flags, expected, connection, phase.phase());
        }
      }
    }
  }

  /** The new column exists but old rows are not backfilled: SHADOW returns OLD's value and reports MISSING. */
  private static void afterExpand(ShimCase shimCase, ShimHandle.Factory shims, InMemoryFlagSource flags,
      Expected expected, Connection connection) throws SQLException {
    ReadPathCounts counts = new ReadPathCounts();
    ShimHandle shim = shims.create(ShimOptions.of(flags).observedBy(counts));
    String migration = shimCase.migration();

    flags.set(migration, ReadPath.OLD);
    expected.checkAll(shim, connection);
    flags.set(migration, ReadPath.SHADOW);
    expected.checkAll(shim, connection);
    assertThat(counts.shadows(migration, ShadowOutcome.MISSING)).as("SHADOW before backfill").isEqualTo(ROWS);
    assertThat(counts.shadows(migration, ShadowOutcome.MATCH)).isZero();

    // Written on any path from now on, a row is in sync at once: the trigger fills the other column.
    flags.set(migration, ReadPath.OLD);
    expected.write(shim, connection, 0);
    flags.set(migration, ReadPath.SHADOW);
    expected.write(shim, connection, 1);
    flags.set(migration, ReadPath.NEW);
    expected.write(shim, connection, 2);
    expected.write(shim, connection, ROWS); // a new row, inserted on NEW
    for (ReadPath path : ReadPath.values()) {
      flags.set(migration, path);
      for (int row : new int[] {0, 1, 2, ROWS}) {
        expected.check(shim, connection, row);
      }
    }
    assertThat(counts.shadows(migration, ShadowOutcome.MATCH)).as("SHADOW of rows written after expand").isEqualTo(4);
    assertThat(counts.shadows(migration, ShadowOutcome.MISMATCH)).isZero();
  }

  /** Backfilled: every path reads the same, and a strict shim finds nothing but MATCH. */
  private static void everyPathAgrees(ShimCase shimCase, ShimHandle.Factory shims, InMemoryFlagSource flags,
      Expected expected, Connection connection, Phase phase) throws SQLException {
    ReadPathCounts counts = new ReadPathCounts();
    ShimHandle strict = shims.create(ShimOptions.of(flags).observedBy(counts)
        .failingOn(ShadowOutcome.MISSING, ShadowOutcome.MISMATCH, ShadowOutcome.ERROR));
    String migration = shimCase.migration();
    for (ReadPath path : ReadPath.values()) {
      flags.set(migration, path);
      expected.checkAll(strict, connection);
    }
    assertThat(counts.shadows(migration, ShadowOutcome.MATCH)).as("SHADOW after %s", phase.id())
        .isEqualTo(expected.rows());
    for (ReadPath path : ReadPath.values()) {
      flags.set(migration, path);
      expected.write(strict, connection, 3 + path.ordinal());
    }
    flags.set(migration, ReadPath.SHADOW);
    expected.checkAll(strict, connection);
  }

  /** Only the new column is left: NEW reads and writes it; OLD, which names the old column, fails. */
  private static void afterContract(ShimCase shimCase, ShimHandle shim, InMemoryFlagSource flags, Expected expected,
      Connection connection) throws SQLException {
    flags.set(shimCase.migration(), ReadPath.NEW);
    expected.checkAll(shim, connection);
    expected.write(shim, connection, 5);
    expected.write(shim, connection, ROWS + 1);
    expected.checkAll(shim, connection);
    flags.set(shimCase.migration(), ReadPath.OLD);
    assertThatThrownBy(() -> shim.find(connection, shimCase.key().of(0))).isInstanceOf(SQLException.class);
  }

  /** What each row holds: the last value written to it, through whichever path. */
  private static final class Expected {
    private final ShimCase shimCase;
    private final Map<Integer, Object> values = new HashMap<>();
    private final Map<Integer, Integer> versions = new HashMap<>();

    Expected(ShimCase shimCase) {
      this.shimCase = shimCase;
    }

    int rows() {
      return values.size();
    }

    /** Inserts the row if it is new, else updates it to its next version. */
    void write(ShimHandle shim, Connection connection, int row) throws SQLException {
      int version = versions.merge(row, 1, Integer::sum);
      Object value = shimCase.value().of(row, version);
      if (values.containsKey(row)) {
        assertThat(shim.update(connection, shimCase.key().of(row), value)).as("update of row %d", row).isTrue();
      } else {
        shim.insert(connection, shimCase.key().of(row), value);
      }
      values.put(row, value);
    }

    void check(ShimHandle shim, Connection connection, int row) throws SQLException {
      assertThat(shim.find(connection, shimCase.key().of(row))).as("row %d on %s", row, shim.readPath())
          .isEqualTo(Optional.of(values.get(row)));
    }

    void checkAll(ShimHandle shim, Connection connection) throws SQLException {
      for (int row : values.keySet()) {
        check(shim, connection, row);
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
