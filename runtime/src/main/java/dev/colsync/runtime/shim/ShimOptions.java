package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.FlagSource;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a generated shim is built with: where its flag comes from, who observes its reads, and which
 * SHADOW outcomes (none by default) make a read throw. Immutable; each {@code with} returns a copy.
 */
public final class ShimOptions {
  private final FlagSource flags;
  private final ReadPathObserver observer;
  private final Set<ShadowOutcome> failingOn;

  private ShimOptions(FlagSource flags, ReadPathObserver observer, Set<ShadowOutcome> failingOn) {
    this.flags = flags;
    this.observer = observer;
    this.failingOn = failingOn;
  }

  /** Reads follow {@code flags}; nothing observes them; SHADOW never throws. */
  public static ShimOptions of(FlagSource flags) {
    if (flags == null) {
      throw new NullPointerException("flags");
    }
    return new ShimOptions(flags, ReadPathObserver.NONE, EnumSet.noneOf(ShadowOutcome.class));
  }

  /** The same options, reads observed by {@code observer} (metrics, counts). */
  public ShimOptions observedBy(ReadPathObserver observer) {
    if (observer == null) {
      throw new NullPointerException("observer");
    }
    return new ShimOptions(flags, observer, failingOn);
  }

  /**
   * The same options, where a SHADOW read whose outcome is one of {@code outcomes} throws
   * {@link ShadowReadException} instead of only reporting it: a strict mode for tests.
   */
  public ShimOptions failingOn(ShadowOutcome... outcomes) {
    EnumSet<ShadowOutcome> set = EnumSet.noneOf(ShadowOutcome.class);
    for (ShadowOutcome outcome : outcomes) {
      set.add(outcome);
    }
    return new ShimOptions(flags, observer, set);
  }

  public FlagSource flags() {
    return flags;
  }

  public ReadPathObserver observer() {
    return observer;
  }

  /** Whether a SHADOW read with {@code outcome} throws. */
  public boolean failsOn(ShadowOutcome outcome) {
    return failingOn.contains(outcome);
  }
}
