package dev.colsync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colsync.runtime.execution.ConvergenceReport;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionRefusedException;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.MigrationExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync verify}: counts the rows whose new column disagrees with the old one. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Counts the rows of SPEC's table where the new column IS DISTINCT FROM up(old column), walking the key in"
            + " chunks of one short transaction each, and shows the keys (never the values) of some of them.",
        "Exit codes: 0 every row agrees, 1 some rows diverge (or the check failed), 2 bad input."})
final class VerifyCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The migration's spec file.")
  Path specPath;

  @Mixin
  DatabaseUrl database;

  @Option(names = "--chunk-rows", paramLabel = "ROWS", defaultValue = "10000",
      description = "Rows per chunk (default: ${DEFAULT-VALUE}).")
  int chunkRows;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "20",
      description = "How many keys of divergent rows to show at most (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--json", description = "Print one JSON document (its shape is in the README) instead of text;"
      + " the exit code is the same.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    Optional<MigrationFile.Loaded> loaded = MigrationFile.loadOne(specPath, err);
    if (loaded.isEmpty()) {
      return ExitCodes.BAD_INPUT;
    }
    if (chunkRows < 1 || sample < 0) {
      err.println("--chunk-rows must be at least 1 and --sample at least 0");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (loaded.get().plan().catalogOnly()) {
      err.println(command.qualifiedName() + ": " + loaded.get().file() + ": " + loaded.get().spec().migration()
          + " changes the type of column " + loaded.get().spec().change().from().name() + " in place (strategy"
          + " auto): there is no second column to compare; colsync status shows whether alter-type ran");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    var plan = loaded.get().execution();
    ExecutionSettings settings = ExecutionSettings.defaults().withVerify(chunkRows, sample);
    ConvergenceReport report;
    try {
      report = new MigrationExecutor(database.source(), plan, settings, new ExecutionListener() {}).verify();
    } catch (SQLException e) {
      return failed(plan.migration(), "failed", "the check failed: " + ExecutorRun.firstLine(e.getMessage()));
    } catch (ExecutionRefusedException e) {
      return failed(plan.migration(), "refused", e.getMessage());
    }
    // After an in-place cut-over the columns compared are the swapped ones: name those the check used.
    String oldColumn = report.oldColumn().isEmpty() ? plan.backfill().oldColumn() : report.oldColumn();
    String newColumn = report.newColumn().isEmpty() ? plan.backfill().newColumn() : report.newColumn();
    List<String> keyColumns = report.keyColumns().isEmpty() ? plan.backfill().keyColumns() : report.keyColumns();
    String comparison = newColumn + " IS DISTINCT FROM up(" + oldColumn + ")";
    if (json) {
      ObjectNode document = outcome(plan.migration(), report.converged() ? "converged" : "diverged");
      document.put("rowsChecked", report.rowsChecked());
      document.put("divergentRows", report.divergentRows());
      document.put("comparison", comparison);
      document.set("keyColumns", Json.strings(keyColumns));
      ArrayNode keys = document.putArray("sampleKeys");
      report.sampleKeys().forEach(key -> keys.add(Json.strings(key)));
      Json.print(out, document);
      return report.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
    if (report.converged()) {
      out.println(plan.migration() + ": all " + report.rowsChecked() + " rows agree (no row has " + comparison + ")");
      out.flush();
      return ExitCodes.OK;
    }
    out.println(plan.migration() + ": " + report.divergentRows() + " of " + report.rowsChecked() + " rows diverge ("
        + comparison + ")");
    if (!report.sampleKeys().isEmpty()) {
      out.println("  keys (" + String.join(", ", keyColumns) + ")"
          + (report.sampleKeys().size() < report.divergentRows() ? ", the first " + report.sampleKeys().size() : "")
          + ": " + report.sampleKeys().stream().map(key -> "(" + String.join(", ", key) + ")")
              .collect(Collectors.joining(" ")));
    }
    out.flush();
    return ExitCodes.FAILURE;
  }

  /** A check that could not count: said on standard error, and with {@code --json} also as the document. */
  private int failed(String migration, String outcome, String message) {
    PrintWriter err = command.commandLine().getErr();
    err.println(command.qualifiedName() + ": " + message);
    err.flush();
    if (json) {
      ObjectNode document = outcome(migration, outcome);
      document.put("message", message);
      Json.print(command.commandLine().getOut(), document);
    }
    return ExitCodes.FAILURE;
  }

  private static ObjectNode outcome(String migration, String outcome) {
    ObjectNode document = Json.object();
    document.put("migration", migration);
    document.put("outcome", outcome);
    return document;
  }
}
