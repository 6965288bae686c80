package dev.colsync.cli;

import dev.colsync.runtime.execution.ExecutionPhase;
import dev.colsync.runtime.execution.GateOverride;
import dev.colsync.runtime.execution.MigrationExecutor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync apply}: runs the steps of one phase against a database. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs the steps of one phase of SPEC's migration that are not applied yet, in order, and records each in"
            + " the database's audit trail.",
        "Every lock is taken under the spec's lock timeout and retried with jittered backoff; the backfill walks"
            + " the table in adaptive batches, resumes from its checkpoint, and pauses while the database is"
            + " strained. contract runs only once every row has converged and the read path is NEW.",
        "Exit codes: 0 the phase is applied, 1 refused, failed or cancelled, 2 bad input."})
final class ApplyCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The migration's spec file.")
  Path specPath;

  @Option(names = "--phase", required = true, paramLabel = "PHASE", converter = PhaseName.Converter.class,
      completionCandidates = PhaseName.Candidates.class, description = "One of: ${COMPLETION-CANDIDATES}.")
  String phase;

  @Option(names = "--override-contract-gate", paramLabel = "REASON",
      description = "Apply contract although rows still diverge or the read path is not NEW. REASON is recorded"
          + " in the audit trail with what was overridden.")
  String overrideReason;

  @Mixin
  DatabaseUrl database;

  @Mixin
  RunOptions options;

  @Override
  public Integer call() throws Exception {
    Optional<MigrationFile.Loaded> loaded = MigrationFile.loadOne(specPath, command.commandLine().getErr());
    if (loaded.isEmpty()) {
      return ExitCodes.BAD_INPUT;
    }
    Optional<ExecutionPhase> target = ExecutorRun.phase(command, loaded.get().execution(), phase);
    if (target.isEmpty()) {
      return ExitCodes.BAD_INPUT;
    }
    String migration = loaded.get().spec().migration();
    if (overrideReason != null && (!target.get().irreversible() || overrideReason.isBlank())) {
      command.commandLine().getErr().println("--override-contract-gate needs a reason and applies to contract only");
      command.commandLine().getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
    if (target.get().steps().isEmpty()) {
      command.commandLine().getOut().println(phase + " runs no SQL: move the read path with 'colsync flag set "
          + migration + " SHADOW', then NEW, once the application reads correctly");
      command.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    ConsoleReporter reporter = ExecutorRun.reporter(command, options);
    MigrationExecutor executor = new MigrationExecutor(database.source(), loaded.get().execution(),
        ExecutorRun.settings(command, options), reporter);
    GateOverride override = overrideReason == null ? null : new GateOverride(overrideReason);
    return ExecutorRun.run(command, reporter, executor, () -> executor.apply(phase, override));
  }
}
