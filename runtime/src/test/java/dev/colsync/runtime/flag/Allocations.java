package dev.colsync.runtime.flag;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/** Measures what a call allocates, with the JVM's per-thread allocation counter. */
public final class Allocations {
  static final int CALLS = 200_000;
  /** Far less than one object per call over {@link #CALLS} calls; leaves room for the measurement itself. */
  public static final long NEARLY_NOTHING = 16 * 1024;

  private Allocations() {}

  /** Bytes this thread allocated over {@value #CALLS} calls of {@code call}, after as many to warm up. */
  public static long bytesAllocatedBy(Supplier<ReadPath> call) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int sink = 0;
    for (int i = 0; i < CALLS; i++) {
      sink += call.get().ordinal();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      sink += call.get().ordinal();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    if (sink < 0) {
      throw new AssertionError("unreachable; keeps the calls from being optimised away");
    }
    return allocated;
  }
}
