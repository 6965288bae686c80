package dev.colsync.examples;

import dev.colsync.examples.orders.OrderStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance of the orders service under steady traffic, on its own connection: reads of random
 * orders (7 in 10), amount changes (1 in 4) and new orders, each timed into the phase running now.
 * Also checks each answer: a loaded order that reads as missing counts as an error. It changes only
 * the orders of its own slot ({@code id % slots == slot}), so the {@link WriteLedger} knows each
 * order's last value.
 */
final class Client implements AutoCloseable {
  private static final long THINK_TIME_MILLIS = 1;

  private final String name;
  private final OrderStore store;
  private final Connection connection;
  private final long loadedRows;
  private final PhaseLog phases;
  private final SplittableRandom random;
  private final AtomicLong createdOrders;
  private final WriteLedger ledger;
  private final long firstOwnId;
  private final long slots;
  private final Thread thread;
  private volatile boolean stopped;

  Client(String name, OrderStore store, Connection connection, long loadedRows, PhaseLog phases, long seed,
      AtomicLong createdOrders, WriteLedger ledger, int slot, int slots) {
    this.name = name;
    this.store = store;
    this.connection = connection;
    this.loadedRows = loadedRows;
    this.phases = phases;
    this.random = new SplittableRandom(seed);
    this.createdOrders = createdOrders;
    this.ledger = ledger;
    this.firstOwnId = slot == 0 ? slots : slot;
    this.slots = slots;
    this.thread = new Thread(this::run, name);
    this.thread.start();
  }

  String name() {
    return name;
  }

  private void run() {
    while (!stopped) {
      int dice = random.nextInt(100);
      long cents = random.nextLong(1, 10_000_000);
      long started = System.nanoTime();
      try {
        if (dice < 70 || firstOwnId > loadedRows) {
          long id = 1 + random.nextLong(loadedRows);
          Optional<Long> amount = store.amountCents(connection, id);
          if (amount.isEmpty()) {
            throw new IllegalStateException("order " + id + " reads as missing");
          }
        } else if (dice < 95) {
          long id = firstOwnId + slots * random.nextLong((loadedRows - firstOwnId) / slots + 1);
          if (!store.setAmountCents(connection, id, cents)) {
            throw new IllegalStateException("order " + id + " was not updated");
          }
          ledger.wrote(id, cents);
        } else {
          ledger.wrote(store.create(connection, cents), cents);
          createdOrders.incrementAndGet();
        }
        phases.current().operation(name, System.nanoTime() - started);
      } catch (SQLException | RuntimeException e) {
        phases.current().error(name, e);
      }
      try {
        Thread.sleep(THINK_TIME_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    stopped = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
