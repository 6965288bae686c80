package dev.colsync.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.property.Action.Client;
import dev.colsync.core.property.Interleaving.Seed;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * N clears a value (writes NULL to the new column) in a row the backfill has not reached yet.
 *
 * <p>Before the backfill the new column of an old row is NULL, so {@code UPDATE … SET amount_cents = NULL}
 * changes nothing the trigger can see: it leaves both columns alone, N reads back NULL, and the backfill
 * later copies {@code up(old)} over N's committed write. The property tests accept either outcome for
 * this one case; this test asks for the last write to win, and fails while the trigger decides from the
 * data alone (it cannot tell "SET new = NULL" from an UPDATE that does not mention the column; a
 * {@code BEFORE UPDATE OF <new column>} trigger can).
 */
class NullWriteBeforeBackfillTest {

  @EachPostgres
  void aNullWrittenByTheNewVersionSurvivesTheBackfill(PostgresServer server) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = Connections.open(database)) {
      SyncCase sync = SyncCase.cents("null_write");
      SyncHarness harness = new SyncHarness(connection, sync, 10, Duration.ZERO);
      harness.reset(List.of(new Seed(1, 12_345L))); // amount 123.45 written before expand

      harness.apply(new Action.Update(Client.NEW, 1, null)); // N: UPDATE … SET amount_cents = NULL WHERE id = 1
      assertThat(read(connection, sync)).as("row 1 right after N's write: the old column follows").isEqualTo("null / null");

      harness.settle(); // the backfill reaches row 1
      assertThat(read(connection, sync)).as("row 1 after the backfill (old / new)").isEqualTo("null / null");
    }
  }

  private static String read(Connection connection, SyncCase sync) throws Exception {
    try (Statement statement = connection.createStatement();
         ResultSet row = statement.executeQuery("SELECT " + sync.oldColumn() + " || '', " + sync.newColumn()
             + " || '' FROM " + sync.table() + " WHERE id = 1")) {
      row.next();
      return row.getString(1) + " / " + row.getString(2);
    }
  }
}
