package dev.colsync.cli;

import dev.colsync.runtime.execution.ExecutionSettings;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How {@code apply} and {@code rollback} wait for locks, size and throttle the backfill, and show progress. */
final class RunOptions {
  /** Where backfill progress goes. */
  enum ProgressMode {
    /** A progress bar when standard error is a terminal, log lines otherwise. */
    AUTO,
    BAR,
    LINES
  }

  @Option(names = "--lock-attempts", paramLabel = "N", defaultValue = "10",
      description = "Attempts of a step that times out on a lock or deadlocks (default: ${DEFAULT-VALUE}).")
  int lockAttempts;

  @Option(names = "--lock-retry-delay", paramLabel = "DURATION", defaultValue = "250ms",
      converter = DurationConverter.class,
      description = "Wait before the second attempt, doubled for each further one, jittered (default: ${DEFAULT-VALUE}).")
  Duration lockRetryDelay;

  @Option(names = "--lock-retry-max-delay", paramLabel = "DURATION", defaultValue = "15s",
      converter = DurationConverter.class, description = "The longest wait between attempts (default: ${DEFAULT-VALUE}).")
  Duration lockRetryMaxDelay;

  @Option(names = "--maintenance-wait", paramLabel = "DURATION", defaultValue = "5min",
      converter = DurationConverter.class,
      description = "Before a step that locks the table, wait at most this long while VACUUM, autovacuum, ANALYZE or"
          + " CREATE INDEX CONCURRENTLY holds it, rather than queue the application behind the lock request"
          + " (default: ${DEFAULT-VALUE}; 0s: never wait).")
  Duration maintenanceWait;

  @Option(names = "--other-run-wait", paramLabel = "DURATION", defaultValue = "5s",
      converter = DurationConverter.class,
      description = "While another run of the same migration holds its lock (one finishing, or a killed one whose"
          + " session the server has yet to end), wait at most this long before refusing (default: ${DEFAULT-VALUE};"
          + " 0s: refuse at once).")
  Duration otherRunWait;

  @Option(names = "--batch-time", paramLabel = "DURATION", defaultValue = "100ms", converter = DurationConverter.class,
      description = "How long one backfill batch should take; its size adapts (default: ${DEFAULT-VALUE}).")
  Duration batchTime;

  @Option(names = "--min-batch", paramLabel = "ROWS", defaultValue = "10",
      description = "The smallest backfill batch (default: ${DEFAULT-VALUE}).")
  int minBatch;

  @Option(names = "--max-batch", paramLabel = "ROWS", defaultValue = "50000",
      description = "The largest backfill batch (default: ${DEFAULT-VALUE}).")
  int maxBatch;

  @Option(names = "--max-replication-lag", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Pause the backfill while a standby replays later than this (default: ${DEFAULT-VALUE}).")
  Duration maxReplicationLag;

  @Option(names = "--max-active-sessions", paramLabel = "N", defaultValue = "50",
      description = "Pause the backfill while more other sessions of the database are active (default:"
          + " ${DEFAULT-VALUE}).")
  int maxActiveSessions;

  @Option(names = "--lock-wait-backoff", paramLabel = "DURATION", defaultValue = "1s",
      converter = DurationConverter.class,
      description = "After a batch made another session wait for its locks, pause as long as the batch took, but at"
          + " most this long (default: ${DEFAULT-VALUE}).")
  Duration lockWaitBackoff;

  @Option(names = "--nice-ratio", paramLabel = "RATIO", defaultValue = "1",
      description = "While other sessions are at work (in a statement or a transaction), sleep RATIO times each"
          + " backfill batch's duration after it; 0 never does (default: ${DEFAULT-VALUE}: the backfill then keeps"
          + " at most about half a processor from a busy database).")
  double niceRatio;

  @Option(names = "--vacuum-every", paramLabel = "FRACTION", defaultValue = "0.1",
      description = "Between backfill batches, run VACUUM (TRUNCATE false) on the table every FRACTION of the rows"
          + " the backfill expects to change, so that the space of the rows it rewrote takes the next batches' (the"
          + " table grows by about that fraction, not double); 0 leaves it to autovacuum (default: ${DEFAULT-VALUE}).")
  double vacuumEvery;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "Backfill progress: auto (a bar on a terminal, lines otherwise), bar or lines (default:"
          + " ${DEFAULT-VALUE}).", converter = ProgressModeConverter.class)
  ProgressMode progress;

  @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "How often a progress line is written when there is no bar (default: ${DEFAULT-VALUE}).")
  Duration progressInterval;

  /** The settings these options describe; picocli has checked their form, this checks their values. */
  ExecutionSettings settings() {
    ExecutionSettings defaults = ExecutionSettings.defaults();
    return defaults
        .withLockRetry(new ExecutionSettings.LockRetry(lockAttempts, lockRetryDelay, lockRetryMaxDelay,
            maintenanceWait))
        .withBatches(new ExecutionSettings.BatchSizing(minBatch, maxBatch, batchTime))
        .withThrottle(new ExecutionSettings.Throttle(maxReplicationLag, maxActiveSessions, lockWaitBackoff,
            defaults.throttle().checkInterval(), niceRatio))
        .withReclaim(new ExecutionSettings.Reclaim(vacuumEvery, defaults.reclaim().minRows()))
        .withOtherRunWait(otherRunWait);
  }

  /** {@code auto}, {@code bar} or {@code lines}. */
  static final class ProgressModeConverter implements ITypeConverter<ProgressMode> {
    @Override
    public ProgressMode convert(String value) {
      for (ProgressMode mode : ProgressMode.values()) {
        if (mode.name().equalsIgnoreCase(value)) {
          return mode;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a progress mode; expected auto, bar or lines");
    }
  }
}
