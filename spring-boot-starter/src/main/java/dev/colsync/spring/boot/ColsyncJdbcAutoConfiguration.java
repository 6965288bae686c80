package dev.colsync.spring.boot;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the application's statements working while colsync adds and drops columns. PostgreSQL refuses to run a
 * server-prepared statement whose result columns changed since it was prepared ("cached plan must not change result
 * type"): pgjdbc prepares a statement on the server after a few uses, and the statements that return every column
 * of the table ({@code SELECT *}, and the {@code RETURNING *} it adds for generated keys, as Hibernate's identity
 * inserts use) change when expand adds the new column and when contract drops the old one. Each such statement
 * then fails once per pooled connection, inside the transaction that ran it. pgjdbc's {@code autosave=conservative}
 * retries exactly that failure from a savepoint; this sets it on the application's Hikari pool when its URL does not
 * choose an {@code autosave} of its own ({@code colsync.jdbc.autosave=false} leaves the pool as it is).
 */
@AutoConfiguration
@ConditionalOnClass(name = {"com.zaxxer.hikari.HikariDataSource", "org.postgresql.Driver"})
@ConditionalOnProperty(name = "colsync.jdbc.autosave", matchIfMissing = true)
public class ColsyncJdbcAutoConfiguration {
  private static final System.Logger LOG = System.getLogger(ColsyncJdbcAutoConfiguration.class.getName());

  /** Before initialization: after Boot bound {@code spring.datasource.hikari.*}, before the pool starts. */
  @Bean
  static BeanPostProcessor colsyncPgjdbcAutosave() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource hikari && retriesChangedResults(hikari)) {
          LOG.log(System.Logger.Level.INFO, "colsync: data source " + name + " uses pgjdbc's autosave=conservative,"
              + " so that a statement prepared before a column was added or dropped is run again instead of failing"
              + " (colsync.jdbc.autosave=false to leave it)");
        }
        return bean;
      }
    };
  }

  /** Sets {@code autosave=conservative} on a PostgreSQL pool that chose none; whether it did. */
  static boolean retriesChangedResults(HikariDataSource hikari) {
    String url = hikari.getJdbcUrl();
    if (hikari.isRunning() || url == null || !url.startsWith("jdbc:postgresql:") || url.contains("autosave=")
        || hikari.getDataSourceProperties().containsKey("autosave")) {
      return false;
    }
    hikari.addDataSourceProperty("autosave", "conservative");
    return true;
  }
}
