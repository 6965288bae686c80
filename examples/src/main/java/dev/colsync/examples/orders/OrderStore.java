package dev.colsync.examples.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** What the orders service does with an order's amount, in cents, whichever column holds it. */
public interface OrderStore {

  /** The amount of order {@code id}; empty when there is no such order. */
  Optional<Long> amountCents(Connection connection, long id) throws SQLException;

  /** Sets the amount of order {@code id}; false when there is no such order. */
  boolean setAmountCents(Connection connection, long id, long cents) throws SQLException;

  /** Creates an order with this amount and returns its id. */
  long create(Connection connection, long cents) throws SQLException;
}
