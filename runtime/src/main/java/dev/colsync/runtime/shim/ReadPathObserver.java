package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;

/**
 * Told about every read a shim makes and every SHADOW comparison, for metrics and logs. Never
 * given a key or a value. Called on the application's threads: must be thread-safe and quick; what
 * it throws is ignored.
 */
public interface ReadPathObserver {
  /** Observes nothing. */
  ReadPathObserver NONE = new ReadPathObserver() {};

  /** A read of {@code migration}'s column on {@code path}. */
  default void onRead(String migration, ReadPath path) {}

  /** The outcome of a SHADOW comparison of {@code migration}'s columns. */
  default void onShadow(String migration, ShadowOutcome outcome) {}

  /** Both observers, {@code first} first. */
  static ReadPathObserver both(ReadPathObserver first, ReadPathObserver second) {
    if (first == null || second == null) {
      throw new NullPointerException(first == null ? "first" : "second");
    }
    return new ReadPathObserver() {
      @Override
      public void onRead(String migration, ReadPath path) {
        first.onRead(migration, path);
        second.onRead(migration, path);
      }

      @Override
      public void onShadow(String migration, ShadowOutcome outcome) {
        first.onShadow(migration, outcome);
        second.onShadow(migration, outcome);
      }
    };
  }
}
