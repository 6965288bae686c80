package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.InstanceReporter;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * This running instance: its name, and its reports of the read path it uses for each migration the application
 * knows (none when it knows none). Closed with the application context, which withdraws the reports.
 */
public final class ColsyncInstance implements AutoCloseable {
  private final Optional<InstanceReporter> reporter;

  private ColsyncInstance(Optional<InstanceReporter> reporter) {
    this.reporter = reporter;
  }

  static ColsyncInstance start(DataSource dataSource, FlagSource flags, ColsyncMigrations migrations,
      String application, Duration interval) {
    if (migrations.names().isEmpty()) {
      return new ColsyncInstance(Optional.empty());
    }
    InstanceReporter.Builder builder = InstanceReporter.builder(dataSource::getConnection).application(application)
        .interval(interval);
    migrations.names().forEach(migration -> builder.reading(migration, flags));
    return new ColsyncInstance(Optional.of(builder.start()));
  }

  /** This instance's name in {@code colsync.instances}, when it reports. */
  public Optional<String> name() {
    return reporter.map(InstanceReporter::instance);
  }

  @Override
  public void close() {
    reporter.ifPresent(InstanceReporter::close);
  }
}
