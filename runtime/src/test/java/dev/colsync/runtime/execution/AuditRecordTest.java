package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
  private static AuditRecord record(String step, String detail) {
    return new AuditRecord(3, "m", "expand", step, "apply", "abc", "app", "ops", "host1",
        Instant.parse("2026-01-02T03:04:05.123456Z"), 42, "ok", detail, AuditRecord.GENESIS, "");
  }

  @Test
  void theHashCoversEveryField() {
    String hash = record("add-column", "").expectedHash();
    assertThat(hash).hasSize(64).isEqualTo(record("add-column", "").expectedHash());
    assertThat(record("add-columns", "").expectedHash()).isNotEqualTo(hash);
    assertThat(record("add-column", " ").expectedHash()).isNotEqualTo(hash);
  }

  @Test
  void textCannotMoveFromOneFieldToTheNext() {
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    AuditRecord one = new AuditRecord(1, "ma", "expand", "s", "apply", "c", "u", "o", "h", at, 1, "ok", "",
        AuditRecord.GENESIS, "");
    AuditRecord other = new AuditRecord(1, "m", "aexpand", "s", "apply", "c", "u", "o", "h", at, 1, "ok", "",
        AuditRecord.GENESIS, "");
    assertThat(one.expectedHash()).isNotEqualTo(other.expectedHash());
  }
}
