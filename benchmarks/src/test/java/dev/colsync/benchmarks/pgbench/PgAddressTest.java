package dev.colsync.benchmarks.pgbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgAddressTest {

  @Test
  void readsHostPortDatabaseAndCredentials() {
    PgAddress address = PgAddress.fromJdbcUrl("jdbc:postgresql://127.0.0.1:54321/colsync_test_ab?user=postgres&password=p%26w");
    assertThat(address).isEqualTo(new PgAddress("127.0.0.1", 54321, "colsync_test_ab", "postgres", "p&w"));
  }

  @Test
  void defaultsThePortAndPassword() {
    PgAddress address = PgAddress.fromJdbcUrl("jdbc:postgresql://db.example/app?user=me");
    assertThat(address.port()).isEqualTo(5432);
    assertThat(address.password()).isEmpty();
  }

  @Test
  void refusesOtherUrls() {
    assertThatThrownBy(() -> PgAddress.fromJdbcUrl("jdbc:mysql://x/y")).isInstanceOf(IllegalArgumentException.class);
  }
}
