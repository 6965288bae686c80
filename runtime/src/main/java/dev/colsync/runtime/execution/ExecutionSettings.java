package dev.colsync.runtime.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * How the executor behaves, independent of any one migration. Start from {@link #defaults()} and
 * change what you need with the {@code with…} methods.
 *
 * @param lockRetry how a step that could not get its lock (or deadlocked) is retried
 * @param batches how the backfill sizes its batches
 * @param throttle when the backfill pauses to spare the database
 * @param verifyChunkRows rows per chunk when verification walks the table (one short transaction each)
 * @param verifySampleKeys how many keys of divergent rows verification reports at most
 * @param otherRunWait while another run of the same migration holds its lock, wait at most this long for it
 *     to end before refusing: a run that is finishing, or the session of a killed run, which the server ends
 *     within about a second (zero: refuse at once)
 * @param reclaim how often the backfill lets vacuum reclaim the row versions its batches left behind
 */
public record ExecutionSettings(
    LockRetry lockRetry, BatchSizing batches, Throttle throttle, int verifyChunkRows, int verifySampleKeys,
    Duration otherRunWait, Reclaim reclaim) {
  public static final Duration DEFAULT_OTHER_RUN_WAIT = Duration.ofSeconds(5);

  public ExecutionSettings {
    Objects.requireNonNull(lockRetry, "lockRetry");
    Objects.requireNonNull(batches, "batches");
    Objects.requireNonNull(throttle, "throttle");
    Objects.requireNonNull(reclaim, "reclaim");
    Objects.requireNonNull(otherRunWait, "otherRunWait");
    if (otherRunWait.isNegative()) {
      throw new IllegalArgumentException("otherRunWait < 0");
    }
    if (verifyChunkRows < 1) {
      throw new IllegalArgumentException("verifyChunkRows < 1");
    }
    if (verifySampleKeys < 0) {
      throw new IllegalArgumentException("verifySampleKeys < 0");
    }
  }

  public static ExecutionSettings defaults() {
    return new ExecutionSettings(LockRetry.DEFAULTS, BatchSizing.DEFAULTS, Throttle.DEFAULTS, 10_000, 20,
        DEFAULT_OTHER_RUN_WAIT, Reclaim.DEFAULTS);
  }

  public ExecutionSettings withLockRetry(LockRetry value) {
    return new ExecutionSettings(value, batches, throttle, verifyChunkRows, verifySampleKeys, otherRunWait, reclaim);
  }

  public ExecutionSettings withBatches(BatchSizing value) {
    return new ExecutionSettings(lockRetry, value, throttle, verifyChunkRows, verifySampleKeys, otherRunWait, reclaim);
  }

  public ExecutionSettings withThrottle(Throttle value) {
    return new ExecutionSettings(lockRetry, batches, value, verifyChunkRows, verifySampleKeys, otherRunWait, reclaim);
  }

  public ExecutionSettings withVerify(int chunkRows, int sampleKeys) {
    return new ExecutionSettings(lockRetry, batches, throttle, chunkRows, sampleKeys, otherRunWait, reclaim);
  }

  public ExecutionSettings withOtherRunWait(Duration value) {
    return new ExecutionSettings(lockRetry, batches, throttle, verifyChunkRows, verifySampleKeys, value, reclaim);
  }

  public ExecutionSettings withReclaim(Reclaim value) {
    return new ExecutionSettings(lockRetry, batches, throttle, verifyChunkRows, verifySampleKeys, otherRunWait,
        value);
  }

  /**
   * How often the backfill runs {@code VACUUM (TRUNCATE false)} on the table between its batches: every
   * {@code fraction} of the rows it expects to change, and never more often than every {@code minRows}. Each
   * batch leaves the old version of every row it wrote behind; with no room on its page the new version goes to
   * the table's end, so a whole-table backfill would double the table. Reclaimed in windows, that space takes the
   * next batches' versions instead. {@link #OFF} leaves it to autovacuum.
   */
  public record Reclaim(double fraction, long minRows) {
    public static final Reclaim DEFAULTS = new Reclaim(0.1, 10_000);
    public static final Reclaim OFF = new Reclaim(0, 0);

    public Reclaim {
      if (!(fraction >= 0 && fraction <= 1) || minRows < 0) {
        throw new IllegalArgumentException("fraction must be within [0, 1] and minRows >= 0");
      }
    }

    /** Rows changed between two vacuums, for a backfill expected to change {@code expected} (unknown: < 0). */
    long interval(long expected) {
      if (fraction == 0) {
        return Long.MAX_VALUE;
      }
      return Math.max(minRows, expected > 0 ? (long) (expected * fraction) : minRows);
    }
  }

  /**
   * Retries of a step that failed on its lock timeout or in a deadlock: attempt {@code n} waits a
   * random time between half and all of {@code min(maxDelay, initialDelay * 2^(n-1))} before it starts.
   *
   * @param maxAttempts attempts in all, the first included
   * @param initialDelay the delay before the second attempt, before jitter
   * @param maxDelay the longest delay, before jitter
   * @param maintenanceWait before each attempt of a step that locks the table in one transaction, wait at most
   *     this long while a maintenance operation (VACUUM, autovacuum, ANALYZE, CREATE INDEX CONCURRENTLY) holds
   *     the table's SHARE UPDATE EXCLUSIVE lock, instead of queueing a lock request, and the application's
   *     queries with it, behind it (zero: never wait)
   */
  public record LockRetry(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maintenanceWait) {
    public static final Duration DEFAULT_MAINTENANCE_WAIT = Duration.ofMinutes(5);
    public static final LockRetry DEFAULTS =
        new LockRetry(10, Duration.ofMillis(250), Duration.ofSeconds(15), DEFAULT_MAINTENANCE_WAIT);

    public LockRetry {
      Objects.requireNonNull(initialDelay, "initialDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
      Objects.requireNonNull(maintenanceWait, "maintenanceWait");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1");
      }
      if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
      }
      if (maintenanceWait.isNegative()) {
        throw new IllegalArgumentException("maintenanceWait < 0");
      }
    }

    /** Retries with the default wait for maintenance operations. */
    public LockRetry(int maxAttempts, Duration initialDelay, Duration maxDelay) {
      this(maxAttempts, initialDelay, maxDelay, DEFAULT_MAINTENANCE_WAIT);
    }
  }

  /**
   * Batch sizes of the backfill: each batch aims to take {@code target}; sizes stay within
   * {@code [min, max]}. The first batch probes with a tenth of the plan's size, the second has at most the
   * plan's size, both clamped to these bounds.
   */
  public record BatchSizing(int min, int max, Duration target) {
    public static final BatchSizing DEFAULTS = new BatchSizing(10, 50_000, Duration.ofMillis(100));

    public BatchSizing {
      Objects.requireNonNull(target, "target");
      if (min < 1 || max < min) {
        throw new IllegalArgumentException("need 1 <= min <= max");
      }
      if (target.isNegative() || target.isZero()) {
        throw new IllegalArgumentException("target must be positive");
      }
    }

    /** A fixed batch size: min = max = {@code rows}. */
    public static BatchSizing fixed(int rows, Duration target) {
      return new BatchSizing(rows, rows, target);
    }
  }

  /**
   * When the backfill pauses before its next batch.
   *
   * @param maxReplicationLag pause while a standby in {@code pg_stat_replication} replays later than this
   * @param maxActiveSessions pause while more other sessions of the database are active than this
   * @param lockWaitBackoff after a batch made another session wait for one of its locks, pause as long as that
   *     batch took, but at most this long (zero: never)
   * @param checkInterval how often a paused backfill looks again (also how fast pause and cancel requests act)
   * @param niceRatio while other sessions of the database are at work (running a statement, or inside a
   *     transaction), sleep this many times the last batch's duration before the next one (0: never).
   *     PostgreSQL shows no processor load; a batch is mostly processor time, so at 1 the backfill keeps at
   *     most about half a processor from a busy database.
   */
  public record Throttle(
      Duration maxReplicationLag, int maxActiveSessions, Duration lockWaitBackoff, Duration checkInterval,
      double niceRatio) {
    public static final double DEFAULT_NICE_RATIO = 1.0;
    public static final Throttle DEFAULTS =
        new Throttle(Duration.ofSeconds(10), 50, Duration.ofSeconds(1), Duration.ofMillis(500), DEFAULT_NICE_RATIO);

    public Throttle {
      Objects.requireNonNull(maxReplicationLag, "maxReplicationLag");
      Objects.requireNonNull(lockWaitBackoff, "lockWaitBackoff");
      Objects.requireNonNull(checkInterval, "checkInterval");
      if (maxActiveSessions < 0) {
        throw new IllegalArgumentException("maxActiveSessions < 0");
      }
      if (checkInterval.isNegative() || checkInterval.isZero()) {
        throw new IllegalArgumentException("checkInterval must be positive");
      }
      if (!(niceRatio >= 0 && niceRatio <= 100)) {
        throw new IllegalArgumentException("the nice ratio must be between 0 and 100, not " + niceRatio);
      }
    }

    /** The throttle with the default nice ratio. */
    public Throttle(Duration maxReplicationLag, int maxActiveSessions, Duration lockWaitBackoff,
        Duration checkInterval) {
      this(maxReplicationLag, maxActiveSessions, lockWaitBackoff, checkInterval, DEFAULT_NICE_RATIO);
    }
  }
}
