package dev.colsync.runtime.execution;

import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Applies and rolls back the phases of one migration against a database, safely: one run per migration
 * at a time, steps in order and each at most once, every lock under a timeout with jittered retries,
 * the backfill resumable and throttled, the irreversible phase only once the data has converged and the
 * application reads the new column, and every step in the audit trail.
 *
 * <p>Each call opens its own connections and closes them before it returns.
 */
public final class MigrationExecutor {
  private static final String SWITCH_PHASE = "switch";
  private final ConnectionSource connections;
  private final ExecutionPlan plan;
  private final ExecutionSettings settings;
  private final ExecutionListener listener;
  private final RandomGenerator random = RandomGenerator.getDefault();
  private final AtomicBoolean stopRequested = new AtomicBoolean();

  public MigrationExecutor(ConnectionSource connections, ExecutionPlan plan) {
    this(connections, plan, ExecutionSettings.defaults(), ExecutionListener.logging());
  }

  public MigrationExecutor(
      ConnectionSource connections, ExecutionPlan plan, ExecutionSettings settings, ExecutionListener listener) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Asks the run in progress, from any thread, to stop at its next safe point and return: a backfill after its
   * current batch (its checkpoint kept, the step recorded as cancelled, as for a cancel request), a step
   * waiting to retry a lock instead of retrying (recorded as failed). A step's transaction under way is not
   * cut short. The request stands for every later run of this executor: meant for a process that is ending
   * (Ctrl-C, a shutdown).
   */
  public void requestStop() {
    stopRequested.set(true);
  }

  /** Whether {@link #requestStop} was called. */
  public boolean stopRequested() {
    return stopRequested.get();
  }

  public ExecutionPlan plan() {
    return plan;
  }

  /**
   * Applies the steps of {@code phase} that are not applied yet, in order.
   *
   * @throws ExecutionRefusedException when the migration has no such phase, an earlier step is not
   *     applied, another run of the migration is still in progress after {@link ExecutionSettings#otherRunWait},
   *     the connections go through a connection pooler, or the phase is irreversible and the convergence gate
   *     is closed
   * @throws StepFailedException when a step fails; the steps before it stay applied
   */
  public PhaseOutcome apply(String phase) throws SQLException {
    return apply(phase, null);
  }

  /** As {@link #apply(String)}, but an irreversible phase runs even if the convergence gate is closed. */
  public PhaseOutcome apply(String phaseId, GateOverride override) throws SQLException {
    ExecutionPhase phase = phase(phaseId);
    try (Session session = open()) {
      if (phase.steps().isEmpty()) {
        return new PhaseOutcome(phaseId, Action.APPLY, List.of(), "phase " + phaseId + " runs no SQL");
      }
      Map<String, AppliedSteps.Applied> applied = AppliedSteps.read(session.work, plan.migration());
      StepRunner runner = new StepRunner(session, plan, settings, listener, random);
      String gateDetail = "";
      boolean pending = phase.steps().stream().anyMatch(step -> !applied.containsKey(id(phase, step)));
      if (phase.irreversible() && pending) {
        phase.steps().stream().filter(step -> !applied.containsKey(id(phase, step))).findFirst()
            .ifPresent(step -> requireOrder(session, id(phase, step), applied));
        Gate gate = convergenceGate(session, phase, override);
        gateDetail = gate.detail();
        if (gate.overridden()) {
          // The script checks the gate again under its lock; this session may pass it.
          ContractGate.override(session.work, plan.migration(), override);
        }
      }
      List<StepOutcome> outcomes = new ArrayList<>();
      for (ExecutionStep step : phase.steps()) {
        String stepId = id(phase, step);
        String checksum = Checksums.sha256(step.sql());
        AppliedSteps.Applied before = applied.get(stepId);
        if (before != null) {
          if (!before.checksum().equals(checksum)) {
            listener.notice(stepId + " was applied from different SQL (the spec changed since?); it is not run again");
          }
          StepOutcome skipped = new StepOutcome(phaseId, step.name(), Action.APPLY, StepOutcome.Result.ALREADY_DONE,
              Duration.ZERO, 0, "applied " + before.appliedAt());
          listener.stepFinished(skipped);
          outcomes.add(skipped);
          continue;
        }
        requireOrder(session, stepId, applied);
        StepRunner.StateChange mark = c -> AppliedSteps.markApplied(c, plan.migration(), phaseId, step.name(), checksum);
        StepOutcome outcome;
        if (step.isBackfill()) {
          outcome = backfill(session, runner, phaseId, step, Action.APPLY, gateDetail, mark);
        } else if (step.kind() == ExecutionStep.Kind.CONVERGENCE_CHECK) {
          outcome = checkedByGate(runner, phaseId, step, gateDetail, mark);
        } else {
          outcome = runner.run(phaseId, step, Action.APPLY, gateDetail, mark);
        }
        outcomes.add(outcome);
        if (outcome.result() == StepOutcome.Result.CANCELLED) {
          break;
        }
        applied.put(stepId, new AppliedSteps.Applied(phaseId, step.name(), checksum, null));
      }
      return new PhaseOutcome(phaseId, Action.APPLY, outcomes, "");
    }
  }

