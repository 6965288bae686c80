package dev.colsync.spring.boot;

import dev.colsync.runtime.shim.Shim;
import org.hibernate.cfg.AvailableSettings;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * For an application on Hibernate: its statement inspector rewrites the reads of each shim's new column per the
 * flag ({@code colsync.hibernate.enabled}, true by default), and the application's DataSource reports the SHADOW
 * comparisons of those reads to the shims. An inspector the application sets itself wins.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = {"org.hibernate.resource.jdbc.spi.StatementInspector",
    "org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer"})
@ConditionalOnProperty(name = "colsync.hibernate.enabled", matchIfMissing = true)
public class ColsyncHibernateAutoConfiguration {
  @Bean
  static ColsyncReads colsyncReads(ObjectProvider<Shim<?>> shims) {
    return new ColsyncReads(shims);
  }

  @Bean
  HibernatePropertiesCustomizer colsyncStatementInspector(ColsyncReads reads) {
    return properties -> properties.putIfAbsent(AvailableSettings.STATEMENT_INSPECTOR,
        new ColsyncStatementInspector(reads));
  }

  /**
   * The application's DataSources report the SHADOW comparisons of the statements the inspector rewrote; an
   * application without a shim bean keeps its DataSource as it is (nothing would be reported).
   */
  @Bean
  static BeanPostProcessor colsyncShadowReporting(ObjectProvider<ColsyncReads> reads, ListableBeanFactory beans) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        boolean shims = beans.getBeanNamesForType(Shim.class, false, false).length > 0;
        return bean instanceof DataSource dataSource && shims
            ? ShadowReportingDataSource.wrap(dataSource, reads.getObject()) : bean;
      }
    };
  }
}
