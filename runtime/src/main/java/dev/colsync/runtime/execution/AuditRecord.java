package dev.colsync.runtime.execution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One record of the audit trail: a step applied or rolled back, by whom, how long it took, how it ended.
 * Each record carries the hash of its predecessor and a hash of its own content, so a changed, inserted
 * or deleted record breaks the chain ({@link AuditChain#verify}).
 *
 * @param id position in the chain, from 1
 * @param sqlChecksum SHA-256 of the SQL that ran
 * @param databaseUser the database role it ran as
 * @param osUser the operating-system user of the colsync process
 * @param host the host colsync ran on
 * @param startedAt when it started (microsecond precision, as PostgreSQL keeps it)
 * @param durationMillis how long it took, lock retries included
 * @param outcome {@code ok}, {@code failed} or {@code cancelled}
 * @param detail a short note: the error, rows changed, an override and its reason
 * @param previousHash the hash of record {@code id - 1}; 64 zeros for the first record
 * @param hash SHA-256 over every other field
 */
public record AuditRecord(
    long id, String migration, String phase, String step, String action, String sqlChecksum, String databaseUser,
    String osUser, String host, Instant startedAt, long durationMillis, String outcome, String detail,
    String previousHash, String hash) {

  /** The previous hash of the first record. */
  public static final String GENESIS = "0".repeat(64);

  public AuditRecord {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(sqlChecksum, "sqlChecksum");
    Objects.requireNonNull(databaseUser, "databaseUser");
    Objects.requireNonNull(osUser, "osUser");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** The hash this record's content calls for; equal to {@link #hash()} unless the record was changed. */
  public String expectedHash() {
    MessageDigest digest = Checksums.digest();
    // Length-prefixed fields: no two different records encode to the same bytes.
    for (String field : new String[] {
        Long.toString(id), migration, phase, step, action, sqlChecksum, databaseUser, osUser, host,
        Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, startedAt)), Long.toString(durationMillis), outcome,
        detail, previousHash}) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
