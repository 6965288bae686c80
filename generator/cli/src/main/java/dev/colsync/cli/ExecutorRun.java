package dev.colsync.cli;

import dev.colsync.runtime.execution.ExecutionPhase;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.ExecutionRefusedException;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import dev.colsync.runtime.execution.PhaseOutcome;
import dev.colsync.runtime.execution.StepFailedException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What {@code apply} and {@code rollback} share: settings, progress, and how outcomes and refusals are told. */
final class ExecutorRun {
  /** How long Ctrl-C waits for the run to reach a safe point: a batch, or a lock attempt under its timeout. */
  static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private ExecutorRun() {}

  /** A phase run by the executor. */
  interface PhaseWork {
    PhaseOutcome run() throws SQLException;
  }

  static ExecutionSettings settings(CommandSpec command, RunOptions options) {
    try {
      return options.settings();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "invalid option values: " + e.getMessage());
    }
  }

  static ConsoleReporter reporter(CommandSpec command, RunOptions options) {
    PrintWriter err = command.commandLine().getErr();
    boolean bar = options.progress == RunOptions.ProgressMode.BAR
        || options.progress == RunOptions.ProgressMode.AUTO && System.console() != null;
    return new ConsoleReporter(command.commandLine().getOut(), err,
        () -> bar ? new ProgressBarDisplay(err) : new ProgressLines(err, options.progressInterval));
  }

  /**
   * The phase {@code phaseId} of {@code plan}, or empty after saying on standard error that the
   * migration has no such phase.
   */
  static Optional<ExecutionPhase> phase(CommandSpec command, ExecutionPlan plan, String phaseId) {
    Optional<ExecutionPhase> phase = plan.phase(phaseId);
    if (phase.isEmpty()) {
      PrintWriter err = command.commandLine().getErr();
      String why = switch (phaseId) {
        case "cutover" -> "; cutover comes only with a type change in place (to.column equal to from.column)";
        case "indexes" -> "; indexes comes only when the spec records indexes over the column to copy";
        case "validate" -> "; validate comes only with a NOT NULL new column or constraints to copy";
        case "switch" -> "; switch comes only with a read path (an in-place change keeps the column's name)";
        case "alter-type" -> "; alter-type is the one phase of a catalog-only type change (retype.strategy: auto)";
        default -> plan.phase("alter-type").isPresent()
            ? "; a catalog-only type change has no new column: it is all in alter-type" : "";
      };
      err.println("this migration has no " + phaseId + " phase (" + plan.migration() + " has: "
          + String.join(", ", plan.phaseIds()) + ")" + why);
      err.flush();
    }
    return phase;
  }

  /**
   * Runs {@code work}, telling the outcome, a refusal or a failure in a line or two; returns the exit code.
   * Ctrl-C (or a SIGTERM) asks {@code executor} to stop at its next safe point and waits for it, up to
   * {@link #STOP_WAIT}, so the backfill's checkpoint and the audit record are written and the user is told how
   * to go on; the process then exits with the signal's status (130 for Ctrl-C).
   */
  static int run(CommandSpec command, ConsoleReporter reporter, MigrationExecutor executor, PhaseWork work)
      throws SQLException {
    CountDownLatch told = new CountDownLatch(1);
    Thread stopper = new Thread(() -> {
      executor.requestStop();
      try {
        told.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "colsync-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      return runToEnd(command, reporter, executor, work);
    } finally {
      told.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it returns now that the outcome is told.
      }
    }
  }

  private static int runToEnd(CommandSpec command, ConsoleReporter reporter, MigrationExecutor executor,
      PhaseWork work) throws SQLException {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    String name = command.qualifiedName();
    try {
      PhaseOutcome outcome = work.run();
      reporter.finish();
      if (!outcome.note().isEmpty()) {
        out.println(outcome.phase() + ": " + outcome.note());
      }
      out.flush();
      if (!outcome.complete()) {
        err.println(name + (executor.stopRequested()
            ? ": interrupted: phase " + outcome.phase() + " stopped after its current batch; its checkpoint is kept"
                + " and the stop is recorded in the audit trail; run the same command again to go on from it"
            : ": phase " + outcome.phase() + " is not complete: its backfill was cancelled; run the same command"
                + " again to go on from the checkpoint"));
        err.flush();
        return ExitCodes.FAILURE;
      }
      if (executor.stopRequested()) {
        err.println(name + ": interrupted after phase " + outcome.phase() + " was applied");
        err.flush();
      }
      return ExitCodes.OK;
    } catch (ExecutionRefusedException e) {
      reporter.finish();
      err.println(name + ": refused: " + e.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    } catch (StepFailedException e) {
      reporter.finish();
      err.println(name + ": " + e.getMessage());
      if (executor.stopRequested()) {
        err.println(name + ": interrupted: " + e.phase() + "/" + e.step() + " was not retried and is recorded as"
            + " failed in the audit trail; run the same command again to go on");
      }
      err.flush();
      return ExitCodes.FAILURE;
    }
  }

  /** The first line of a (PostgreSQL) message; the rest is context for --verbose. */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end).stripTrailing();
  }
}
