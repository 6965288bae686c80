package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code colsync} endpoint and health indicator, for an application with Actuator. */
@AutoConfiguration(after = ColsyncAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean({DataSource.class, ColsyncInstance.class})
public class ColsyncActuatorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MigrationView colsyncMigrationView(DataSource dataSource, FlagSource flags, ColsyncMigrations migrations) {
    return new MigrationView(dataSource, flags, migrations);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  ColsyncEndpoint colsyncEndpoint(DataSource dataSource, FlagSource flags, MigrationView view,
      ColsyncMigrations migrations, ColsyncInstance instance, ObjectProvider<RunnerStandings> runner) {
    return new ColsyncEndpoint(dataSource, flags, view, migrations, instance,
        Optional.ofNullable(runner.getIfAvailable()));
  }

  @Bean(name = "colsyncHealthIndicator")
  @ConditionalOnMissingBean(name = "colsyncHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("colsync")
  ColsyncHealthIndicator colsyncHealthIndicator(FlagSource flags, MigrationView view, ColsyncInstance instance) {
    return new ColsyncHealthIndicator(flags, view, instance);
  }
}
