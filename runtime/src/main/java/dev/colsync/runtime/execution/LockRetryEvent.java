package dev.colsync.runtime.execution;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A step gave up waiting for a lock (or was chosen as a deadlock victim) and will be tried again.
 *
 * @param phase the phase's id
 * @param step the step's name
 * @param attempt the attempt that failed, from 1
 * @param maxAttempts attempts allowed in all
 * @param delay the wait before the next attempt
 * @param blockers the sessions that held what it waited for, as last seen while it waited
 * @param cause the error PostgreSQL reported
 */
public record LockRetryEvent(
    String phase, String step, int attempt, int maxAttempts, Duration delay, List<BlockingSession> blockers,
    SQLException cause) {
  public LockRetryEvent {
    blockers = List.copyOf(blockers);
  }
}
