package dev.colsync.core.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * How a migration's scripts are laid out for Flyway, and which of them the application's own Flyway applies
 * in the release being built. An application that runs Flyway at startup must not drop a column in the release
 * that adds the new one, nor run a whole backfill inside its startup: by default its location holds expand only,
 * and the backfill, indexes and validate phases run in the background or by {@code colsync apply}. A later
 * release adds contract, at a version of its own after the application's migrations of the releases between.
 *
 * @param version the version of the scripts before contract (and of every script in release {@code all})
 * @param release which phases the location holds
 * @param contractVersion the version of contract's scripts in release {@code contract} (a spec of release
 *     {@code expand} may give it ahead, for a build that chooses the release itself)
 * @param inlineBackfill whether the location also holds the backfill, run by Flyway inside the deploy
 */
public record FlywayRelease(Optional<String> version, Release release, Optional<String> contractVersion,
    boolean inlineBackfill) {

  /** Which phases a Flyway location holds. */
  public enum Release {
    /** Expand (and, with {@code inlineBackfill}, the backfill): the release that adds the new column. */
    EXPAND("expand"),
    /** What expand's release held, and contract at {@code contractVersion}: the release that drops the old column. */
    CONTRACT("contract"),
    /** Every phase at one version, for a Flyway run phase by phase with {@code target} (not at startup). */
    ALL("all");

    private final String specValue;

    Release(String specValue) {
      this.specValue = specValue;
    }

    public String specValue() {
      return specValue;
    }
  }

  /** No {@code flyway:} in the spec: Flyway output is refused until it gives a version. */
  public static final FlywayRelease NONE = new FlywayRelease(Optional.empty(), Release.EXPAND, Optional.empty(), false);

  public FlywayRelease {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(contractVersion, "contractVersion");
  }

  /** Release {@code expand} at {@code version}. */
  public static FlywayRelease at(String version) {
    return new FlywayRelease(Optional.of(version), Release.EXPAND, Optional.empty(), false);
  }

  /** This layout, for release {@code release}. */
  public FlywayRelease withRelease(Release release) {
    return new FlywayRelease(version, release, contractVersion, inlineBackfill);
  }

  /** Every phase at {@code version}. */
  public static FlywayRelease all(String version) {
    return new FlywayRelease(Optional.of(version), Release.ALL, Optional.empty(), false);
  }
}
