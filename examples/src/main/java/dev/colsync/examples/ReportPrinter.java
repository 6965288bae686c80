package dev.colsync.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The demo's report: a line per phase, then the backfill, the SHADOW reads, convergence and the verdict. */
final class ReportPrinter {
  private static final String ROW = "%-30s %8s  %-8s %8s %6s %9s %9s %9s  %s%n";

  private ReportPrinter() {}

  static void print(DemoResult result, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%s, %,d orders loaded in %s%n", result.server(), result.rows(), seconds(result.loadTook()));
    out.printf(ROW, "phase", "took", "clients", "ops", "errors", "p50", "p99", "max", "longest lock wait");
    for (PhaseStats phase : result.phases()) {
      LatencyRecorder.Latencies latencies = phase.latencies();
      out.printf(Locale.ROOT, ROW, phase.name(), seconds(phase.took()), String.join(",", phase.clients()),
          String.format(Locale.ROOT, "%,d", phase.totalOperations()), phase.errors(), millis(latencies.p50Nanos()),
          millis(latencies.p99Nanos()), millis(latencies.maxNanos()), lockWait(phase));
    }
    out.println();
    BackfillSummary backfill = result.backfill();
    if (backfill != null) {
      out.printf(Locale.ROOT, "backfill: %,d rows walked, %,d written, in %,d batches, %s: %,.0f rows/s%n",
          backfill.rowsWalked(), backfill.rowsChanged(), backfill.batches(), seconds(backfill.took()),
          backfill.rowsPerSecond());
      out.printf(Locale.ROOT, "backfill paused %d time(s), %s in all%s%n", backfill.pauseReasons().size(),
          seconds(backfill.pausedFor()), backfill.pauseReasons().isEmpty() ? ""
              : "; first because " + abbreviated(backfill.pauseReasons().get(0)));
    }
    out.printf(Locale.ROOT, "executor lock retries: %d%n", result.lockRetries());
    ShadowComparisons shadow = result.shadow();
    out.printf(Locale.ROOT, "shadow reads: %,d compared: %,d match, %,d mismatch, %,d missing, %,d error%n",
        shadow.total(), shadow.match(), shadow.mismatch(), shadow.missing(), shadow.error());
    if (result.convergence() != null) {
      out.printf(Locale.ROOT, "convergence before contract: %,d of %,d rows (%.2f%%)%n",
          result.convergence().rowsChecked() - result.convergence().divergentRows(), result.convergence().rowsChecked(),
          result.convergencePercent());
    }
    if (result.writes() != null) {
      out.printf(Locale.ROOT, "writes kept: %,d of %,d orders hold their last write in amount_cents after contract%n",
          result.writes().orders() - result.writes().lost(), result.writes().orders());
    }
    if (result.passed()) {
      out.println("PASSED");
    } else {
      out.println("FAILED:");
      result.failures().forEach(failure -> out.println("  " + failure));
    }
  }

  private static String lockWait(PhaseStats phase) {
    LockWait application = phase.longestApplicationWait();
    LockWait any = phase.longestWait();
    String text = "app " + application.duration().toMillis() + " ms";
    if (!application.waiter().isEmpty()) {
      text += " (" + application.waiter() + ")";
    }
    if (!any.equals(application) && !any.waiter().isEmpty()) {
      text += ", any " + any.duration().toMillis() + " ms (" + any.waiter() + ")";
    }
    return text;
  }

  private static String abbreviated(String text) {
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
