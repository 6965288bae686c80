package dev.colsync.runtime.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Pause, resume and cancel requests for a migration's backfill, from any process: table
 * {@code colsync.backfill_control}. A running backfill looks before every batch and while paused. A pause
 * lasts until a resume, across runs; a resume ends the pause and leaves nothing standing; a cancel stops the
 * running backfill after its current batch (its checkpoint stays, so the next run goes on from there) and is
 * then forgotten.
 */
public final class BackfillControl {

  /** What was last asked of a migration's backfill. */
  public enum Request {
    PAUSE,
    RESUME,
    CANCEL;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Request of(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * The standing request.
   *
   * @param requestedBy {@code os-user@host} of the process that asked
   */
  public record State(Request request, String requestedBy, OffsetDateTime requestedAt) {}

  private BackfillControl() {}

  /**
   * Records {@code request} for {@code migration}, signed by this process; visible at once in autocommit. A
   * resume removes the standing request: a backfill with none goes on.
   */
  public static void request(Connection connection, String migration, Request request) throws SQLException {
    StateSchema.ensure(connection);
    if (request == Request.RESUME) {
      Jdbc.update(connection, "DELETE FROM colsync.backfill_control WHERE migration = ?", migration);
      return;
    }
    Jdbc.update(connection,
        "INSERT INTO colsync.backfill_control (migration, request, requested_by) VALUES (?, ?, ?)"
            + " ON CONFLICT (migration) DO UPDATE SET request = EXCLUDED.request,"
            + " requested_by = EXCLUDED.requested_by, requested_at = pg_catalog.now()",
        migration, request.id(), Actor.thisProcess());
  }

  /** The standing pause or cancel, if there is one. */
  public static Optional<State> read(Connection connection, String migration) throws SQLException {
    if (!Jdbc.tableExists(connection, StateSchema.BACKFILL_CONTROL)) {
      return Optional.empty();
    }
    return Jdbc.first(connection,
        "SELECT request, requested_by, requested_at FROM colsync.backfill_control WHERE migration = ?",
        row -> new State(Request.of(row.getString(1)), row.getString(2), row.getObject(3, OffsetDateTime.class)),
        migration);
  }

  /** The backend pid of the colsync run of {@code migration} in progress, if one is. */
  public static Optional<Integer> runningBackend(Connection connection, String migration) throws SQLException {
    return MigrationLock.holder(connection, migration);
  }

  /** A cancel is acted on once: the runner that stops for it (or a run that finds it stale) clears it. */
  static void clearCancel(Connection connection, String migration) throws SQLException {
    Jdbc.update(connection,
        "DELETE FROM colsync.backfill_control WHERE migration = ? AND request = 'cancel'",
        migration);
  }
}
