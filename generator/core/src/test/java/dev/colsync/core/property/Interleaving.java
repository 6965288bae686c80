package dev.colsync.core.property;

import java.util.List;

/**
 * Rows that exist before the migration starts, then the actions that follow the expand phase.
 *
 * @param seeds the rows before expand (the first seed of an id wins)
 * @param actions what both clients and the backfill do, in order
 */
record Interleaving(List<Seed> seeds, List<Action> actions) {

  /** A row written before expand: only the old column exists. */
  record Seed(int id, Object value) {
    @Override
    public String toString() {
      return id + " = " + (value instanceof String text ? "'" + text + "'" : value);
    }
  }
}
