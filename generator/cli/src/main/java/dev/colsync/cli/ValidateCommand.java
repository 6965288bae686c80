package dev.colsync.cli;

import dev.colsync.core.catalog.FlywayHistory;
import dev.colsync.core.plan.CatalogOnlyChange;
import dev.colsync.core.spec.MigrationSpec;
import java.io.PrintWriter;
import java.sql.Connection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync validate}: checks specs and reports every problem; writes nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Checks specs and reports every problem of every spec. Writes nothing.",
        "With --url, also checks each spec against the live database as expand would (the table, the old"
            + " column's type and nullability, the key, the recorded objects, a new column that must not exist"
            + " yet, what up and down bind to), in a transaction it rolls back."})
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(arity = "1..*", paramLabel = "SPEC",
      description = "Spec files, or directories whose *.yaml and *.yml files are specs.")
  List<Path> specPaths;

  @Option(names = "--url", paramLabel = "JDBC", converter = JdbcUrl.class,
      description = "Also check each spec against this database, e.g. jdbc:postgresql://db:5432/app?user=colsync.")
  String url;

  @Override
  public Integer call() throws Exception {
    SpecBatch batch = SpecBatch.load(specPaths);
    if (batch.hasProblems()) {
      batch.reportProblems(command.commandLine().getErr(), "");
      return ExitCodes.BAD_INPUT;
    }
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    if (url == null) {
      for (SpecBatch.LoadedSpec loaded : batch.specs()) {
        out.println("ok: " + loaded.file() + " (" + loaded.spec().migration() + ")" + strategy(loaded.spec()));
      }
      out.flush();
      return ExitCodes.OK;
    }
    int exit = ExitCodes.OK;
    LiveCheck check = new LiveCheck();
    try (Connection connection = JdbcUrl.source(url).open()) {
      Optional<FlywayHistory> flyway = FlywayHistory.read(connection);
      for (SpecBatch.LoadedSpec loaded : batch.specs()) {
        LiveCheck.Outcome outcome = check.run(connection, loaded.spec());
        Optional<String> outOfOrder = flyway.flatMap(history -> outOfOrder(loaded.spec(), history));
        if (outOfOrder.isPresent()) {
          err.println(loaded.file() + ": " + outOfOrder.get());
          exit = ExitCodes.BAD_INPUT;
        } else if (outcome.passed()) {
          out.println("ok: " + loaded.file() + " (" + loaded.spec().migration() + ") matches the database"
              + outcome.notices().stream().map(notice -> "; " + notice).collect(Collectors.joining())
              + strategy(loaded.spec()));
        } else {
          err.println(loaded.file() + ": does not match the database: " + outcome.refusal());
          exit = ExitCodes.BAD_INPUT;
        }
      }
    }
    out.flush();
    err.flush();
    return exit;
  }

  /** What {@code strategy: auto} chose and why, when the spec asks for it. */
  private static String strategy(MigrationSpec spec) {
    String explanation = CatalogOnlyChange.decide(spec).explanation();
    return explanation.isEmpty() ? "" : "; " + explanation;
  }

  /** Why Flyway would refuse the spec's scripts as out of order in a database with {@code history}, if it would. */
  private static Optional<String> outOfOrder(MigrationSpec spec, FlywayHistory history) {
    List<String[]> versions = new ArrayList<>();
    spec.flywayVersion().ifPresent(version -> versions.add(new String[] {"version", version}));
    spec.flyway().contractVersion().ifPresent(version -> versions.add(new String[] {"contractVersion", version}));
    return versions.stream().filter(version -> history.refusesScriptsAt(version[1])).findFirst()
        .map(version -> "/flyway/" + version[0] + ": Flyway has applied version " + history.latest().orElseThrow()
            + ", after this migration's " + version[1] + ": it would refuse these scripts as out of order (expected: a"
            + " flyway." + version[0] + " after " + history.latest().orElseThrow() + ", e.g. \"" + history.next()
            + "\")");
  }
}
