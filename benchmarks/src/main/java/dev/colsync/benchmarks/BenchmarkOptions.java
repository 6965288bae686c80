package dev.colsync.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long and how big one run is. The quick mode is what the test suite runs: seconds in all,
 * no pgbench, no JMH, small tables; its figures only prove the harness works.
 *
 * @param quick whether this is the quick mode
 * @param pgbenchDuration how long each pgbench measurement runs
 * @param scale pgbench's scale factor (100 000 accounts per unit)
 * @param clients pgbench clients
 * @param cliJar the CLI's runnable jar, for its cold start; empty when it was not found
 * @param only the areas (1–6) to run; empty for all
 */
public record BenchmarkOptions(
    boolean quick, Duration pgbenchDuration, int scale, int clients, Optional<Path> cliJar, Set<Integer> only) {

  public static final String USAGE = """
      usage: java -jar benchmarks/target/colsync-benchmarks.jar [--quick] [--seconds N] [--scale N] [--clients N] [--cli-jar PATH]
        --quick       seconds in all, no pgbench, no JMH: proves the harness runs (the test suite runs it)
        --seconds N   length of each pgbench measurement (default 10)
        --scale N     pgbench scale factor, 100 000 accounts each (default 10: one million rows)
        --clients N   pgbench clients (default 4)
        --only 1,3    run only these areas of the table (default: all)
        --cli-jar P   the colsync CLI jar for the cold-start figure (default: generator/cli/target/colsync.jar
                      under the working directory or one of its parents)
      """;

  public static BenchmarkOptions parse(String... args) {
    boolean quick = false;
    int seconds = 10;
    int scale = 10;
    int clients = 4;
    Path cliJar = null;
    Set<Integer> only = new TreeSet<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--seconds" -> seconds = positive(args, ++i);
        case "--scale" -> scale = positive(args, ++i);
        case "--clients" -> clients = positive(args, ++i);
        case "--cli-jar" -> cliJar = Path.of(value(args, ++i));
        case "--only" -> {
          for (String area : value(args, ++i).split(",")) {
            only.add(Integer.parseInt(area.trim()));
          }
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
      }
    }
    Optional<Path> jar = cliJar != null ? Optional.of(cliJar) : findCliJar();
    return new BenchmarkOptions(quick, Duration.ofSeconds(seconds), scale, clients, jar.filter(Files::isRegularFile),
        Set.copyOf(only));
  }

  /** Whether area {@code section} runs in this run. */
  public boolean runs(int section) {
    return only.isEmpty() || only.contains(section);
  }

  /** The CLI jar a build leaves at generator/cli/target/colsync.jar, looked for from the working directory up. */
  static Optional<Path> findCliJar() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path jar = dir.resolve("generator").resolve("cli").resolve("target").resolve("colsync.jar");
      if (Files.isRegularFile(jar)) {
        return Optional.of(jar);
      }
    }
    return Optional.empty();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static int positive(String[] args, int i) {
    String text = value(args, i);
    try {
      int n = Integer.parseInt(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(args[i - 1] + " needs a positive whole number, got " + text);
  }
}
