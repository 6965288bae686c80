package dev.colsync.benchmarks;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (5) Generation: milliseconds per spec in-process (load, plan, every SQL file; the Java shim apart),
 * and the CLI's cold start validating one spec.
 */
public final class GenerationBenchmark implements Benchmark {
  private static final int SPECS = 100;

  @Override
  public int section() {
    return 5;
  }

  @Override
  public String title() {
    return "5 generation";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) throws Exception {
    List<String> yaml = SampleSpecs.yaml(options.quick() ? 10 : SPECS);
    StageTimes cold = timePass(yaml);
    int warmRounds = options.quick() ? 1 : 5;
    StageTimes warm = null;
    for (int round = 0; round < warmRounds; round++) {
      StageTimes pass = timePass(yaml);
      warm = warm == null || pass.sqlArtifacts() < warm.sqlArtifacts() ? pass : warm;
    }
    String specs = yaml.size() + " specs (renames and type changes)";
    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.measured(5, "generation, ms per spec: load + plan + every SQL file (first pass, cold JIT)",
        cold.sqlArtifacts(), " ms", null, specs));
    figures.add(Figure.measured(5, "generation, ms per spec: load + plan + every SQL file (warm)", warm.sqlArtifacts(),
        " ms", Target.atMost(5, " ms"), "best of " + warmRounds + " passes over " + specs + "; of which load "
            + Figure.format(warm.load()) + " ms, plan " + Figure.format(warm.plan()) + " ms, render "
            + Figure.format(warm.render()) + " ms"));
    figures.add(Figure.measured(5, "generation, ms per spec: Java shim (warm)", warm.javaShim(), " ms", null,
        "Generator.javaFiles, which plans the spec again"));
    figures.add(cliColdStart(options));
    return figures;
  }

  /** Milliseconds per spec of each stage of one pass. */
  private record StageTimes(double load, double plan, double render, double javaShim) {
    double sqlArtifacts() {
      return load + plan + render;
    }
  }

  private static StageTimes timePass(List<String> yaml) throws Exception {
    SpecLoader loader = new SpecLoader();
    Generator generator = new Generator();
    long load = 0;
    long plan = 0;
    long files = 0;
    long java = 0;
    long produced = 0;
    for (int i = 0; i < yaml.size(); i++) {
      long t0 = System.nanoTime();
      MigrationSpec spec = loader.load("spec-" + i + ".yaml", yaml.get(i));
      long t1 = System.nanoTime();
      generator.plan(spec);
      long t2 = System.nanoTime();
      List<GeneratedFile> sql = generator.files(List.of(spec), OutputFormat.PLAIN);
      long t3 = System.nanoTime();
      List<GeneratedFile> shim = generator.javaFiles(List.of(spec));
      long t4 = System.nanoTime();
      load += t1 - t0;
      plan += t2 - t1;
      files += t3 - t2;
      java += t4 - t3;
      produced += sql.size() + shim.size();
    }
    if (produced == 0) {
      throw new IllegalStateException("generation produced no files");
    }
    double perSpec = 1e6 * yaml.size();
    // Generator.files plans the spec itself: rendering is what it takes beyond the plan.
    return new StageTimes(load / perSpec, plan / perSpec, Math.max(0, files - plan) / perSpec, java / perSpec);
  }

  private static Figure cliColdStart(BenchmarkOptions options) throws IOException, InterruptedException {
    String name = "CLI cold start, `colsync validate` of one spec";
    Target target = Target.atMost(1000, " ms");
    if (options.quick()) {
      return Figure.notMeasured(5, name, target, "skipped in quick mode (starts a JVM per sample)");
    }
    if (options.cliJar().isEmpty()) {
      return Figure.notMeasured(5, name, target,
          "CLI jar not found: build it (./mvnw -B -ntp -pl generator/cli -am package) or pass --cli-jar");
    }
    Path dir = Files.createTempDirectory("colsync-bench-cli");
    Path spec = Files.writeString(dir.resolve("users_full_name.yaml"), SampleSpecs.rename(0));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long started = System.nanoTime();
      Process process = new ProcessBuilder(java, "-jar", options.cliJar().get().toString(), "validate", spec.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("colsync validate did not finish in 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("colsync validate exited with " + process.exitValue());
      }
      if (i > 0) { // the first run also warms the page cache
        samples.add((System.nanoTime() - started) / 1e6);
      }
    }
    Files.delete(spec);
    Files.delete(dir);
    return Figure.measured(5, name, Stats.median(samples), " ms", target,
        "median of " + samples.size() + " runs of java -jar colsync.jar validate (after one to warm the page cache)");
  }
}
