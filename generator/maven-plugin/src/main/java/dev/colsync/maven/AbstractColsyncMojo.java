package dev.colsync.maven;

import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecProblem;
import dev.colsync.core.spec.SpecSet;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every colsync goal shares: where the specs are, and turning a bad spec into a build failure
 * that names each problem's file, line and column.
 */
abstract class AbstractColsyncMojo extends AbstractMojo {

  /** Directory of the spec files ({@code *.yaml}, {@code *.yml}). */
  @Parameter(property = "colsync.specDirectory", defaultValue = "${project.basedir}/src/main/colsync")
  File specDirectory;

  /** Skips the goal. */
  @Parameter(property = "colsync.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("colsync: skipped");
      return;
    }
    if (!specDirectory.isDirectory()) {
      getLog().info("colsync: no spec directory " + specDirectory + ", nothing to do");
      return;
    }
    try {
      run(SpecSet.load(List.of(specDirectory.toPath())).requireValid());
    } catch (SpecException e) {
      e.problems().stream().map(SpecProblem::toString).forEach(getLog()::error);
      throw new MojoFailureException("colsync: " + e.problems().size() + " problem(s) in the specs under "
          + specDirectory + ":\n" + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("colsync: " + e.getMessage(), e);
    }
  }

  /** The goal's work, given every spec, all valid. */
  abstract void run(List<MigrationSpec> specs) throws IOException, SpecException, MojoExecutionException;
}