  /**
   * Runs the rollback steps of {@code phase}, then counts none of its steps as applied.
   *
   * @throws ExecutionRefusedException when a later phase has applied steps (roll that back first), the
   *     migration has no such phase, or another run is in progress
   */
  public PhaseOutcome rollback(String phaseId) throws SQLException {
    ExecutionPhase phase = phase(phaseId);
    try (Session session = open()) {
      Map<String, AppliedSteps.Applied> applied = AppliedSteps.read(session.work, plan.migration());
      List<ExecutionPhase> phases = plan.phases();
      for (int i = phases.size() - 1; phases.get(i) != phase; i--) {
        ExecutionPhase later = phases.get(i);
        later.steps().stream().filter(step -> applied.containsKey(id(later, step))).findFirst().ifPresent(step -> {
          throw new ExecutionRefusedException("roll back " + later.id() + " first: its step " + id(later, step)
              + " is applied, and " + phaseId + " is undone only after every later phase");
        });
      }
      if (phase.steps().stream().noneMatch(step -> applied.containsKey(id(phase, step)))) {
        return new PhaseOutcome(phaseId, Action.ROLLBACK, List.of(),
            "nothing to roll back: no step of " + phaseId + " is applied");
      }
      StepRunner runner = new StepRunner(session, plan, settings, listener, random);
      StepRunner.StateChange forget = c -> AppliedSteps.forgetPhase(c, plan.migration(), phaseId);
      List<StepOutcome> outcomes = new ArrayList<>();
      List<ExecutionStep> steps = phase.rollback();
      for (int i = 0; i < steps.size(); i++) {
        ExecutionStep step = steps.get(i);
        StepRunner.StateChange change = i == steps.size() - 1 ? forget : StepRunner.StateChange.NONE;
        StepOutcome outcome = step.isBackfill()
            ? backfill(session, runner, phaseId, step, Action.ROLLBACK, "", change)
            : runner.run(phaseId, step, Action.ROLLBACK, "", change);
        outcomes.add(outcome);
        if (outcome.result() == StepOutcome.Result.CANCELLED) {
          return new PhaseOutcome(phaseId, Action.ROLLBACK, outcomes, "");
        }
      }
      if (steps.isEmpty()) {
        Jdbc.inTransaction(session.work, c -> {
          forget.apply(c);
          return null;
        });
      }
      return new PhaseOutcome(phaseId, Action.ROLLBACK, outcomes, "");
    }
  }

