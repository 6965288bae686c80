package dev.colsync.benchmarks;

import java.sql.SQLException;

/**
 * What a change of every row of {@code pgbench_accounts} costs in space: the table's and its indexes' sizes
 * before and after, and the WAL written meanwhile. Measured from a checkpoint, so that both changes pay their full
 * page images alike, on a database nothing else writes to.
 */
record SpaceCost(long tableBefore, long tableAfter, long indexesBefore, long indexesAfter, long walBytes, long rows) {
  private static final String WAL_POSITION =
      "SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_insert_lsn(), '0/0')::bigint";

  /** Work that changes the table. */
  interface Change {
    void run() throws Exception;
  }

  /** Two more indexes beside the key, so that what the change costs them shows: a table has several. */
  static void addIndexes(Database sql) throws SQLException {
    sql.execute("CREATE INDEX pgbench_accounts_bid_idx ON pgbench_accounts (bid)",
        "CREATE INDEX pgbench_accounts_abalance_idx ON pgbench_accounts (abalance)",
        "VACUUM ANALYZE pgbench_accounts");
  }

  static SpaceCost measure(Database sql, Change change) throws Exception {
    sql.execute("CHECKPOINT");
    long table = sql.number("SELECT pg_catalog.pg_table_size('pgbench_accounts')");
    long indexes = sql.number("SELECT pg_catalog.pg_indexes_size('pgbench_accounts')");
    long rows = sql.number("SELECT count(*) FROM pgbench_accounts");
    long walStart = sql.number(WAL_POSITION);
    change.run();
    long wal = sql.number(WAL_POSITION) - walStart;
    return new SpaceCost(table, sql.number("SELECT pg_catalog.pg_table_size('pgbench_accounts')"), indexes,
        sql.number("SELECT pg_catalog.pg_indexes_size('pgbench_accounts')"), wal, rows);
  }

  double tableGrowth() {
    return (double) tableAfter / tableBefore;
  }

  double indexGrowth() {
    return (double) indexesAfter / indexesBefore;
  }

  double walPerRow() {
    return (double) walBytes / rows;
  }

  String sizes() {
    return "table " + megabytes(tableBefore) + " → " + megabytes(tableAfter) + " MB, indexes "
        + megabytes(indexesBefore) + " → " + megabytes(indexesAfter) + " MB, WAL " + megabytes(walBytes) + " MB for "
        + rows + " rows";
  }

  private static String megabytes(long bytes) {
    return Figure.format(bytes / 1e6);
  }
}
