package dev.colsync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync status}: where each migration stands in a database. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Shows, for each migration, its applied steps, where its backfill stands (done, running, paused,"
        + " cancelling or stopped with its checkpoint kept) and what to run next, whether a colsync run of it is in"
        + " progress, and its read-path flag. Without SPEC: every migration colsync has run against the database."
        + " Reads only.")
final class StatusCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(arity = "0..*", paramLabel = "SPEC",
      description = "Spec files, or directories whose *.yaml and *.yml files are specs.")
  List<Path> specPaths = new ArrayList<>();

  @Mixin
  DatabaseUrl database;

  @Option(names = "--json", description = "Print one JSON document (its shape is in the README) instead of text.")
  boolean json;

  /** A migration's status with what the spec adds: its step count and its path, when a spec was given. */
  private record Shown(MigrationStatus status, Optional<Integer> totalSteps, String specPath) {}

  @Override
  public Integer call() throws Exception {
    List<Shown> shown = new ArrayList<>();
    Optional<List<MigrationFile.Loaded>> loaded = specPaths.isEmpty() ? Optional.of(List.of())
        : MigrationFile.load(specPaths, command.commandLine().getErr());
    if (loaded.isEmpty()) {
      return ExitCodes.BAD_INPUT;
    }
    try (Connection connection = database.connect()) {
      if (specPaths.isEmpty()) {
        StatusReader.readAll(connection).forEach(status -> shown.add(new Shown(status, Optional.empty(), "SPEC")));
      } else {
        for (MigrationFile.Loaded spec : loaded.get()) {
          int steps = (int) spec.execution().phases().stream().mapToLong(phase -> phase.steps().size()).sum();
          shown.add(new Shown(StatusReader.read(connection, spec.execution()), Optional.of(steps),
              spec.file().toString()));
        }
      }
    }
    PrintWriter out = command.commandLine().getOut();
    if (json) {
      ArrayNode migrations = Json.array();
      shown.forEach(each -> migrations.add(toJson(each)));
      ObjectNode document = Json.object();
      document.set("migrations", migrations);
      Json.print(out, document);
      return ExitCodes.OK;
    }
    if (shown.isEmpty()) {
      out.println("no migration has been run against this database");
    }
    shown.forEach(each -> print(out, each));
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Shown shown) {
    MigrationStatus status = shown.status();
    out.println(status.migration() + " (" + status.table() + ")");
    String count = shown.totalSteps().map(total -> status.appliedSteps().size() + " of " + total)
        .orElse(Integer.toString(status.appliedSteps().size()));
    out.println("  steps: " + count + " applied" + status.lastApplied()
        .map(last -> ", the last " + last.step() + " at " + Json.instant(last.appliedAt())).orElse(""));
    if (status.checkpoints().isEmpty()) {
      out.println("  backfill: " + (status.appliedSteps().stream().anyMatch(step -> step.startsWith("contract/"))
          ? "its checkpoint was dropped by contract" : "not started"));
    }
    for (CheckpointState checkpoint : status.checkpoints()) {
      out.println("  backfill " + checkpoint.direction() + ": " + describe(checkpoint, status, shown.specPath()));
    }
    out.println("  colsync run in progress: "
        + status.runningBackend().map(pid -> "backend pid " + pid).orElse("none"));
    out.println("  read path: " + status.readPath());
    out.println("  instances reporting: " + (status.instances().isEmpty() ? "none" : status.instances().stream()
        .map(live -> live.instance() + " (" + live.application() + ") reads " + live.readPath()
            + (live.knowsMigration() ? "" : " (it does not know this migration)") + ", seen at "
            + Json.instant(live.seenAt())).collect(Collectors.joining("; "))));
  }

  private static String describe(CheckpointState checkpoint, MigrationStatus status, String specPath) {
    String progress = checkpoint.rowsChanged() + " rows changed in " + checkpoint.batches() + " batches";
    String where = progress + (checkpoint.lastKey().isEmpty() ? ""
        : ", last key (" + String.join(", ", checkpoint.lastKey()) + ")");
    return switch (BackfillStanding.of(checkpoint, status)) {
      case DONE -> "done, " + progress;
      case RUNNING -> "running in backend pid " + status.runningBackend().orElseThrow() + ", " + where;
      case CANCELLING -> "cancelling: backend pid " + status.runningBackend().orElseThrow()
          + " stops after its current batch, " + where;
      case PAUSED -> "paused on request of " + status.control().orElseThrow().requestedBy() + " at "
          + Json.instant(status.control().orElseThrow().requestedAt()) + ", " + where
          + "; go on with: colsync backfill resume " + specPath;
      case STOPPED -> "stopped, " + where + "; the checkpoint is kept, go on with: colsync apply --phase backfill "
          + specPath;
    };
  }

  private static ObjectNode toJson(Shown shown) {
    MigrationStatus status = shown.status();
    ObjectNode migration = Json.object();
    migration.put("migration", status.migration());
    migration.put("table", status.table().toString());
    migration.set("appliedSteps", Json.strings(status.appliedSteps()));
    migration.put("totalSteps", shown.totalSteps().orElse(null));
    migration.set("lastApplied", status.lastApplied().<ObjectNode>map(last -> {
      ObjectNode node = Json.object();
      node.put("step", last.step());
      node.put("at", Json.instant(last.appliedAt()));
      return node;
    }).orElse(null));
    ArrayNode backfill = Json.array();
    for (CheckpointState checkpoint : status.checkpoints()) {
      ObjectNode node = backfill.addObject();
      node.put("direction", checkpoint.direction());
      node.put("state", BackfillStanding.of(checkpoint, status).id());
      node.put("rowsChanged", checkpoint.rowsChanged());
      node.put("batches", checkpoint.batches());
      node.set("lastKey", checkpoint.lastKey().isEmpty() ? null : Json.strings(checkpoint.lastKey()));
      node.put("startedAt", Json.instant(checkpoint.startedAt()));
      node.put("updatedAt", Json.instant(checkpoint.updatedAt()));
    }
    migration.set("backfill", backfill);
    migration.set("control", status.control().<ObjectNode>map(control -> {
      ObjectNode node = Json.object();
      node.put("request", control.request().name().toLowerCase(Locale.ROOT));
      node.put("requestedBy", control.requestedBy());
      node.put("requestedAt", Json.instant(control.requestedAt()));
      return node;
    }).orElse(null));
    migration.put("runningBackend", status.runningBackend().orElse(null));
    migration.put("readPath", status.readPath().name());
    ArrayNode instances = migration.putArray("instances");
    for (MigrationStatus.LiveInstance live : status.instances()) {
      ObjectNode node = instances.addObject();
      node.put("instance", live.instance());
      node.put("application", live.application());
      node.put("host", live.host());
      node.put("pid", live.pid());
      node.put("readPath", live.readPath().name());
      node.put("knowsMigration", live.knowsMigration());
      node.put("seenAt", Json.instant(live.seenAt()));
    }
    return migration;
  }
}
