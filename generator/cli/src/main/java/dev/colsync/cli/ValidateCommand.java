package dev.colsync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync validate}: checks specs and reports every problem; writes nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Checks specs and reports every problem of every spec. Writes nothing.")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(arity = "1..*", paramLabel = "SPEC",
      description = "Spec files, or directories whose *.yaml and *.yml files are specs.")
  List<Path> specPaths;

  @Override
  public Integer call() throws Exception {
    SpecBatch batch = SpecBatch.load(specPaths);
    if (batch.hasProblems()) {
      batch.reportProblems(command.commandLine().getErr(), "");
      return ExitCodes.BAD_INPUT;
    }
    PrintWriter out = command.commandLine().getOut();
    for (SpecBatch.LoadedSpec loaded : batch.specs()) {
      out.println("ok: " + loaded.file() + " (" + loaded.spec().migration() + ")");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
