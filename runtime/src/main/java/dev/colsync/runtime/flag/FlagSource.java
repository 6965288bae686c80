package dev.colsync.runtime.flag;

/**
 * Where the read path of each migration comes from. The generated shims ask once per call, so an
 * implementation must be thread-safe and cheap: no I/O on the caller's thread.
 */
@FunctionalInterface
public interface FlagSource {

  /**
   * The read path of {@code migration}. Never {@code null}: a missing or unknown value, and any
   * failure of the underlying provider, reads as {@link ReadPath#OLD}.
   */
  ReadPath readPath(String migration);

  /** Every migration reads {@code path}: for tests, and for code that no longer needs switching. */
  static FlagSource fixed(ReadPath path) {
    if (path == null) {
      throw new NullPointerException("path");
    }
    return migration -> path;
  }
}
