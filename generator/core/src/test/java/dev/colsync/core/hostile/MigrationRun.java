package dev.colsync.core.hostile;

import dev.colsync.core.testing.ContractReady;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.hostile.AppClients.Version;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One migration of one {@link HostileCase} on a fresh database: the table and its rows as they were
 * before, the generated plan, the two application versions writing between steps, and the checks.
 *
 * <p>Scripts run on their own connection, with the same decoy search path as the applications; the
 * checks run on a connection with the default one.
 */
final class MigrationRun implements AutoCloseable {
  static final int SEED_ROWS = 40;
  static final int WRITES_BETWEEN_STEPS = 12;

  private final HostileCase hostile;
  private final Plan plan;
  private final Connection admin;
  private final Connection checker;
  private final AppClients clients;
  private final long seed;

  private MigrationRun(HostileCase hostile, Plan plan, Connection admin, Connection checker, AppClients clients,
      long seed) {
    this.hostile = hostile;
    this.plan = plan;
    this.admin = admin;
    this.checker = checker;
    this.clients = clients;
    this.seed = seed;
  }

  /** Creates the table with its rows on {@code database} and connects the scripts, checks and applications. */
  static MigrationRun start(TestDatabase database, HostileCase hostile) throws SQLException {
    Plan plan = new Generator().plan(hostile.spec(Math.max(14, Math.min(18, database.server().majorVersion()))));
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Connection checker = Connections.open(database);
    try (Statement statement = checker.createStatement()) {
      AppClients.createDecoys(checker);
      statement.execute("CREATE SCHEMA " + quote(hostile.schema()));
      for (String sql : hostile.setup()) {
        statement.execute(sql);
      }
      statement.execute(hostile.createTable());
      for (int row = 0; row < SEED_ROWS; row++) {
        List<Object> key = hostile.randomKey(random);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
          Object value = key.get(i);
          values.append(value instanceof String text ? "'" + text.replace("'", "''") + "'" : value).append(", ");
        }
        statement.execute("INSERT INTO " + hostile.qualifiedTable() + " (" + hostile.keyList() + ", "
            + hostile.oldColumn() + ", " + quote(hostile.bystander()) + ") VALUES (" + values
            + hostile.seedOld(random) + ", 'seed') ON CONFLICT DO NOTHING");
      }
    }
    Connection admin = Connections.open(database);
    try (Statement statement = admin.createStatement()) {
      statement.execute(AppClients.DECOY_SEARCH_PATH);
    }
    AppClients clients = new AppClients(hostile, Connections.open(database), Connections.open(database), random);
    return new MigrationRun(hostile, plan, admin, checker, clients, seed);
  }

  Plan plan() {
    return plan;
  }

  /** Which versions write during {@code phase} (DESIGN.md, "Phases"). */
  static List<Version> writersDuring(Phase phase) {
    return switch (phase) {
      case EXPAND -> List.of(Version.OLD);
      case BACKFILL, INDEXES, VALIDATE, CUTOVER, ALTER_TYPE -> List.of(Version.OLD, Version.NEW);
      case SWITCH, CONTRACT -> List.of(Version.NEW);
    };
  }

  void write(List<Version> versions) throws SQLException {
    clients.write(versions, WRITES_BETWEEN_STEPS);
  }

  /** Runs {@code step} once. */
  void apply(Step step) throws SQLException {
    try {
      ScriptRunner.run(admin, step.sql());
    } catch (SQLException e) {
      throw new AssertionError(where(step) + " failed: " + e.getMessage() + "\n" + step.sql(), e);
    }
  }

  /** Runs {@code step}, then again: the second run must succeed and change neither the schema nor the rows. */
  void applyTwice(Step step) throws SQLException {
    apply(step);
    List<String> schema = snapshot();
    String rows = rows();
    apply(step);
    assertThat(snapshot()).as("schema after running %s a second time", where(step)).containsExactlyElementsOf(schema);
    assertThat(rows()).as("rows after running %s a second time", where(step)).isEqualTo(rows);
  }

  /** Every step of {@code phase}, each twice, with the phase's writers writing after each. */
  void applyPhaseTwice(PhasePlan phase) throws SQLException {
    readyFor(phase);
    for (Step step : phase.steps()) {
      applyTwice(step);
      write(writersDuring(phase.phase()));
    }
  }

  /** Every step of {@code phase}, once, with the phase's writers writing after each. */
  void applyPhase(PhasePlan phase) throws SQLException {
    readyFor(phase);
    for (Step step : phase.steps()) {
      apply(step);
      write(writersDuring(phase.phase()));
    }
  }

  /** Before contract every reader has moved to the new column, as its gate requires. */
  private void readyFor(PhasePlan phase) throws SQLException {
    if (phase.phase() == Phase.CONTRACT) {
      ContractReady.readPathNew(admin, plan.spec().migration());
    }
  }

  private String where(Step step) {
    return hostile.migration() + " " + step.phase().id() + "/" + step.name();
  }

  List<String> snapshot() throws SQLException {
    return CatalogSnapshot.of(checker, hostile.schema(), hostile.table());
  }

  /** Every row of the table as text, sorted. */
  String rows() throws SQLException {
    return queryString("SELECT coalesce(pg_catalog.string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM "
        + hostile.qualifiedTable() + " AS t");
  }

  /**
   * {@code new IS NOT DISTINCT FROM up(old)} on every row, and for lossless changes the old column
   * equals {@code down(new)} as well.
   */
  void assertConverged(String when) throws SQLException {
    String condition = hostile.newColumn() + " IS DISTINCT FROM " + hostile.upOfRow(plan);
    if (hostile.lossless()) {
      condition += " OR " + hostile.oldColumn() + " IS DISTINCT FROM (" + hostile.change().down() + ")";
    }
    List<String> diverged = new ArrayList<>();
    try (Statement statement = checker.createStatement();
         ResultSet rows = statement.executeQuery("SELECT t::text FROM " + hostile.qualifiedTable() + " AS t WHERE "
             + condition)) {
      while (rows.next()) {
        diverged.add(rows.getString(1));
      }
    }
    assertThat(diverged).as("rows not converged %s (seed %d)", when, seed).isEmpty();
    assertThat(queryString("SELECT count(*) FROM " + hostile.qualifiedTable())).as("rows left").isNotEqualTo("0");
  }

  /** The schema after contract: the new column only, and nothing colsync created left anywhere. */
  void assertOnlyTheNewColumnIsLeft() throws SQLException {
    List<String> schema = snapshot();
    String newColumnLine = "column " + quoteIdent(hostile.change().to().name()) + " ";
    assertThat(schema).as("catalog after contract")
        .anySatisfy(line -> assertThat(line).startsWith(newColumnLine))
        .noneSatisfy(line -> assertThat(line).startsWith("column " + quoteIdent(hostile.change().from().name()) + " "))
        .noneSatisfy(line -> assertThat(line).startsWith("trigger "))
        .noneSatisfy(line -> assertThat(line).startsWith("routine "))
        .noneSatisfy(line -> assertThat(line).containsIgnoringCase("colsync_"));
    assertThat(schema.stream().filter(line -> line.startsWith(newColumnLine)))
        .as("the new column's type and nullability")
        .containsExactly(newColumnLine + queryString("SELECT pg_catalog.format_type(" + quoteLiteral(
            hostile.change().to().type()) + "::pg_catalog.regtype, NULL)")
            + (hostile.change().notNull() ? " NOT NULL" : ""));
    assertThat(schema.stream().filter(line -> line.startsWith("relation ")))
        .as("relations after contract").hasSize(1);
  }

  /** PostgreSQL's quote_ident of {@code name}, as the snapshot shows it. */
  String quoteIdent(String name) throws SQLException {
    return queryString("SELECT pg_catalog.quote_ident(" + quoteLiteral(name) + ")");
  }

  private static String quoteLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The names the catalog holds for the objects the expand and backfill phases created. */
  List<String> createdObjectNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = checker.createStatement();
         ResultSet rows = statement.executeQuery(
             "SELECT p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                 + " WHERE n.nspname = " + quoteLiteral(hostile.schema())
                 + " UNION ALL SELECT t.tgname FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal"
                 + " UNION ALL SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                 + " ON n.oid = c.relnamespace WHERE n.nspname = " + quoteLiteral(hostile.schema())
                 + " AND c.relkind = 'r' AND c.relname <> " + quoteLiteral(hostile.table()))) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private String queryString(String sql) throws SQLException {
    try (Statement statement = checker.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      clients.close();
    } finally {
      try {
        admin.close();
      } finally {
        checker.close();
      }
    }
  }
}