  /**
   * Counts the rows whose new column is not {@code up} of the old one, chunk by chunk. A check that finds
   * none is recorded for contract's gate, with the seal of the sync trigger as it was when the walk began.
   */
  public ConvergenceReport verify() throws SQLException {
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(true);
      BackfillTarget target = currentTarget(connection);
      if (!columnExists(connection, target, target.newColumn())) {
        throw new ExecutionRefusedException("verify: " + target.table().quoted() + " has no column "
            + target.newColumn() + ": expand of " + plan.migration() + " has not run yet, or contract has (colsync"
            + " status says which), so there is nothing to compare");
      }
      if (!columnExists(connection, target, target.oldColumn())) {
        throw new ExecutionRefusedException("verify: " + plan.migration() + " has been contracted: " + target.table()
            .quoted() + " has no column " + target.oldColumn() + " any more, only " + target.newColumn()
            + ", so there is nothing left to compare (colsync status shows when contract ran)");
      }
      Optional<String> seal = ContractGate.seal(connection, plan);
      ConvergenceReport report = new ConvergenceCheck(plan, target, settings).run(connection);
      if (report.converged() && seal.isPresent()) {
        ContractGate.record(connection, plan.migration(), seal.get(), report.rowsChecked());
      }
      return report;
    }
  }

  public MigrationStatus status() throws SQLException {
    try (Connection connection = connections.open()) {
      return StatusReader.read(connection, plan);
    }
  }

  private Session open() throws SQLException {
    Session session = Session.open(connections, plan.migration(), stopRequested::get);
    try {
      session.lockMigration(settings.otherRunWait());
      StateSchema.ensure(session.work);
      Registry.register(session.work, plan);
      return session;
    } catch (SQLException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private ExecutionPhase phase(String id) {
    return plan.phase(id).orElseThrow(() -> new ExecutionRefusedException("migration " + plan.migration()
        + " has no " + id + " phase (its phases: " + String.join(", ", plan.phaseIds()) + ")"));
  }

  /** Refuses {@code stepId} unless every step before it in the plan is applied. */
  /**
   * An earlier step that this executor did not record but whose work the catalog shows (another runner
   * applied it) is recorded as applied, with a notice.
   */
  private void requireOrder(Session session, String stepId, Map<String, AppliedSteps.Applied> applied) {
    List<ExecutionPlan.PhaseStep> missing = new ArrayList<>();
    for (ExecutionPlan.PhaseStep earlier : plan.forwardSteps()) {
      if (earlier.id().equals(stepId)) {
        break;
      }
      if (!applied.containsKey(earlier.id())) {
        missing.add(earlier);
      }
    }
    // The latest missing step whose work the catalog shows implies the ones before it (after a cut-over the
    // columns expand made carry other names, yet expand ran).
    int latest = -1;
    for (int i = missing.size() - 1; i >= 0 && latest < 0; i--) {
      if (inDatabase(session, missing.get(i))) {
        latest = i;
      }
    }
    for (int i = 0; i <= latest; i++) {
      adopt(session, missing.get(i), applied);
    }
    if (latest + 1 < missing.size()) {
      ExecutionPlan.PhaseStep first = missing.get(latest + 1);
      throw new ExecutionRefusedException(stepId + " cannot run yet: " + first.id()
          + " must be applied first (phase " + first.phase() + ")");
    }
  }

  private boolean inDatabase(Session session, ExecutionPlan.PhaseStep step) {
    String probe = step.step().appliedProbe();
    if (probe == null) {
      return false;
    }
    try {
      return Jdbc.inTransaction(session.work, c -> Jdbc.first(c, probe, row -> row.getBoolean(1))).orElse(false);
    } catch (SQLException notThere) {
      return false;
    }
  }

  private void adopt(Session session, ExecutionPlan.PhaseStep earlier, Map<String, AppliedSteps.Applied> applied) {
    try {
      String checksum = Checksums.sha256(earlier.step().sql());
      Jdbc.inTransaction(session.work, c -> {
        AppliedSteps.markApplied(c, plan.migration(), earlier.phase(), earlier.step().name(), checksum);
        return null;
      });
      applied.put(earlier.id(), new AppliedSteps.Applied(earlier.phase(), earlier.step().name(), checksum, null));
      listener.notice(earlier.id() + " was applied by another runner (its work is in the database); recorded as"
          + " applied");
    } catch (SQLException failure) {
      throw new ExecutionRefusedException(earlier.id() + " was applied by another runner, but recording it failed: "
          + StepFailedException.firstLine(failure.getMessage()));
    }
  }

  /**
   * The gate before an irreversible phase: every row converged and the read-path flag NEW. Returns
   * what the audit record says about it.
   */
  private Gate convergenceGate(Session session, ExecutionPhase phase, GateOverride override) throws SQLException {
    List<String> problems = new ArrayList<>();
    Optional<String> seal = ContractGate.seal(session.work, plan);
    // Without a switch phase (an in-place type change) the application reads the column by its name.
    boolean readPathMatters = plan.phase(SWITCH_PHASE).isPresent();
    ReadPath readPath = JdbcFlagStore.read(session.work, plan.migration());
    if (readPathMatters && readPath != ReadPath.NEW) {
      problems.add("the read-path flag is " + readPath + ", not NEW");
    }
    BackfillTarget target = currentTarget(session.work);
    ConvergenceReport report = new ConvergenceCheck(plan, target, settings).run(session.work);
    if (!report.converged()) {
      problems.add(report.divergentRows() + " of " + report.rowsChecked() + " rows have " + target.newColumn()
          + " IS DISTINCT FROM up(" + target.oldColumn() + "), keys "
          + report.sampleKeys().stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    String found = String.join("; ", problems);
    if (problems.isEmpty()) {
      if (seal.isPresent()) {
        ContractGate.record(session.work, plan.migration(), seal.get(), report.rowsChecked());
      }
      return new Gate("gate: " + report.rowsChecked() + " rows converged" + (readPathMatters ? ", read path NEW" : ""),
          false);
    }
    if (override == null) {
      throw new ExecutionRefusedException(phase.id() + " refused: " + found + ". It cannot be undone without loss,"
          + " so it runs only once every row has converged and the application reads the new column;"
          + " fix that, or name an override with its reason");
    }
    listener.notice("convergence gate overridden (" + override.reason() + "): " + found);
    return new Gate("gate overridden by " + session.actor.osUser() + "@" + session.actor.host() + " ("
        + override.reason() + "): " + found, true);
  }

  /** What the gate found, for the audit record, and whether it was overridden. */
  private record Gate(String detail, boolean overridden) {}

  /** The check script's work was done by the gate, chunk by chunk; the step is recorded as its result. */
  private StepOutcome checkedByGate(StepRunner runner, String phaseId, ExecutionStep step, String gateDetail,
      StepRunner.StateChange mark) throws SQLException {
    listener.stepStarted(phaseId, step.name(), Action.APPLY);
    runner.recordSuccess(phaseId, step.name(), step.sql(), Action.APPLY, Instant.now(), Duration.ZERO, AuditLog.OK,
        gateDetail, mark);
    StepOutcome outcome = new StepOutcome(phaseId, step.name(), Action.APPLY, StepOutcome.Result.DONE, Duration.ZERO,
        1, gateDetail);
    listener.stepFinished(outcome);
    return outcome;
  }

  private StepOutcome backfill(Session session, StepRunner runner, String phaseId, ExecutionStep step, Action action,
      String detail, StepRunner.StateChange change) throws SQLException {
    listener.stepStarted(phaseId, step.name(), action);
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    String direction = step.kind() == ExecutionStep.Kind.BACKFILL_UP ? "up" : "down";
    // Refilling the old column is the rollback of contract, which comes after any cut-over.
    BackfillRunner backfill = new BackfillRunner(session, plan, plan.backfill(direction.equals("down")), settings,
        listener, random);
    String ran = step.sql();
    BackfillResult result;
    try {
      ran = backfill.sql(direction);
      result = backfill.run(direction);
    } catch (SQLException failure) {
      StepFailedException failed = new StepFailedException(phaseId, step.name(), 1, List.of(), failure);
      runner.recordFailure(phaseId, step.name(), ran, action, startedAt, StepRunner.elapsed(start), failed);
      throw failed;
    }
    Duration took = StepRunner.elapsed(start);
    String fullDetail = StepRunner.join(detail, result.describe());
    runner.recordSuccess(phaseId, step.name(), ran, action, startedAt, took,
        result.done() ? AuditLog.OK : AuditLog.CANCELLED, fullDetail, result.done() ? change : StepRunner.StateChange.NONE);
    StepOutcome outcome = new StepOutcome(phaseId, step.name(), action,
        result.done() ? StepOutcome.Result.DONE : StepOutcome.Result.CANCELLED, took, 1, fullDetail);
    listener.stepFinished(outcome);
    return outcome;
  }

  private static boolean columnExists(Connection connection, BackfillTarget target, String column) throws SQLException {
    return Jdbc.first(connection, "SELECT FROM pg_catalog.pg_attribute WHERE attrelid = CAST(? AS"
        + " pg_catalog.regclass) AND attname = ? AND attnum > 0 AND NOT attisdropped", row -> true,
        target.table().quoted(), column).isPresent();
  }

  /** The backfill's columns as the table names them now: after cut-over, the old column has a temporary name. */
  private BackfillTarget currentTarget(Connection connection) throws SQLException {
    if (plan.afterCutover().isEmpty()) {
      return plan.backfill();
    }
    BackfillTarget after = plan.afterCutover().get();
    return plan.backfill(columnExists(connection, after, after.oldColumn()));
  }

  private static String id(ExecutionPhase phase, ExecutionStep step) {
    return phase.id() + "/" + step.name();
  }
}
