package dev.colsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.execution.ConvergenceReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo fails, naming why, on each thing it checks. */
class DemoResultTest {
  private static final BackfillSummary BACKFILL =
      new BackfillSummary(100, 100, 1, Duration.ofSeconds(1), List.of(), Duration.ZERO);
  private static final ShadowComparisons ALL_MATCHED = new ShadowComparisons(10, 0, 0, 0);
  private static final ConvergenceReport CONVERGED = new ConvergenceReport(100, 0, List.of());
  private static final WriteLedger.Check NONE_LOST = new WriteLedger.Check(5, 0, List.of());

  @Test
  void passesWhenEveryCheckHolds() {
    assertThat(result(new PhaseStats("expand", Set.of("N-1")), ALL_MATCHED, CONVERGED, NONE_LOST).failures()).isEmpty();
  }

  @Test
  void failsOnAClientErrorALongLockWaitAShadowMismatchADivergentRowOrALostWrite() {
    PhaseStats phase = new PhaseStats("backfill", Set.of("N-1", "N"));
    phase.error("orders-n/1", new SQLException("boom"));
    phase.lockWait(new LockWait(Duration.ofSeconds(3), "orders-n-1/1"), true);
    DemoResult result = result(phase, new ShadowComparisons(9, 1, 0, 0),
        new ConvergenceReport(100, 2, List.of(List.of("7"), List.of("9"))), new WriteLedger.Check(5, 1, List.of(42L)));

    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).containsExactly(
        "backfill: 1 client error(s), first: [orders-n/1: java.sql.SQLException: boom]",
        "backfill: orders-n-1/1 waited 3000 ms for a lock, longer than the lock timeout 2000 ms",
        "SHADOW reads: ShadowComparisons[match=9, mismatch=1, missing=0, error=0]; expected at least one, all matching",
        "convergence: 2 of 100 rows diverge, e.g. keys [[7], [9]]",
        "1 of 5 orders lost their last write, e.g. ids [42]");
    assertThat(result.convergencePercent()).isEqualTo(98.0);
  }

  @Test
  void aLongLockWaitOfTheMigrationItselfIsReportedNotFailed() {
    PhaseStats phase = new PhaseStats("contract", Set.of("N"));
    phase.lockWait(new LockWait(Duration.ofSeconds(3), "colsync-executor"), false);
    assertThat(result(phase, ALL_MATCHED, CONVERGED, NONE_LOST).failures()).isEmpty();
    assertThat(phase.longestWait().waiter()).isEqualTo("colsync-executor");
  }

  @Test
  void failsWhenNoShadowReadWasMadeOrTheRunStoppedEarly() {
    DemoResult result = result(new PhaseStats("expand", Set.of("N-1")), new ShadowComparisons(0, 0, 0, 0), null, null);
    assertThat(result.failures()).containsExactly(
        "SHADOW reads: ShadowComparisons[match=0, mismatch=0, missing=0, error=0]; expected at least one, all matching",
        "convergence was not checked", "the writes were not checked");
  }

  private static DemoResult result(PhaseStats phase, ShadowComparisons shadow, ConvergenceReport convergence,
      WriteLedger.Check writes) {
    phase.end();
    return new DemoResult("PostgreSQL 14", 100, Duration.ofSeconds(1), List.of(phase), BACKFILL, 0, shadow, convergence,
        writes, Duration.ofSeconds(2), List.of());
  }
}
