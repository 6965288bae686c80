package dev.colsync.maven;

import dev.colsync.core.java.JavaSourceWriter;
import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Locale;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates each spec's SQL as resources (Flyway layout under {@code db/migration} by default, so
 * Flyway finds it on the classpath) and its Java shims as sources. Does nothing when neither the
 * specs nor the settings changed since the last run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractColsyncMojo {
  /** The index of the build's migrations, as the Spring Boot starter reads it. */
  static final String INDEX = "META-INF/colsync/migrations";

  /** Where the SQL goes; added to the project's resources. */
  @Parameter(property = "colsync.sqlOutputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/colsync")
  File sqlOutputDirectory;

  /** The folder under {@code sqlOutputDirectory} (and so on the classpath) that holds the scripts. */
  @Parameter(property = "colsync.sqlLocation", defaultValue = "db/migration")
  String sqlLocation;

  /** Where the Java shims go; added to the project's compile sources. */
  @Parameter(property = "colsync.javaOutputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/colsync")
  File javaOutputDirectory;

  /** {@code flyway}, {@code liquibase} or {@code plain}. */
  @Parameter(property = "colsync.format", defaultValue = "flyway")
  String format;

  /**
   * The release every spec's Flyway location is built for ({@code expand}, {@code contract} or {@code all}), in
   * place of each spec's {@code flyway.release}: e.g. a second execution, with a {@code sqlLocation} of its own,
   * that builds the next release's location. Release {@code contract} needs each spec's
   * {@code flyway.contractVersion}.
   */
  @Parameter(property = "colsync.release")
  String release;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  void run(List<MigrationSpec> specs) throws IOException, SpecException, MojoExecutionException {
    OutputFormat outputFormat = outputFormat();
    specs = BuildRelease.parse(release).apply(specs);
    File sqlDirectory = new File(sqlOutputDirectory, sqlLocation);
    InputFingerprint fingerprint = InputFingerprint.of(specDirectory.toPath(),
        String.join("|", format, sqlLocation, String.valueOf(release), String.valueOf(pluginVersion)));
    File stamp = new File(project.getBuild().getDirectory(),
        "colsync/inputs-" + sqlLocation.replaceAll("[^A-Za-z0-9]+", "-") + ".sha256");
    if (fingerprint.matches(stamp.toPath()) && sqlDirectory.isDirectory() && javaOutputDirectory.isDirectory()) {
      getLog().info("colsync: specs unchanged, output up to date");
    } else {
      Generator generator = new Generator();
      List<GeneratedFile> files = generator.files(specs, outputFormat);
      List<GeneratedFile> shims = generator.javaFiles(specs);
      deleteRecursively(sqlDirectory.toPath()); // a removed spec must not leave its scripts behind
      deleteRecursively(javaOutputDirectory.toPath());
      new OutputWriter().write(sqlDirectory.toPath(), files);
      writeIndex(specs);
      new JavaSourceWriter().write(javaOutputDirectory.toPath(), shims);
      fingerprint.save(stamp.toPath());
      getLog().info("colsync: generated " + specs.size() + " migration(s) into " + sqlDirectory + " and "
          + shims.size() + " Java shim(s) into " + javaOutputDirectory);
    }
    Resource resource = new Resource();
    resource.setDirectory(sqlOutputDirectory.getPath());
    project.addResource(resource);
    javaOutputDirectory.mkdirs();
    project.addCompileSourceRoot(javaOutputDirectory.getPath());
  }

  /**
   * {@code META-INF/colsync/migrations} among the resources: the build's migrations, one name per line, which the
   * Spring Boot starter reads to know what this application reports and may switch; and each spec under
   * {@code META-INF/colsync/specs/<migration>.yaml}, for the starter's background runner.
   */
  private void writeIndex(List<MigrationSpec> specs) throws IOException {
    Path index = sqlOutputDirectory.toPath().resolve(INDEX);
    deleteRecursively(index.getParent());
    Files.createDirectories(index.getParent().resolve("specs"));
    Files.writeString(index, specs.stream().map(MigrationSpec::migration).sorted()
        .map(name -> name + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
    for (MigrationSpec spec : specs) {
      Files.copy(Path.of(spec.source()), index.getParent().resolve("specs").resolve(spec.migration() + ".yaml"));
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> walk = Files.walk(directory)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private OutputFormat outputFormat() throws MojoExecutionException {
    try {
      return OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("colsync: format " + format + " is not one of flyway, liquibase, plain");
    }
  }
}
