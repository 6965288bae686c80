package dev.colsync.examples;

import java.time.Duration;

/** The longest lock wait seen: how long, and which session ({@code application_name}) waited. */
record LockWait(Duration duration, String waiter) {
  static final LockWait NONE = new LockWait(Duration.ZERO, "");

  LockWait longer(LockWait other) {
    return other.duration.compareTo(duration) > 0 ? other : this;
  }
}
