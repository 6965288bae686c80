package dev.colsync.benchmarks.pgbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs PostgreSQL's pgbench against one database. */
public final class Pgbench {
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\((without|excluding)");

  private final Path binary;
  private final PgAddress address;
  private final int clients;

  public Pgbench(Path binary, PgAddress address, int clients) {
    this.binary = binary;
    this.address = address;
    this.clients = clients;
  }

  /** {@code pgbench -i}: creates and fills the pgbench tables, {@code scale} × 100 000 accounts. */
  public void initialize(int scale) throws IOException, InterruptedException {
    List<String> command = command();
    command.addAll(List.of("-i", "-q", "-s", String.valueOf(scale)));
    command.add(address.database());
    finish(start(command, null), Duration.ofMinutes(20), "pgbench -i");
  }

  /** A built-in script ({@code tpcb-like}, {@code simple-update}) for {@code duration}; not logged. */
  public PgbenchRun builtin(String script, Duration duration) throws IOException, InterruptedException {
    return start(List.of("-b", script), duration, false).await();
  }

  /**
   * Starts {@code script} (pgbench arguments naming it: {@code -b tpcb-like}, {@code -f file}) for
   * {@code duration}, logging every transaction when {@code logged}.
   */
  public Running start(List<String> script, Duration duration, boolean logged) throws IOException {
    Path logDir = logged ? Files.createTempDirectory("colsync-pgbench") : null;
    List<String> command = command();
    command.addAll(script);
    command.addAll(List.of("-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, threads())),
        "-T", String.valueOf(Math.max(1, duration.toSeconds()))));
    if (logged) {
      command.addAll(List.of("-l", "--log-prefix=" + logDir.resolve("tx")));
    }
    command.add(address.database());
    return new Running(start(command, logDir), logDir, duration);
  }

  private static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private List<String> command() {
    return new ArrayList<>(List.of(binary.toString(), "-h", address.host(), "-p", String.valueOf(address.port()),
        "-U", address.user()));
  }

  private Process start(List<String> command, Path workDir) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    builder.environment().put("PGPASSWORD", address.password());
    return builder.start();
  }

  private static String finish(Process process, Duration timeout, String what) throws IOException, InterruptedException {
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(what + " did not finish in " + timeout);
    }
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(what + " exited with " + process.exitValue() + ":\n" + text);
    }
    return text;
  }

  /** A pgbench run in progress. */
  public static final class Running {
    private final Process process;
    private final Path logDir;
    private final Duration duration;

    private Running(Process process, Path logDir, Duration duration) {
      this.process = process;
      this.logDir = logDir;
      this.duration = duration;
    }

    /** Waits for the run to end and reads what it reported. */
    public PgbenchRun await() throws IOException, InterruptedException {
      String output = finish(process, duration.plusMinutes(10), "pgbench");
      Matcher tps = TPS.matcher(output);
      if (!tps.find()) {
        throw new IllegalStateException("pgbench printed no tps:\n" + output);
      }
      return new PgbenchRun(Double.parseDouble(tps.group(1)), logDir == null ? List.of() : readLogs(), output);
    }

    /** Every transaction of the per-transaction log files; deletes them. */
    private List<Transaction> readLogs() throws IOException {
      List<Transaction> transactions = new ArrayList<>();
      List<Path> files;
      try (Stream<Path> listing = Files.list(logDir)) {
        files = listing.toList();
      }
      for (Path file : files) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Transaction.fromLogLine(line).ifPresent(transactions::add);
        }
        Files.delete(file);
      }
      Files.delete(logDir);
      return transactions;
    }
  }
}
