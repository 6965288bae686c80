package dev.colsync.cli;

import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync flag get}: prints one migration's read path. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Prints the read path of MIGRATION: OLD, SHADOW or NEW (OLD when it has no flag).")
final class FlagGetCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Mixin
  DatabaseUrl database;

  @Parameters(index = "0", paramLabel = "MIGRATION", converter = FlagDatabase.MigrationName.class,
      description = "The migration's name, as in its spec.")
  String migration;

  @Override
  public Integer call() throws Exception {
    boolean set;
    ReadPath path;
    try (Connection connection = database.connect()) {
      set = JdbcFlagStore.list(connection).stream().anyMatch(flag -> flag.migration().equals(migration));
      path = JdbcFlagStore.read(connection, migration);
    }
    command.commandLine().getOut().println(path);
    command.commandLine().getOut().flush();
    if (!set) {
      command.commandLine().getErr().println(migration + " has no flag, so it reads OLD");
      command.commandLine().getErr().flush();
    }
    return ExitCodes.OK;
  }
}
