package dev.colsync.core.property;

/**
 * One step of an interleaving: a write by the old (N-1) or the new (N) application version, or a
 * move of the backfill. Each is one autocommitted statement or one procedure call.
 */
sealed interface Action {

  /** Which application version writes: N-1 writes only the old column, N only the new one. */
  enum Client {
    OLD, NEW
  }

  /** {@code INSERT … ON CONFLICT (id) DO NOTHING} of the client's column only. */
  record Insert(Client client, int id, Object value) implements Action {
    @Override
    public String toString() {
      return client + " insert " + id + " = " + show(value);
    }
  }

  /** {@code INSERT … ON CONFLICT (id) DO UPDATE SET <the client's column> = EXCLUDED.<it>}. */
  record Upsert(Client client, int id, Object value) implements Action {
    @Override
    public String toString() {
      return client + " upsert " + id + " = " + show(value);
    }
  }

  /** {@code UPDATE … SET <the client's column> = value WHERE id = …}. */
  record Update(Client client, int id, Object value) implements Action {
    @Override
    public String toString() {
      return client + " update " + id + " = " + show(value);
    }
  }

  /** {@code UPDATE … SET note = … WHERE id = …}: an update that writes neither migrated column. */
  record Touch(int id) implements Action {
    @Override
    public String toString() {
      return "touch " + id;
    }
  }

  record Delete(int id) implements Action {
    @Override
    public String toString() {
      return "delete " + id;
    }
  }

  /** One batch of the generated backfill procedure, of {@code size} rows, committed. */
  record BackfillBatch(int size) implements Action {
    @Override
    public String toString() {
      return "backfill batch of " + size;
    }
  }

  /** The generated backfill run script, to the end of the table. */
  record BackfillToEnd() implements Action {
    @Override
    public String toString() {
      return "backfill to the end";
    }
  }

  /** An operator starts the backfill over: its checkpoint is deleted. */
  record BackfillRestart() implements Action {
    @Override
    public String toString() {
      return "backfill restart";
    }
  }

  private static String show(Object value) {
    return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
  }
}
