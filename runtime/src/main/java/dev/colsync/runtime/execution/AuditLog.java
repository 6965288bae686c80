package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Appends to the audit chain: table {@code colsync.audit_log}. */
final class AuditLog {
  static final String OK = "ok";
  static final String FAILED = "failed";
  static final String CANCELLED = "cancelled";

  static final String COLUMNS = "id, migration, phase, step, action, sql_checksum, db_user, os_user, host,"
      + " started_at, duration_ms, outcome, detail, previous_hash, hash";

  private AuditLog() {}

  /**
   * Appends {@code entry} in the caller's transaction, which must be open (autocommit off). Appenders
   * take turns on a table lock that readers do not wait for, so the chain never forks.
   */
  static AuditRecord append(Connection connection, AuditEntry entry) throws SQLException {
    Jdbc.execute(connection, "LOCK TABLE colsync.audit_log IN EXCLUSIVE MODE");
    record Last(long id, String hash) {}
    Last last = Jdbc.first(connection, "SELECT id, hash FROM colsync.audit_log ORDER BY id DESC LIMIT 1",
        row -> new Last(row.getLong(1), row.getString(2))).orElse(new Last(0, AuditRecord.GENESIS));
    Instant startedAt = entry.startedAt().truncatedTo(ChronoUnit.MICROS);
    AuditRecord unhashed = new AuditRecord(last.id() + 1, entry.migration(), entry.phase(), entry.step(),
        entry.action().id(), entry.sqlChecksum(), entry.actor().databaseUser(), entry.actor().osUser(),
        entry.actor().host(), startedAt, entry.durationMillis(), entry.outcome(), entry.detail(), last.hash(), "");
    AuditRecord record = withHash(unhashed, unhashed.expectedHash());
    Jdbc.update(connection, "INSERT INTO colsync.audit_log (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        record.id(), record.migration(), record.phase(), record.step(), record.action(), record.sqlChecksum(),
        record.databaseUser(), record.osUser(), record.host(), OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC),
        record.durationMillis(), record.outcome(), record.detail(), record.previousHash(), record.hash());
    return record;
  }

  /** Appends in a transaction of its own. */
  static AuditRecord appendAlone(Connection connection, AuditEntry entry) throws SQLException {
    return Jdbc.inTransaction(connection, c -> append(c, entry));
  }

  private static AuditRecord withHash(AuditRecord r, String hash) {
    return new AuditRecord(r.id(), r.migration(), r.phase(), r.step(), r.action(), r.sqlChecksum(), r.databaseUser(),
        r.osUser(), r.host(), r.startedAt(), r.durationMillis(), r.outcome(), r.detail(), r.previousHash(), hash);
  }
}
