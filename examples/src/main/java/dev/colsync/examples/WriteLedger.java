package dev.colsync.examples;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last amount each client wrote to each order, so that the end of the run can prove no write was
 * lost on the way: every order is written by one client only, so its last successful write is the
 * value the table must hold, whichever version wrote it and whichever column it went to.
 */
final class WriteLedger {
  private static final int SAMPLE = 5;
  private static final String LOST = """
      SELECT w.id FROM unnest(?::bigint[], ?::bigint[]) AS w(id, cents)
      LEFT JOIN public.orders o ON o.id = w.id
      WHERE o.amount_cents IS DISTINCT FROM w.cents
      ORDER BY w.id""";

  private final Map<Long, Long> lastCents = new ConcurrentHashMap<>();

  void wrote(long id, long cents) {
    lastCents.put(id, cents);
  }

  /** Compares every recorded write with {@code amount_cents}; run once the clients stopped and contract is done. */
  Check check(Connection connection) throws SQLException {
    Long[] ids = new Long[lastCents.size()];
    Long[] cents = new Long[ids.length];
    int i = 0;
    for (Map.Entry<Long, Long> write : lastCents.entrySet()) {
      ids[i] = write.getKey();
      cents[i++] = write.getValue();
    }
    Array idArray = connection.createArrayOf("bigint", ids);
    Array centsArray = connection.createArrayOf("bigint", cents);
    long lost = 0;
    List<Long> sample = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(LOST)) {
      select.setArray(1, idArray);
      select.setArray(2, centsArray);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          lost++;
          if (sample.size() < SAMPLE) {
            sample.add(rows.getLong(1));
          }
        }
      }
    }
    return new Check(ids.length, lost, sample);
  }

  /** Orders checked, how many do not hold their last write, and some of their ids. */
  record Check(long orders, long lost, List<Long> sampleIds) {}
}
