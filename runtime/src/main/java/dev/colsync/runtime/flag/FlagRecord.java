package dev.colsync.runtime.flag;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of the flag table.
 *
 * @param migration the migration's name
 * @param readPath its read path
 * @param updatedAt when it was last set
 * @param updatedBy the database user who set it
 */
public record FlagRecord(String migration, ReadPath readPath, OffsetDateTime updatedAt, String updatedBy) {
  public FlagRecord {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(readPath, "readPath");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(updatedBy, "updatedBy");
  }
}
