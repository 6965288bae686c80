package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.JdbcFlagSource;
import java.sql.SQLException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code colsync} in {@code /actuator/health}: UP while the read-path flags are fresh, with each migration's read
 * path, flag, steps, backfill and reporting instances as details. Stale flags (every migration then reads OLD) are
 * UNKNOWN rather than DOWN: the application still works on the old column, and a restart would not help.
 */
final class ColsyncHealthIndicator implements HealthIndicator {
  private final FlagSource flags;
  private final MigrationView view;
  private final ColsyncInstance instance;

  ColsyncHealthIndicator(FlagSource flags, MigrationView view, ColsyncInstance instance) {
    this.flags = flags;
    this.view = view;
    this.instance = instance;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    if (flags instanceof JdbcFlagSource jdbc && !jdbc.isFresh()) {
      health.unknown().withDetail("flags", "stale: every migration reads OLD until a reload succeeds"
          + jdbc.lastFailure().map(failure -> " (" + failure + ")").orElse(""));
    }
    health.withDetail("instance", instance.name());
    try {
      health.withDetail("migrations", view.all());
    } catch (SQLException e) {
      health.unknown().withDetail("migrations", "could not be read: " + e.getMessage().lines().findFirst()
          .orElse(""));
    }
    return health.build();
  }
}
