package dev.colsync.core.corpus;

import static dev.colsync.runtime.sql.SqlIdentifiers.quote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.catalog.CatalogException;
import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.core.spec.SpecProblem;
import dev.colsync.core.testing.ContractReady;
import dev.colsync.runtime.execution.ConnectionSource;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.StepFailedException;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One corpus change on a fresh copy of its sample database, as a team would run it: scaffolded from the
 * live table, then applied phase by phase with the executor while the N-1 and the N application write
 * concurrently, every phase's rollback run and the phase applied again, verified, and contracted.
 */
final class CorpusRun {
  /** Rows each version owns and updates, taken from the table's first rows by key. */
  private static final int OWNED_ROWS = 200;
  /** Acknowledged writes each enabled version makes after a phase or rollback before the walk goes on. */
  private static final int WRITES_BETWEEN_STEPS = 15;

  private final TestDatabase database;
  private final CorpusChange change;
  private final Connection admin;

  private CorpusRun(TestDatabase database, CorpusChange change, Connection admin) {
    this.database = database;
    this.change = change;
    this.admin = admin;
  }

  /** What the walk came to: done with this catalog diff, or refused with these messages. */
  record Outcome(List<String> refusal, List<String> catalogDiff, long writes, int rowsWritten, int rowsChecked) {
    boolean refused() {
      return !refusal.isEmpty();
    }
  }

