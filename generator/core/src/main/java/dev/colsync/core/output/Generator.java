package dev.colsync.core.output;

import dev.colsync.core.java.JavaShimGenerator;
import dev.colsync.core.java.JavaSource;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Planner;
import dev.colsync.core.plan.SelfCheck;
import dev.colsync.core.render.TemplateRenderer;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** From validated specs to the files of one output format, in memory; nothing is written here. */
public final class Generator {
  static final String FLYWAY_EXPECTED = "flyway: { version: \"<n>\" } in the spec, n above the application's last"
      + " V<n>__ migration";

  private final Planner planner;
  private final Runbook runbook;

  public Generator(TemplateRenderer renderer) {
    this.planner = new Planner(renderer);
    this.runbook = new Runbook(renderer);
  }

  public Generator() {
    this(TemplateRenderer.builtIn());
  }

  public Plan plan(MigrationSpec spec) {
    Plan plan = planner.plan(spec);
    SelfCheck.requireClean(plan);
    return plan;
  }

  /** What expand checks in the live database, as one statement to run and roll back ({@code validate --url}). */
  public String liveCheck(MigrationSpec spec) {
    return planner.liveCheck(spec);
  }

  /**
   * Every file of every spec, in a stable order.
   *
   * @throws SpecException when the specs cannot share one output (two Flyway scripts with one version)
   */
  public List<GeneratedFile> files(List<MigrationSpec> specs, OutputFormat format) throws SpecException {
    if (format == OutputFormat.FLYWAY) {
      requireDistinctFlywayVersions(specs);
    }
    Layout layout = Layout.of(format);
    List<GeneratedFile> files = new ArrayList<>();
    for (MigrationSpec spec : specs) {
      Plan plan = plan(spec);
      files.addAll(layout.files(plan));
      files.add(runbook.file(plan, layout));
    }
    return files;
  }

  /**
   * The Java shim of every spec that asks for one ({@code java:}), at paths relative to a source root
   * ({@code com/example/users/UsersFullNameShim.java}); specs without {@code java:} add nothing.
   *
   * @throws SpecException when two specs would generate the same class
   */
  public List<GeneratedFile> javaFiles(List<MigrationSpec> specs) throws SpecException {
    JavaShimGenerator shims = new JavaShimGenerator();
    Map<String, MigrationSpec> byPath = new HashMap<>();
    List<SpecProblem> problems = new ArrayList<>();
    List<GeneratedFile> files = new ArrayList<>();
    for (MigrationSpec spec : specs) {
      if (spec.java().isEmpty()) {
        continue;
      }
      Plan plan = plan(spec);
      if (plan.catalogOnly()) {
        // No second column to switch between: the application reads the column by its name throughout.
        continue;
      }
      JavaSource source = shims.generate(plan).orElseThrow();
      String path = source.path();
      MigrationSpec other = byPath.putIfAbsent(path, spec);
      if (other != null) {
        problems.add(new SpecProblem(spec.source(), 0, 0, "/java",
            "the Java shim " + path + " is also generated for " + other.migration() + " (" + other.source() + ")",
            "a java.package or java.class no other migration uses"));
      }
      files.add(new GeneratedFile(path, source.text()));
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return files;
  }

  /**
   * Each migration needs a version of its own, given in its spec: Flyway refuses a location where two scripts
   * share one, and refuses (or, with {@code outOfOrder}, runs out of order) a script whose version is below
   * one the database has applied, so no default can be right for an application with migrations of its own.
   */
  private static void requireDistinctFlywayVersions(List<MigrationSpec> specs) throws SpecException {
    Map<String, MigrationSpec> byVersion = new HashMap<>();
    List<SpecProblem> problems = new ArrayList<>();
    for (MigrationSpec spec : specs) {
      if (spec.flywayVersion().isEmpty()) {
        problems.add(new SpecProblem(spec.source(), 0, 0, "/flyway",
            "Flyway scripts need a version of their own, above every migration the database has applied"
                + " (scaffold --url reads that from flyway_schema_history)",
            FLYWAY_EXPECTED));
        continue;
      }
      List<String> versions = new ArrayList<>(List.of(spec.flywayVersion().get()));
      spec.flyway().contractVersion().ifPresent(versions::add);
      for (String version : versions) {
        MigrationSpec other = byVersion.putIfAbsent(version, spec);
        if (other != null && other != spec) {
          problems.add(new SpecProblem(spec.source(), 0, 0, "/flyway",
              "Flyway version " + version + " is also used by " + other.migration() + " (" + other.source()
                  + "); Flyway refuses two scripts with one version",
              "a flyway.version (and contractVersion) no other migration uses, e.g. one higher than the last"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
  }
}
