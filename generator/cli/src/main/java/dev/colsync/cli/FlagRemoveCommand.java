package dev.colsync.cli;

import dev.colsync.runtime.flag.JdbcFlagStore;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync flag remove}: deletes the flag of a migration that is not in progress. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Deletes the read-path flag of MIGRATION, once its application reads the new column for good",
        "(FlagSource.fixed(NEW)) or the migration was rolled back entirely. Refused while the migration's sync",
        "trigger is in place: without a flag every reader reads OLD."})
final class FlagRemoveCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Mixin
  DatabaseUrl database;

  @Parameters(index = "0", paramLabel = "MIGRATION", converter = FlagDatabase.MigrationName.class,
      description = "The migration's name, as in its spec.")
  String migration;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try (Connection connection = database.connect()) {
      if (FlagDatabase.inProgress(connection, migration)) {
        err.println(migration + " is in progress (its sync trigger is in place): without its flag every reader"
            + " would read OLD; remove it after contract, or after rolling the migration back entirely");
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      if (!JdbcFlagStore.remove(connection, migration)) {
        out.println(migration + " has no flag");
        out.flush();
        return ExitCodes.OK;
      }
      out.println(migration + ": flag removed; a JdbcFlagSource still asking for it now reads OLD");
      out.flush();
      return ExitCodes.OK;
    }
  }
}
