package dev.colsync.core.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain view that uses the old column, as {@code colsync scaffold} records it: enough to create
 * it again over the new column at contract, and over the old column when contract is rolled back.
 *
 * @param schema the view's schema, as the catalog stores it
 * @param name the view's name, as the catalog stores it
 * @param definition its query as {@code pg_get_viewdef(oid, true)} prints it with only
 *     {@code pg_catalog} on the search path, so every other name in it is schema-qualified
 * @param checkOption {@code local} or {@code cascaded} for a view {@code WITH CHECK OPTION}
 * @param securityBarrier whether it is a {@code security_barrier} view
 * @param securityInvoker whether it is a {@code security_invoker} view (PostgreSQL 15+)
 * @param usedBy other views that read this one, qualified as the catalog prints them
 */
public record ViewSpec(
    String schema, String name, String definition, Optional<String> checkOption, boolean securityBarrier,
    boolean securityInvoker, List<String> usedBy) {

  public static final List<String> CHECK_OPTIONS = List.of("local", "cascaded");

  public ViewSpec {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(checkOption, "checkOption");
    usedBy = List.copyOf(usedBy);
  }
}
