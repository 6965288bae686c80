package dev.colsync.examples;

import dev.colsync.runtime.shim.ReadPathCounts;
import dev.colsync.runtime.shim.ShadowOutcome;

/** What the N client's SHADOW reads found when they compared the new column with the old. */
record ShadowComparisons(long match, long mismatch, long missing, long error) {

  static ShadowComparisons of(ReadPathCounts counts, String migration) {
    return new ShadowComparisons(counts.shadows(migration, ShadowOutcome.MATCH),
        counts.shadows(migration, ShadowOutcome.MISMATCH), counts.shadows(migration, ShadowOutcome.MISSING),
        counts.shadows(migration, ShadowOutcome.ERROR));
  }

  long total() {
    return match + mismatch + missing + error;
  }

  /** At least one comparison, and every one a match. */
  boolean allMatched() {
    return total() > 0 && match == total();
  }
}
