package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.JdbcFlagSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The read-path flags and this instance's reports, from the application's DataSource: a {@link FlagSource} for
 * the generated shims (unless the application defines one), and an {@link InstanceReporter} that tells contract
 * which read path this instance uses for each migration it knows.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@EnableConfigurationProperties(ColsyncProperties.class)
public class ColsyncAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ColsyncMigrations colsyncMigrations(ColsyncProperties properties, ResourceLoader resources) {
    return ColsyncMigrations.discover(resources.getClassLoader(), properties.getMigrations());
  }

  /**
   * {@code colsync.flags.source}: OpenFeature when asked, or (auto) when the application has a client; the
   * properties when asked; else the flag table through the DataSource, or the properties without one.
   */
  @Bean
  @ConditionalOnMissingBean(FlagSource.class)
  FlagSource colsyncFlagSource(ColsyncProperties properties, Environment environment,
      ObjectProvider<DataSource> dataSource, ConfigurableListableBeanFactory beans) {
    ColsyncProperties.FlagSourceKind kind = properties.getFlags().getSource();
    ClassLoader classLoader = beans.getBeanClassLoader();
    if (kind == ColsyncProperties.FlagSourceKind.OPENFEATURE
        || kind == ColsyncProperties.FlagSourceKind.AUTO && OpenFeatureFlags.available(beans, classLoader)) {
      return OpenFeatureFlags.source(beans, classLoader);
    }
    if (kind == ColsyncProperties.FlagSourceKind.PROPERTIES) {
      return new EnvironmentFlagSource(environment);
    }
    DataSource database = dataSource.getIfAvailable();
    if (database == null) {
      if (kind == ColsyncProperties.FlagSourceKind.JDBC) {
        throw new IllegalStateException("colsync.flags.source=jdbc needs a DataSource bean, and there is none");
      }
      return new EnvironmentFlagSource(environment);
    }
    return JdbcFlagSource.builder(database).maxStaleness(properties.getFlags().getMaxStaleness())
        .listen(properties.getFlags().isListen()).build();
  }

  /** The background runner, with {@code colsync.runner.enabled=true} and colsync-core on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.colsync.core.output.Generator")
  @ConditionalOnProperty(name = "colsync.runner.enabled", havingValue = "true")
  static class Runner {
    @Bean
    @ConditionalOnMissingBean
    ColsyncRunner colsyncRunner(ObjectProvider<DataSource> dataSource, ColsyncMigrations migrations,
        ColsyncProperties properties, ResourceLoader resources) {
      DataSource database = dataSource.getIfAvailable();
      if (database == null) {
        throw new IllegalStateException("colsync.runner.enabled=true needs a DataSource bean, and there is none");
      }
      return new ColsyncRunner(database, migrations, resources.getClassLoader(),
          properties.getRunner().getRetryInterval());
    }

    /** Starts the runner once the application is ready: after its Flyway, with every bean in place. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> colsyncRunnerStart(ColsyncRunner runner) {
      return ready -> runner.start();
    }
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnProperty(name = "colsync.instances.enabled", matchIfMissing = true)
  @ConditionalOnMissingBean
  ColsyncInstance colsyncInstance(ColsyncProperties properties, ColsyncMigrations migrations, FlagSource flags,
      DataSource dataSource, Environment environment) {
    return ColsyncInstance.start(dataSource, flags, migrations,
        environment.getProperty("spring.application.name", "application"), properties.getInstances().getInterval());
  }
}
