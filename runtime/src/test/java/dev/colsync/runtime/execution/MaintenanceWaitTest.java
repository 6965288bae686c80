package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.sql.SqlScript;
import org.junit.jupiter.api.Test;

class MaintenanceWaitTest {
  private static final QualifiedName TABLE = new QualifiedName("public", "items");

  @Test
  void aStepThatAltersOrLocksTheTableInOneTransactionWaits() {
    assertThat(MaintenanceWait.locksTable(ExecutionStep.script("add-column",
        "SET LOCAL lock_timeout = '2s';\nALTER TABLE \"public\".\"items\" ADD COLUMN \"x\" bigint;"), TABLE)).isTrue();
    assertThat(MaintenanceWait.locksTable(ExecutionStep.script("drop",
        "lock table  only \"public\".\"items\" in access exclusive mode;"), TABLE)).isTrue();
  }

  @Test
  void aStepThatOnlyNamesTheTableOrRunsOutsideATransactionDoesNot() {
    assertThat(MaintenanceWait.locksTable(ExecutionStep.script("prepare",
        "CREATE PROCEDURE p() LANGUAGE sql AS $$ UPDATE \"public\".\"items\" SET x = 1 $$;"), TABLE)).isFalse();
    assertThat(MaintenanceWait.locksTable(ExecutionStep.script("other",
        "ALTER TABLE \"public\".\"items_archive\" ADD COLUMN \"x\" bigint;"), TABLE)).isFalse();
    assertThat(MaintenanceWait.locksTable(ExecutionStep.script("index", SqlScript.NO_TRANSACTION_MARKER
        + "\nCREATE INDEX CONCURRENTLY \"i\" ON \"public\".\"items\" (\"x\");"), TABLE)).isFalse();
  }
}
