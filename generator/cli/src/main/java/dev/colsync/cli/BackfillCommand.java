package dev.colsync.cli;

import dev.colsync.runtime.execution.BackfillControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync backfill pause|resume|cancel}: controls a migration's backfill from any process. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Pauses, resumes or cancels the backfill of SPEC's migration, wherever it runs: the running backfill acts"
            + " before its next batch.",
        "A pause lasts until a resume, across runs; a cancel stops the running backfill and keeps its checkpoint,"
            + " so the next 'colsync apply --phase backfill' goes on from there."})
final class BackfillCommand implements Runnable {

  @Spec
  CommandSpec command;

  @Override
  public void run() {
    throw new ParameterException(command.commandLine(), "Missing required subcommand: pause, resume or cancel");
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Holds the backfill before its next batch until it is resumed.")
  int pause(@Parameters(paramLabel = "SPEC", description = "The migration's spec file.") Path spec,
      @Mixin DatabaseUrl database) throws Exception {
    return request(spec, database, BackfillControl.Request.PAUSE);
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Lets a paused backfill go on.")
  int resume(@Parameters(paramLabel = "SPEC", description = "The migration's spec file.") Path spec,
      @Mixin DatabaseUrl database) throws Exception {
    return request(spec, database, BackfillControl.Request.RESUME);
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Stops the running backfill after its current batch; its checkpoint is kept.")
  int cancel(@Parameters(paramLabel = "SPEC", description = "The migration's spec file.") Path spec,
      @Mixin DatabaseUrl database) throws Exception {
    return request(spec, database, BackfillControl.Request.CANCEL);
  }

  private int request(Path specPath, DatabaseUrl database, BackfillControl.Request request) throws Exception {
    PrintWriter out = command.commandLine().getOut();
    Optional<MigrationFile.Loaded> loaded = MigrationFile.loadOne(specPath, command.commandLine().getErr());
    if (loaded.isEmpty()) {
      return ExitCodes.BAD_INPUT;
    }
    String migration = loaded.get().spec().migration();
    try (Connection connection = database.connect()) {
      Optional<Integer> running = BackfillControl.runningBackend(connection, migration);
      if (request == BackfillControl.Request.CANCEL && running.isEmpty()) {
        out.println("no colsync run of " + migration + " is in progress; nothing to cancel");
        out.flush();
        return ExitCodes.OK;
      }
      if (request == BackfillControl.Request.RESUME && BackfillControl.read(connection, migration)
          .filter(state -> state.request() == BackfillControl.Request.PAUSE).isEmpty()) {
        out.println(migration + "'s backfill is not paused; nothing to resume");
        out.flush();
        return ExitCodes.OK;
      }
      BackfillControl.request(connection, migration, request);
      String where = running.map(pid -> "the running backfill (backend pid " + pid + ")")
          .orElse("no colsync run of " + migration + " is in progress; the next run");
      out.println(migration + ": " + switch (request) {
        case PAUSE -> "pause requested; " + where + " waits before its next batch until resumed";
        case RESUME -> "resume requested; " + where + " goes on";
        case CANCEL -> "cancel requested; " + where + " stops after its current batch and keeps its checkpoint";
      });
      out.flush();
      return ExitCodes.OK;
    }
  }
}
