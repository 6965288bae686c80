package dev.colsync.cli;

import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync flag set}: moves one migration's read path, one step at a time unless forced. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Sets the read path of MIGRATION, creating the flag table if it does not exist yet. MIGRATION must be"
            + " known to the database (expanded, flagged or audited) unless --force is given.",
        "The path moves one step at a time, OLD -> SHADOW -> NEW (and back): a move of two steps is refused with a"
            + " warning unless --force is given."})
final class FlagSetCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Mixin
  DatabaseUrl database;

  @Parameters(index = "0", paramLabel = "MIGRATION", converter = FlagDatabase.MigrationName.class,
      description = "The migration's name, as in its spec.")
  String migration;

  @Parameters(index = "1", paramLabel = "PATH", converter = FlagDatabase.Path.class,
      description = "OLD, SHADOW or NEW.")
  ReadPath path;

  @Option(names = "--force", description = "Move two steps at once (OLD -> NEW or NEW -> OLD), or set the flag of a"
      + " migration this database does not know yet.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    try (Connection connection = database.connect()) {
      if (!force && !FlagDatabase.known(connection, migration)) {
        err.println(migration + ": no such migration in this database (no sync trigger of its expand, no flag, no"
            + " audit record); check the name against the spec's migration key, or add --force to set it before"
            + " expand");
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      ReadPath current = JdbcFlagStore.read(connection, migration);
      if (current == path) {
        out.println(migration + " already reads " + path);
        out.flush();
        return ExitCodes.OK;
      }
      if (current.stepsTo(path) > 1 && !force) {
        err.println("warning: " + migration + ": " + current + " -> " + path + " skips SHADOW, where the new column"
            + " is read beside the old one and every difference is reported before the application depends on it");
        err.println(migration + " still reads " + current + "; set SHADOW first, or add --force");
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      JdbcFlagStore.write(connection, migration, path);
      out.println(migration + ": " + current + " -> " + path);
      out.flush();
      return ExitCodes.OK;
    }
  }
}
