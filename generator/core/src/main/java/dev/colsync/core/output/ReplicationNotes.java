package dev.colsync.core.output;

import dev.colsync.core.plan.InPlaceColumns;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.render.SubscriberSteps;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.TableName;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.Optional;

/** The runbook's text on physical standbys and on logical-replication subscribers of the table. */
final class ReplicationNotes {
  private ReplicationNotes() {}

  /** What each phase does on a streaming standby, where everything the primary does is replayed. */
  static String standbys(Plan plan) {
    if (plan.catalogOnly()) {
      return "A streaming standby replays alter-type; nothing is run there. Its `ACCESS EXCLUSIVE` lock is replayed:"
          + " replay waits for the standby's own queries on the table, up to `max_standby_streaming_delay` (30 s by"
          + " default), and cancels them after. The change itself is in the catalog alone, so replay holds the lock"
          + " for milliseconds. The rollback rewrites the table, and its WAL (the whole table) is replayed too.";
    }
    return String.join("\n",
        "A streaming standby replays every phase; nothing is run there. What that costs it:",
        "",
        "- **expand, cut-over, contract** (and their rollbacks): the `ACCESS EXCLUSIVE` lock is replayed. Replay"
            + " then waits for the standby's own queries on the table, up to `max_standby_streaming_delay`"
            + " (30 s by default), and cancels them after; meanwhile the standby replays nothing else, so it"
            + " falls behind. Run these phases when no long query reads the table on a standby.",
        "- **backfill**: every batch is replayed. `colsync apply` (and the Spring Boot runner) pauses the"
            + " backfill while a standby in `pg_stat_replication` replays further behind than the replication"
            + " lag limit, and goes on once it has caught up; the primary shows a standby that has caught up with"
            + " no lag after two of its status reports (`wal_receiver_status_interval`, 10 s by default). Run"
            + " through psql, the backfill does not look: watch `replay_lag` in `pg_stat_replication` yourself.",
        "- **indexes**: each `CREATE INDEX CONCURRENTLY` is replayed as a full index build (I/O, lag), without a"
            + " lock that blocks the standby's readers.",
        "- **validate**: `VALIDATE CONSTRAINT` scans on the primary only and its lock is not replayed, so even a"
            + " long VALIDATE costs a standby nothing. `SET NOT NULL` takes `ACCESS EXCLUSIVE` for milliseconds,"
            + " replayed as above.",
        "- **switch**: the read-path flag is a row of `colsync.read_path_flags`; instances reading it from a"
            + " standby see the change once it is replayed.");
  }

  /** The order of the manual steps on each subscriber of a publication that holds the table. */
  static String subscribers(Plan plan) {
    if (plan.catalogOnly()) {
      MigrationSpec spec = plan.spec();
      return "When `" + spec.table() + "` is in a publication, DDL does not replicate: each subscriber has its own"
          + " copy of the table, which must accept every row this database sends. On each subscriber, **before"
          + " alter-type here**: `" + SubscriberSteps.alterType(spec.table(), spec.change().from().name(),
          spec.change().to().type()) + ";` (a subscriber whose column keeps the narrower type stops applying the"
          + " table's changes at the first value that does not fit). To roll back, roll back here first, then on"
          + " each subscriber.";
    }
    MigrationSpec logical = plan.spec();
    Optional<InPlaceColumns> inPlace = InPlaceColumns.when(logical);
    MigrationSpec before = inPlace.map(InPlaceColumns::before).orElse(logical);
    MigrationSpec after = inPlace.map(InPlaceColumns::after).orElse(logical);
    TableName table = logical.table();
    String added = before.change().to().name();
    String dropped = after.change().from().name();
    StringBuilder text = new StringBuilder(String.join("\n",
        "When `" + table + "` is in a publication (expand warns then, and `colsync scaffold --url` notes it), DDL"
            + " does not replicate: each subscriber has its own copy of the table, which must accept every row"
            + " this database sends. Replicated rows carry the values of both columns, written here by the sync"
            + " trigger and the backfill; the subscriber needs no trigger and no backfill of its own (its apply"
            + " worker fires no ordinary trigger). In this order:",
        "",
        "1. On each subscriber, **before expand here**: `" + SubscriberSteps.addColumn(table, added,
            before.change().to().type()) + ";` (nullable, no default). A subscriber without the column stops"
            + " applying the table's changes (`logical replication target relation … is missing replicated"
            + " column`) from the first write after expand.",
        "2. Here: expand, backfill, indexes, validate" + (inPlace.isPresent() ? "" : ", switch") + " as below."
            + " The backfill's batches reach the subscribers too; its throttle does not see them (watch"
            + " `pg_stat_replication` for their `replay_lag`). Indexes and constraints on a subscriber are its"
            + " own: add those its readers need there.",
        ""));
    int step = 3;
    if (inPlace.isPresent()) {
      String column = inPlace.get().column();
      text.append(step++).append(". Cut-over renames columns here, which subscribers do not see: on each subscriber"
          + " first `ALTER SUBSCRIPTION … DISABLE`; then cut over here; then on the subscriber `")
          .append(SubscriberSteps.rename(table, column, inPlace.get().oldTemporary())).append(";` and `")
          .append(SubscriberSteps.rename(table, inPlace.get().newTemporary(), column))
          .append(";`, and `ALTER SUBSCRIPTION … ENABLE`: it applies what queued up meanwhile.")
          .append(inPlace.get().keyColumn() ? " The column is the key: move the subscriber's primary key (its"
              + " replica identity) to the renamed new column in the same window, as the cut-over does here." : "")
          .append('\n');
    }
    text.append(step++).append(". On each subscriber, **before contract here**, if `").append(dropped)
        .append("` is NOT NULL there: `").append(SubscriberSteps.dropNotNull(table, dropped))
        .append(";`: from contract on, rows arrive without it.\n");
    text.append(step++).append(". Here: contract.\n");
    text.append(step).append(". On each subscriber, **last**, once it has applied everything written here before"
        + " contract: note `SELECT pg_current_wal_lsn()` here right after contract, wait until the subscription's"
        + " slot has confirmed it (`SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = …` at or"
        + " past it), then `").append(SubscriberSteps.dropColumn(table, dropped))
        .append(";`. Dropped sooner, the rows still on their way carry the column, and the subscriber stops at the"
            + " first (`missing replicated column`); until then it keeps a column this database no longer sends.\n\n");
    text.append("A publication `FOR ALL TABLES` (or `FOR TABLES IN SCHEMA`) also publishes the tables colsync creates"
        + " here, in schema `colsync` and the backfill's checkpoint table `")
        .append(SqlIdentifiers.qualified(before.table().schema(), plan.names().backfillState()))
        .append("`: a subscriber stops at the first change to a table it does not have, so publish `")
        .append(table).append("` by name, or create those tables on each subscriber first.");
    return text.toString();
  }
}
