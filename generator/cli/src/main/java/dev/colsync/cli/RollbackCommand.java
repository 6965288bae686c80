package dev.colsync.cli;

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

/** {@code colsync rollback}: undoes one phase against a database. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs the rollback steps of one phase of SPEC's migration, then counts none of its steps as applied."
            + " Later phases must be rolled back first. Each step is recorded in the audit trail.",
        "Exit codes: 0 rolled back (or nothing to roll back), 1 refused, failed or cancelled, 2 bad input."})
final class RollbackCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The migration's spec file.")
  Path specPath;

  @Option(names = "--phase", required = true, paramLabel = "PHASE", converter = PhaseName.Converter.class,
      completionCandidates = PhaseName.Candidates.class, description = "One of: ${COMPLETION-CANDIDATES}.")
  String phase;

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
    if (ExecutorRun.phase(command, loaded.get().execution(), phase).isEmpty()) {
      return ExitCodes.BAD_INPUT;
    }
    ConsoleReporter reporter = ExecutorRun.reporter(command, options);
    MigrationExecutor executor = new MigrationExecutor(database.source(), loaded.get().execution(),
        ExecutorRun.settings(command, options), reporter);
    return ExecutorRun.run(command, reporter, executor, () -> executor.rollback(phase));
  }
}
