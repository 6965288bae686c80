package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.InstanceReporter;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * This running instance: its name, and its reports of the read path it uses for each migration the application
 * knows, and of itself. An application that knows no migration yet still reports itself: contract counts it as
 * reading the old column of every migration another version of the application reports. Closed with the
 * application context, which withdraws the reports.
 */
public final class ColsyncInstance implements AutoCloseable {
  private final InstanceReporter reporter;

  private ColsyncInstance(InstanceReporter reporter) {
    this.reporter = reporter;
  }

  static ColsyncInstance start(DataSource dataSource, FlagSource flags, ColsyncMigrations migrations,
      String application, Duration interval) {
    InstanceReporter.Builder builder = InstanceReporter.builder(dataSource::getConnection).application(application)
        .interval(interval);
    migrations.names().forEach(migration -> builder.reading(migration, flags));
    return new ColsyncInstance(builder.start());
  }

  /** This instance's name in {@code colsync.instances}. */
  public String name() {
    return reporter.instance();
  }

  @Override
  public void close() {
    reporter.close();
  }
}
