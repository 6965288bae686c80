package dev.colsync.spring.boot;

import dev.colsync.runtime.shim.Shim;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * For an application on Hibernate: its statement inspector rewrites the reads of each shim's new column per the
 * flag ({@code colsync.hibernate.enabled}, true by default). An inspector the application sets itself wins.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = {"org.hibernate.resource.jdbc.spi.StatementInspector",
    "org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer"})
@ConditionalOnProperty(name = "colsync.hibernate.enabled", matchIfMissing = true)
public class ColsyncHibernateAutoConfiguration {
  @Bean
  HibernatePropertiesCustomizer colsyncStatementInspector(ObjectProvider<Shim<?>> shims) {
    return properties -> properties.putIfAbsent(AvailableSettings.STATEMENT_INSPECTOR,
        new ColsyncStatementInspector(shims));
  }
}
