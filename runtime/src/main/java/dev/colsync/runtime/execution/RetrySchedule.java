package dev.colsync.runtime.execution;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff: before attempt {@code n} (from 2) wait a random time between half and
 * all of {@code min(maxDelay, initialDelay * 2^(n-2))}. The random half keeps retrying clients from
 * arriving in step; the fixed half keeps each wait long enough to let the lock holder finish.
 */
final class RetrySchedule {
  private final ExecutionSettings.LockRetry policy;
  private final RandomGenerator random;

  RetrySchedule(ExecutionSettings.LockRetry policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  int maxAttempts() {
    return policy.maxAttempts();
  }

  /** The wait before attempt {@code attempt} (2 or more). */
  Duration delayBefore(int attempt) {
    if (attempt < 2) {
      throw new IllegalArgumentException("attempt " + attempt + " has no delay before it");
    }
    long max = policy.maxDelay().toMillis();
    long base = Math.min(policy.initialDelay().toMillis(), max);
    for (int doubling = 2; doubling < attempt && base < max; doubling++) {
      base = base > max / 2 ? max : base * 2;
    }
    long half = base / 2;
    return Duration.ofMillis(base - half + (half == 0 ? 0 : random.nextLong(half + 1)));
  }
}
