package dev.colsync.maven;

import dev.colsync.core.spec.FlywayRelease;
import dev.colsync.core.spec.MigrationSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/** The release a build chooses for every spec, in place of each spec's own {@code flyway.release}. */
final class BuildRelease {
  private final Optional<FlywayRelease.Release> release;

  private BuildRelease(Optional<FlywayRelease.Release> release) {
    this.release = release;
  }

  /** The plugin's {@code release} setting; none (each spec decides) when it is not set. */
  static BuildRelease parse(String setting) throws MojoExecutionException {
    if (setting == null || setting.isBlank()) {
      return new BuildRelease(Optional.empty());
    }
    for (FlywayRelease.Release candidate : FlywayRelease.Release.values()) {
      if (candidate.specValue().equals(setting.trim())) {
        return new BuildRelease(Optional.of(candidate));
      }
    }
    throw new MojoExecutionException("colsync: <release>" + setting + "</release> is not one of "
        + Arrays.stream(FlywayRelease.Release.values()).map(FlywayRelease.Release::specValue)
            .collect(Collectors.joining(", ")));
  }

  /** The specs, each for this release; a spec without a contract version cannot be built for contract. */
  List<MigrationSpec> apply(List<MigrationSpec> specs) throws MojoExecutionException {
    if (release.isEmpty()) {
      return specs;
    }
    List<MigrationSpec> released = new ArrayList<>();
    for (MigrationSpec spec : specs) {
      if (release.get() == FlywayRelease.Release.CONTRACT && spec.flyway().contractVersion().isEmpty()) {
        throw new MojoExecutionException("colsync: " + spec.source() + ": the build's release is contract"
            + " (<release> in the plugin's configuration), but the spec's flyway gives no contractVersion;"
            + " expected e.g. flyway: { version: \"" + spec.flywayVersion().orElse("2") + "\", contractVersion: \""
            + "<a version after the application's migrations of the releases between>\" }");
      }
      released.add(spec.withFlyway(spec.flyway().withRelease(release.get())));
    }
    return released;
  }
}
