package dev.colsync.examples.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Version N of the orders service: the amount goes through the generated {@link OrderAmountsShim},
 * which reads and writes the old or the new column as the read-path flag says.
 */
public final class OrdersWithShim implements OrderStore {
  private static final String NEXT_ID = "SELECT nextval(pg_get_serial_sequence('public.orders', 'id'))";

  private final OrderAmountsShim amounts;

  public OrdersWithShim(OrderAmountsShim amounts) {
    this.amounts = amounts;
  }

  @Override
  public Optional<Long> amountCents(Connection connection, long id) throws SQLException {
    return amounts.find(connection, id);
  }

  @Override
  public boolean setAmountCents(Connection connection, long id, long cents) throws SQLException {
    return amounts.update(connection, id, cents);
  }

  @Override
  public long create(Connection connection, long cents) throws SQLException {
    long id;
    try (PreparedStatement next = connection.prepareStatement(NEXT_ID); ResultSet row = next.executeQuery()) {
      row.next();
      id = row.getLong(1);
    }
    amounts.insert(connection, id, cents);
    return id;
  }
}
