package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.JdbcFlagSource;
import dev.colsync.runtime.shim.MicrometerReadPathObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Reads and SHADOW comparisons counted on the application's meter registry (pass the observer to the generated
 * shims), and the database flags' freshness as the gauge {@code colsync.flags.fresh}.
 */
@AutoConfiguration(after = ColsyncAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class ColsyncMetricsAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  MicrometerReadPathObserver colsyncReadPathObserver(MeterRegistry registry, ObjectProvider<FlagSource> flags) {
    if (flags.getIfAvailable() instanceof JdbcFlagSource jdbc) {
      MicrometerReadPathObserver.monitor(jdbc, registry);
    }
    return new MicrometerReadPathObserver(registry);
  }

  /** The background runner's rows changed and lock retries, as counters, when it runs. */
  @Bean
  @ConditionalOnBean(RunnerStandings.class)
  MeterBinder colsyncRunnerMeters(RunnerStandings runner) {
    return registry -> {
      FunctionCounter.builder("colsync.runner.rows.changed", runner, RunnerStandings::rowsChanged)
          .description("rows the background runner's backfills changed").register(registry);
      FunctionCounter.builder("colsync.runner.lock.retries", runner, RunnerStandings::lockRetries)
          .description("lock timeouts and deadlocks the background runner's steps retried").register(registry);
    };
  }
}
