package dev.colsync.core.render;

import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;
import static dev.colsync.runtime.sql.SqlIdentifiers.quote;

import dev.colsync.core.spec.TableName;

/**
 * The statements a logical-replication subscriber of the table runs by hand around the publisher's phases: DDL
 * does not replicate, and the subscriber's copy of the table must accept every row the publisher sends.
 */
public final class SubscriberSteps {
  private SubscriberSteps() {}

  /** Before expand on the publisher: the column the sync trigger starts to write there. */
  public static String addColumn(TableName table, String column, String type) {
    return "ALTER TABLE " + qualified(table.schema(), table.name()) + " ADD COLUMN IF NOT EXISTS " + quote(column)
        + " " + type;
  }

  /** Before contract on the publisher: rows stop carrying the column it drops. */
  public static String dropNotNull(TableName table, String column) {
    return "ALTER TABLE " + qualified(table.schema(), table.name()) + " ALTER COLUMN " + quote(column)
        + " DROP NOT NULL";
  }

  /** After contract on the publisher, last. */
  public static String dropColumn(TableName table, String column) {
    return "ALTER TABLE " + qualified(table.schema(), table.name()) + " DROP COLUMN IF EXISTS " + quote(column);
  }

  /** Before a catalog-only type change on the publisher: the column takes the wider type there first. */
  public static String alterType(TableName table, String column, String type) {
    return "ALTER TABLE " + qualified(table.schema(), table.name()) + " ALTER COLUMN " + quote(column) + " TYPE "
        + type;
  }

  /** The cut-over's renames, mirrored while the subscription is disabled. */
  public static String rename(TableName table, String from, String to) {
    return "ALTER TABLE " + qualified(table.schema(), table.name()) + " RENAME COLUMN " + quote(from) + " TO "
        + quote(to);
  }
}
