package dev.colsync.cli;

import dev.colsync.runtime.execution.CheckpointState;
import dev.colsync.runtime.execution.MigrationStatus;
import dev.colsync.runtime.execution.StatusReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync status}: where each migration stands in a database. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Shows, for each migration, its last applied step, its backfill's progress and control request,"
        + " whether a colsync run of it is in progress, and its read-path flag. Without SPEC: every migration"
        + " colsync has run against the database. Reads only.")
final class StatusCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(arity = "0..*", paramLabel = "SPEC",
      description = "Spec files, or directories whose *.yaml and *.yml files are specs.")
  List<Path> specPaths = new ArrayList<>();

  @Mixin
  DatabaseUrl database;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    List<MigrationStatus> statuses = new ArrayList<>();
    List<Integer> stepCounts = new ArrayList<>();
    Optional<List<MigrationFile.Loaded>> loaded = specPaths.isEmpty() ? Optional.of(List.of())
        : MigrationFile.load(specPaths, command.commandLine().getErr());
    if (loaded.isEmpty()) {
      return ExitCodes.BAD_INPUT;
    }
    try (Connection connection = database.connect()) {
      if (specPaths.isEmpty()) {
        statuses.addAll(StatusReader.readAll(connection));
        statuses.forEach(status -> stepCounts.add(-1));
      } else {
        for (MigrationFile.Loaded spec : loaded.get()) {
          statuses.add(StatusReader.read(connection, spec.execution()));
          stepCounts.add((int) spec.execution().phases().stream().mapToLong(phase -> phase.steps().size()).sum());
        }
      }
    }
    if (statuses.isEmpty()) {
      out.println("no migration has been run against this database");
    }
    for (int i = 0; i < statuses.size(); i++) {
      print(out, statuses.get(i), stepCounts.get(i));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, MigrationStatus status, int steps) {
    out.println(status.migration() + " (" + status.table() + ")");
    String count = steps < 0 ? status.appliedSteps().size() + " steps applied"
        : status.appliedSteps().size() + " of " + steps + " steps applied";
    out.println("  last applied: " + status.lastApplied()
        .map(last -> last.step() + " at " + last.appliedAt() + " (" + count + ")").orElse("nothing yet"));
    if (status.checkpoints().isEmpty()) {
      out.println("  backfill: no checkpoint (before backfill/prepare, or after contract)");
    }
    for (CheckpointState checkpoint : status.checkpoints()) {
      out.println("  backfill " + checkpoint.direction() + ": " + (checkpoint.done() ? "done" : "in progress") + ", "
          + checkpoint.rowsChanged() + " rows changed in " + checkpoint.batches() + " batches, last key "
          + (checkpoint.lastKey().isEmpty() ? "none" : "(" + String.join(", ", checkpoint.lastKey()) + ")")
          + ", updated " + checkpoint.updatedAt());
    }
    status.control().ifPresent(control -> out.println("  backfill control: " + control.request().name()
        .toLowerCase(Locale.ROOT) + " requested by " + control.requestedBy() + " at " + control.requestedAt()));
    out.println("  running now: " + status.runningBackend().map(pid -> "yes, backend pid " + pid).orElse("no"));
    out.println("  read path: " + status.readPath());
  }
}
