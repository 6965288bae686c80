package dev.colsync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitProfileTest {

  @Test
  void aRowLockWaitIsOneOnATransactionOrATuple() {
    assertThat(WaitProfile.category("active", "Lock", "transactionid")).contains(WaitProfile.ROW_LOCK);
    assertThat(WaitProfile.category("active", "Lock", "tuple")).contains(WaitProfile.ROW_LOCK);
    assertThat(WaitProfile.category("active", "Lock", "relation")).contains("lock wait (relation)");
  }

  @Test
  void anActiveBackendWaitingOnNothingRuns() {
    assertThat(WaitProfile.category("active", null, null)).contains("running");
    assertThat(WaitProfile.category("active", "LWLock", "WALWrite")).contains("LWLock wait");
  }

  @Test
  void idleInATransactionIsTheClientsTurnAndIdleOutsideOneIsNotCounted() {
    assertThat(WaitProfile.category("idle in transaction", "Client", "ClientRead")).contains("client round trips");
    assertThat(WaitProfile.category("idle", "Client", "ClientRead")).isEmpty();
  }

  @Test
  void itSamplesFromTheMaintenanceDatabase() {
    assertThat(WaitProfile.inMaintenanceDatabase("jdbc:postgresql://localhost:5432/bench_1?user=u&password=p"))
        .isEqualTo("jdbc:postgresql://localhost:5432/postgres?user=u&password=p");
    assertThat(WaitProfile.inMaintenanceDatabase("jdbc:postgresql://localhost:5432/bench_1"))
        .isEqualTo("jdbc:postgresql://localhost:5432/postgres");
  }
}
