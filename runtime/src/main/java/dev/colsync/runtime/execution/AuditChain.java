package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks the audit trail. The chain shows a record that was edited, inserted or deleted in
 * the middle; it cannot show that the newest records were deleted, nor stop someone who rewrites every
 * hash after an edit: keep a copy of the latest hash elsewhere for that.
 */
public final class AuditChain {
  private static final int MAX_PROBLEMS = 20;

  private AuditChain() {}

  /** Walks the whole chain in order and reports every record whose hash or link is wrong. */
  public static AuditVerification verify(Connection connection) throws SQLException {
    if (!StateSchema.exists(connection)) {
      return new AuditVerification(0, List.of());
    }
    return Jdbc.inTransaction(connection, c -> {
      List<String> problems = new ArrayList<>();
      long count = 0;
      String previousHash = AuditRecord.GENESIS;
      long previousId = 0;
      try (PreparedStatement select = c.prepareStatement(
          "SELECT " + AuditLog.COLUMNS + " FROM colsync.audit_log ORDER BY id")) {
        select.setFetchSize(1000);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            AuditRecord record = read(rows);
            count++;
            if (record.id() != previousId + 1) {
              problems.add("record " + record.id() + " follows record " + previousId + ": records are missing");
            }
            if (!record.previousHash().equals(previousHash)) {
              problems.add("record " + record.id() + " does not link to record " + previousId
                  + ": a record before it was changed, inserted or deleted");
            }
            if (!record.hash().equals(record.expectedHash())) {
              problems.add("record " + record.id() + " (" + record.migration() + " " + record.phase() + "/"
                  + record.step() + ") was changed after it was written: its hash does not match its content");
            }
            previousHash = record.hash();
            previousId = record.id();
          }
        }
      }
      List<String> reported = problems.size() > MAX_PROBLEMS
          ? appendMore(problems.subList(0, MAX_PROBLEMS), problems.size() - MAX_PROBLEMS) : problems;
      return new AuditVerification(count, reported);
    });
  }

  /** The records of {@code migration} (every migration when {@code null}), oldest first. */
  public static List<AuditRecord> records(Connection connection, String migration) throws SQLException {
    if (!StateSchema.exists(connection)) {
      return List.of();
    }
    return Jdbc.list(connection, "SELECT " + AuditLog.COLUMNS + " FROM colsync.audit_log"
        + " WHERE ?::text IS NULL OR migration = ? ORDER BY id", AuditChain::read, migration, migration);
  }

  private static List<String> appendMore(List<String> first, int more) {
    List<String> list = new ArrayList<>(first);
    list.add("… and " + more + " more");
    return list;
  }

  private static AuditRecord read(ResultSet row) throws SQLException {
    return new AuditRecord(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
        row.getString(6), row.getString(7), row.getString(8), row.getString(9),
        row.getObject(10, OffsetDateTime.class).toInstant(), row.getLong(11), row.getString(12), row.getString(13),
        row.getString(14), row.getString(15));
  }
}
