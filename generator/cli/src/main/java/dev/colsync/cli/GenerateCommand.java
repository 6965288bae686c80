package dev.colsync.cli;

import dev.colsync.core.java.JavaSourceWriter;
import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code colsync generate}: writes each spec's migration scripts and runbook. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Writes each spec's migration scripts, rollbacks and runbook to DIR/<migration>/, replacing that"
            + " directory's previous content.",
        "Every spec is checked first: if any has a problem, every problem is reported and nothing is written."})
final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Parameters(arity = "1..*", paramLabel = "SPEC",
      description = "Spec files, or directories whose *.yaml and *.yml files are specs.")
  List<Path> specPaths;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory.")
  Path outputDirectory;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "plain",
      converter = OutputFormats.Converter.class, completionCandidates = OutputFormats.Ids.class,
      description = "How the scripts are laid out: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--java-out", paramLabel = "DIR",
      description = "Also write the Java shim of each spec with a java: key to DIR/<package>/<Class>.java; other"
          + " files in DIR are left alone.")
  Path javaOutputDirectory;

  @Override
  public Integer call() throws Exception {
    SpecBatch batch = SpecBatch.load(specPaths);
    if (batch.hasProblems()) {
      batch.reportProblems(command.commandLine().getErr(), "; nothing was written");
      return ExitCodes.BAD_INPUT;
    }
    List<MigrationSpec> specs = batch.migrationSpecs();
    List<GeneratedFile> files;
    List<GeneratedFile> javaFiles;
    try {
      Generator generator = new Generator();
      files = generator.files(specs, format);
      javaFiles = javaOutputDirectory == null ? List.of() : generator.javaFiles(specs);
    } catch (SpecException e) {
      PrintWriter err = command.commandLine().getErr();
      e.problems().forEach(err::println);
      err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
          + "; nothing was written");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    new OutputWriter().write(outputDirectory, files);
    PrintWriter out = command.commandLine().getOut();
    for (MigrationSpec spec : specs) {
      String prefix = spec.migration() + "/";
      long count = files.stream().filter(file -> file.path().startsWith(prefix)).count();
      out.println(spec.migration() + ": " + count + " files in " + outputDirectory.resolve(spec.migration()));
    }
    if (javaOutputDirectory != null) {
      new JavaSourceWriter().write(javaOutputDirectory, javaFiles);
      javaFiles.forEach(file -> out.println("Java shim: " + javaOutputDirectory.resolve(file.path())));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
