package dev.colsync.examples.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Version N-1 of the orders service: reads and writes {@code amount numeric(12,2)} directly. */
public final class OrdersBeforeChange implements OrderStore {
  private static final String SELECT = "SELECT amount FROM public.orders WHERE id = ?";
  private static final String UPDATE = "UPDATE public.orders SET amount = ? WHERE id = ?";
  private static final String INSERT = "INSERT INTO public.orders (customer_id, amount) VALUES (?, ?) RETURNING id";

  @Override
  public Optional<Long> amountCents(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getBigDecimal(1).movePointRight(2).longValueExact()) : Optional.empty();
      }
    }
  }

  @Override
  public boolean setAmountCents(Connection connection, long id, long cents) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      update.setBigDecimal(1, BigDecimal.valueOf(cents, 2));
      update.setLong(2, id);
      return update.executeUpdate() > 0;
    }
  }

  @Override
  public long create(Connection connection, long cents) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setLong(1, cents % 5000);
      insert.setBigDecimal(2, BigDecimal.valueOf(cents, 2));
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