  static CorpusRun on(TestDatabase database, CorpusChange change, Connection admin) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
    }
    change.database().load(admin);
    try (Statement statement = admin.createStatement()) {
      for (String sql : change.setup()) {
        statement.execute(sql);
      }
    }
    return new CorpusRun(database, change, admin);
  }

  /** Runs the team's remedy for a refusal. */
  void remedy() throws SQLException {
    try (Statement statement = admin.createStatement()) {
      for (String sql : change.refusal().orElseThrow().remedy()) {
        statement.execute(sql);
      }
    }
  }

  Outcome walk() throws Exception {
    List<String> before = DatabaseSnapshot.of(admin);
    MigrationSpec spec;
    try {
      spec = scaffold();
    } catch (SpecException e) {
      return refused(before, e.problems().stream().map(SpecProblem::message).toList());
    } catch (CatalogException e) {
      return refused(before, List.of(e.getMessage()));
    }
    Plan plan = new Generator().plan(spec);
    ExecutionPlan execution = ExecutionPlans.of(plan);
    List<String> key = spec.primaryKey();
    String oldType = spec.change().from().type();
    String newType = spec.change().to().type();
    try (Writers writers = Writers.start(database, change, key, ownedKeys(key), oldType, newType)) {
      MigrationExecutor executor = new MigrationExecutor(ConnectionSource.of(database.jdbcUrl()), execution,
          settings(), new ExecutionListener() {});
      int checked = 0;
      for (String phaseId : execution.phaseIds()) {
        Phase phase = Phase.valueOf(phaseId.toUpperCase(java.util.Locale.ROOT));
        List<String> beforePhase = DatabaseSnapshot.of(admin);
        writers.only(writersDuring(phase));
        if (phase == Phase.CONTRACT) {
          ContractReady.readPathNew(admin, spec.migration());
        }
        try {
          executor.apply(phaseId);
        } catch (StepFailedException e) {
          if (phase == Phase.EXPAND) {
            writers.only(Set.of());
            return refused(before, List.of(e.getMessage()));
          }
          throw new AssertionError(change + ": " + phaseId + " failed: " + e.getMessage(), e);
        }
        writers.await(WRITES_BETWEEN_STEPS);
        if (!plan.phase(phase).rollback().isEmpty()) {
          List<String> afterPhase = DatabaseSnapshot.of(admin);
          executor.rollback(phaseId);
          writers.await(WRITES_BETWEEN_STEPS);
          assertThat(DatabaseSnapshot.of(admin)).as("%s: the catalog after rolling %s back", change, phaseId)
              .containsExactlyElementsOf(beforePhase);
          executor.apply(phaseId);
          writers.await(WRITES_BETWEEN_STEPS);
          assertThat(DatabaseSnapshot.of(admin)).as("%s: the catalog after %s again", change, phaseId)
              .containsExactlyElementsOf(afterPhase);
        }
        if (phase != Phase.EXPAND && phase != Phase.CONTRACT) {
          var report = executor.verify();
          assertThat(report.divergentRows()).as("%s: divergent rows after %s (sample %s)", change, phaseId,
              report.sampleKeys()).isZero();
          checked = (int) report.rowsChecked();
        }
      }
      writers.only(Set.of());
      assertThat(writers.errors()).as("%s: statements the applications saw fail", change).isEmpty();
      String finalColumn = change.to();
      assertThat(writers.ledger().lost(admin, change, Writers.keyAsRenamed(change, key), finalColumn,
          write -> expected(write, spec)))
          .as("%s: acknowledged writes not held after contract", change).isEmpty();
      for (String invariant : change.invariants()) {
        try (Statement statement = admin.createStatement(); ResultSet count = statement.executeQuery(invariant)) {
          count.next();
          assertThat(count.getString(1)).as("%s: %s", change, invariant).isEqualTo("0");
        }
      }
      return new Outcome(List.of(), diff(before, DatabaseSnapshot.of(admin)), writers.writes(),
          writers.ledger().size(), checked);
    }
  }

  private MigrationSpec scaffold() throws SQLException, CatalogException, SpecException {
    CatalogReader catalog = new CatalogReader(admin);
    TableFacts facts = catalog.read(change.schema(), change.table(), change.column());
    if (!change.to().equals(change.column()) && catalog.columnExists(change.schema(), change.table(), change.to())) {
      throw new CatalogException("column " + change.to() + " exists already");
    }
    String migration = change.id();
    ScaffoldedSpec scaffolded = change.kind() == CorpusChange.Kind.RENAME
        ? ScaffoldedSpec.rename(migration, change.schema(), change.table(), facts.primaryKey(), change.column(),
            change.to(), facts.column().type(), facts.column().notNull(), Optional.of(facts))
        : ScaffoldedSpec.retype(migration, change.schema(), change.table(), facts.primaryKey(), change.column(),
            facts.column().type(), facts.column().notNull(), change.to(), change.toType().orElseThrow(),
            change.up(), change.down(), "reject", Optional.of(facts));
    return new SpecLoader().load(migration + ".yaml", scaffolded.yaml());
  }

  private Outcome refused(List<String> before, List<String> messages) throws SQLException {
    assertThat(DatabaseSnapshot.of(admin)).as("%s: the catalog after the refusal", change)
        .containsExactlyElementsOf(before);
    return new Outcome(messages, List.of(), 0, 0, 0);
  }

  /** Which versions write during {@code phase} and its rollback (DESIGN.md, "Phases"). */
  private static Set<AppVersion> writersDuring(Phase phase) {
    return switch (phase) {
      case EXPAND -> Set.of(AppVersion.OLD);
      case BACKFILL, INDEXES, VALIDATE, CUTOVER, ALTER_TYPE -> Set.of(AppVersion.OLD, AppVersion.NEW);
      case SWITCH, CONTRACT -> Set.of(AppVersion.NEW);
    };
  }

  private List<List<String>> ownedKeys(List<String> key) throws SQLException {
    // Qualified, so that ORDER BY sorts the key's values, not the text of the output column of that name.
    String columns = key.stream().map(part -> "t." + quote(part) + "::text").collect(Collectors.joining(", "));
    String order = key.stream().map(part -> "t." + quote(part)).collect(Collectors.joining(", "));
    List<List<String>> keys = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT " + columns + " FROM " + quote(change.schema()) + "."
            + quote(change.table()) + " AS t ORDER BY " + order + " LIMIT " + OWNED_ROWS)) {
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= key.size(); i++) {
          row.add(rows.getString(i));
        }
        keys.add(row);
      }
    }
    return keys;
  }

  /** The text the column shows after contract for {@code write}: the value, through up if N-1 wrote it. */
  private String expected(Ledger.Write write, MigrationSpec spec) throws SQLException {
    String sql = write.version() == AppVersion.NEW && change.kind() != CorpusChange.Kind.IN_PLACE
        ? "SELECT CAST(CAST(? AS " + spec.change().to().type() + ") AS text)"
        : "SELECT CAST((" + (change.up() == null ? quote(change.column()) : change.up()) + ") AS text) FROM (SELECT CAST(? AS "
            + spec.change().from().type() + ") AS " + quote(change.column()) + ") AS written";
    try (PreparedStatement statement = admin.prepareStatement(sql)) {
      statement.setString(1, write.value());
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static List<String> diff(List<String> before, List<String> after) {
    List<String> lines = new ArrayList<>();
    before.stream().filter(line -> !after.contains(line)).forEach(line -> lines.add("- " + line));
    after.stream().filter(line -> !before.contains(line)).forEach(line -> lines.add("+ " + line));
    return lines;
  }

  private static ExecutionSettings settings() {
    return ExecutionSettings.defaults()
        .withLockRetry(new ExecutionSettings.LockRetry(20, Duration.ofMillis(20), Duration.ofMillis(500)))
        .withThrottle(new ExecutionSettings.Throttle(Duration.ofSeconds(10), 50, Duration.ofMillis(200),
            Duration.ofMillis(50)))
        .withVerify(500, 5);
  }
}
