package dev.colsync.core.execution;

import static dev.colsync.runtime.sql.SqlIdentifiers.literal;
import static dev.colsync.runtime.sql.SqlIdentifiers.qualified;

import dev.colsync.core.plan.InPlaceColumns;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.render.Models.PreflightSql;
import dev.colsync.core.render.SqlFragments;
import dev.colsync.core.spec.MigrationSpec;
import java.util.Optional;

/**
 * How the executor recognises, from the catalog, a step another runner (psql, Flyway, Liquibase) applied:
 * expand by the new column with this migration's sync objects, the backfill's preparation by its
 * checkpoint table and procedure, the backfill by its checkpoint marked done. Other steps are not
 * recognised; the executor refuses to run past them until it applied them itself.
 */
final class AppliedProbes {
  private final MigrationSpec first;
  private final Plan plan;
  private final Optional<InPlaceColumns> inPlace;

  AppliedProbes(Plan plan, Optional<InPlaceColumns> inPlace) {
    this.plan = plan;
    this.inPlace = inPlace;
    this.first = inPlace.map(InPlaceColumns::before).orElse(plan.spec());
  }

  /** A query of one boolean, true when {@code step} of {@code phase} is in the database. */
  Optional<String> of(Phase phase, String step) {
    String schema = first.table().schema();
    String state = qualified(schema, plan.names().backfillState());
    if (phase == Phase.EXPAND) {
      PreflightSql preflight = new SqlFragments(first, plan.names()).preflight(inPlace);
      return Optional.of("SELECT (" + preflight.newExists() + ") AND (" + preflight.ours() + ")");
    }
    if (phase == Phase.BACKFILL && step.equals(ExecutionPlans.BACKFILL_RUN)) {
      return Optional.of("SELECT EXISTS (SELECT FROM " + state + " WHERE direction OPERATOR(pg_catalog.=) 'up'"
          + " AND done)");
    }
    if (phase == Phase.BACKFILL) {
      return Optional.of("SELECT pg_catalog.to_regclass(" + literal(state) + ") IS NOT NULL"
          + " AND pg_catalog.to_regprocedure(" + literal(qualified(schema, plan.names().backfillProcedure())
          + "(text, integer, interval, boolean)") + ") IS NOT NULL");
    }
    return Optional.empty();
  }
}
