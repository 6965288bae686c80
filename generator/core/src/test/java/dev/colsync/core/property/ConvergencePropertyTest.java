package dev.colsync.core.property;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colsync.core.property.Action.Client;
import dev.colsync.core.property.Interleaving.Seed;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The convergence invariant of DESIGN.md ("Invariants the tests prove") on real PostgreSQL: after any
 * interleaving of N-1 writes (old column only) and N writes (new column only) — inserts, upserts,
 * updates, deletes, updates of neither column, NULLs included — with single batches of the generated
 * backfill procedure, whole runs of it and restarts at any point, once the backfill is finished every
 * row has {@code new IS NOT DISTINCT FROM up(old)}, the OLD and NEW paths read the same value, and that
 * value is the last one written (with one exception, see {@link NullWriteBeforeBackfillTest}).
 *
 * <p>Rows written before expand start unconverged, so the backfill has work; the backfill cursor moves
 * between writes, so rows behind it depend on the trigger alone. The interleaving is the order of the
 * actions, applied one by one on one connection, so every failure replays exactly (jqwik prints the
 * shrunk action list and the seed). The threaded version is {@link ConcurrentConvergenceTest}.
 */
class ConvergencePropertyTest {
  private static final int MAX_ID = 30;

  private static TestDatabase database;
  /**
   * One harness per property, each with its own connection and schema: the plan is rendered once and
   * the schema reset per try. Separate ones because jqwik's bounded shrinking may leave its last try
   * running in the background when the next property starts.
   */
  private static final Map<String, SyncHarness> harnesses = new HashMap<>();
  private static final List<Connection> connections = new ArrayList<>();

  private static synchronized SyncHarness harness(String property, Function<String, SyncCase> sync) {
    return harnesses.computeIfAbsent(property, schema -> {
      try {
        Connection connection = Connections.open(database);
        connections.add(connection);
        return new SyncHarness(connection, sync.apply(schema), 3, Duration.ZERO);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @BeforeContainer
  static void createDatabase() {
    database = PostgresServers.any().newDatabase();
  }

  @AfterContainer
  static synchronized void dropDatabase() throws SQLException {
    try {
      for (Connection connection : connections) {
        connection.close();
      }
    } finally {
      connections.clear();
      harnesses.clear();
      if (database != null) {
        database.close();
      }
    }
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
  void renameConverges(@ForAll("renameInterleavings") Interleaving interleaving) throws SQLException {
    check(harness("prop_rename", SyncCase::rename), interleaving);
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
  void typeChangeToCentsConverges(@ForAll("centsInterleavings") Interleaving interleaving) throws SQLException {
    check(harness("prop_cents", SyncCase::cents), interleaving);
  }

  private static void check(SyncHarness harness, Interleaving interleaving) throws SQLException {
    harness.reset(interleaving.seeds());
    for (Action action : interleaving.actions()) {
      harness.apply(action);
    }
    harness.settle();
    harness.assertConverged();
    Statistics.label("N writes the trigger cannot tell from no write").collect(harness.lostNewWrites() > 0);
  }

  // The schema of the case passed to interleavings() does not matter: only its values are used.

  @Provide
  Arbitrary<Interleaving> renameInterleavings() {
    return interleavings(SyncCase.rename("unused"));
  }

  @Provide
  Arbitrary<Interleaving> centsInterleavings() {
    return interleavings(SyncCase.cents("unused"));
  }

  private enum Kind {
    INSERT, UPSERT, UPDATE, DELETE, TOUCH, BATCH, TO_END, RESTART
  }

  private static Arbitrary<Interleaving> interleavings(SyncCase sync) {
    Arbitrary<Integer> ids = Arbitraries.integers().between(1, MAX_ID);
    Arbitrary<Object> values = sync.values();
    Arbitrary<Kind> kinds = Arbitraries.frequency(
        Tuple.of(3, Kind.INSERT), Tuple.of(2, Kind.UPSERT), Tuple.of(6, Kind.UPDATE), Tuple.of(1, Kind.DELETE),
        Tuple.of(2, Kind.TOUCH), Tuple.of(4, Kind.BATCH), Tuple.of(1, Kind.TO_END), Tuple.of(1, Kind.RESTART));
    Arbitrary<Action> action = Combinators.combine(
            kinds, Arbitraries.of(Client.class), ids, values, Arbitraries.integers().between(1, 12))
        .as(ConvergencePropertyTest::action);
    Arbitrary<List<Seed>> seeds = Combinators.combine(ids, values).as(Seed::new).list().ofMaxSize(30);
    return Combinators.combine(seeds, action.list().ofMinSize(5).ofMaxSize(60)).as(Interleaving::new);
  }

  private static Action action(Kind kind, Client client, int id, Object value, int batchSize) {
    return switch (kind) {
      case INSERT -> new Action.Insert(client, id, value);
      case UPSERT -> new Action.Upsert(client, id, value);
      case UPDATE -> new Action.Update(client, id, value);
      case DELETE -> new Action.Delete(id);
      case TOUCH -> new Action.Touch(id);
      case BATCH -> new Action.BackfillBatch(batchSize);
      case TO_END -> new Action.BackfillToEnd();
      case RESTART -> new Action.BackfillRestart();
    };
  }

  /** The check is not vacuous: a seeded row the backfill has not reached yet is reported. */
  @Property(tries = 1)
  void aRowTheBackfillHasNotReachedIsReported() throws SQLException {
    SyncHarness harness = harness("prop_sanity", SyncCase::cents);
    harness.reset(List.of(new Seed(1, 100L)));
    assertThatThrownBy(harness::assertConverged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("new IS DISTINCT FROM up(old)")
        .hasMessageContaining("id 1: old 1.00, new null");
  }
}
