package dev.colsync.benchmarks.pgbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionTest {

  @Test
  void readsALogLine() {
    assertThat(Transaction.fromLogLine("3 1207 2480 0 1763712000 500000 0"))
        .contains(new Transaction(1763712000_500000L - 2480, 1763712000_500000L));
  }

  @Test
  void skipsSkippedAndFailedTransactionsAndOtherLines() {
    assertThat(Transaction.fromLogLine("0 12 skipped 0 1763712000 500000")).isEmpty();
    assertThat(Transaction.fromLogLine("0 12 failed 0 1763712000 500000 serialization")).isEmpty();
    assertThat(Transaction.fromLogLine("")).isEmpty();
  }

  @Test
  void overlapsAWindowWithAnyPartOfItself() {
    Transaction transaction = new Transaction(100, 200);
    assertThat(transaction.overlaps(150, 300)).isTrue();
    assertThat(transaction.overlaps(0, 100)).isTrue();
    assertThat(transaction.overlaps(201, 300)).isFalse();
  }
}
