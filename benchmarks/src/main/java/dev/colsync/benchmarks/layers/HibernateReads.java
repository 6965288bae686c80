package dev.colsync.benchmarks.layers;

import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ReadRewriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * (6) A find by primary key through a plain Hibernate {@link SessionFactory} (no Spring), a session per read as a
 * request would have: without colsync, or with colsync's statement inspector over a shim held at one read path.
 */
public final class HibernateReads implements AutoCloseable {
  /**
   * The SELECT Hibernate 6.6 sends for {@code session.find(BenchOrder.class, id)}: what the rewrite figures time.
   * {@link #checkStatement} fails the area if Hibernate sends another.
   */
  public static final String FIND_SQL = "select bo1_0.id,bo1_0.amount_cents,bo1_0.customer,bo1_0.placed_at,"
      + "bo1_0.status from bench_orders bo1_0 where bo1_0.id=?";

  /** Hibernate logs its start-up at INFO through java.util.logging; the harness prints only its warnings. */
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  static {
    HIBERNATE_LOG.setLevel(Level.WARNING);
  }

  private final Connection connection;
  private final StandardServiceRegistry registry;
  private final SessionFactory sessions;
  private final RewritingInspector inspector;

  private HibernateReads(Connection connection, StandardServiceRegistry registry, SessionFactory sessions,
      RewritingInspector inspector) {
    this.connection = connection;
    this.registry = registry;
    this.sessions = sessions;
    this.inspector = inspector;
  }

  /** Reads without colsync: the entity's SQL as Hibernate generates it. */
  public static HibernateReads withoutColsync(String jdbcUrl) throws SQLException {
    return open(jdbcUrl, null);
  }

  /** Reads through colsync's statement inspector, over a shim whose flag is held at {@code path}. */
  public static HibernateReads withInspector(String jdbcUrl, ReadPath path) throws SQLException {
    return open(jdbcUrl, new RewritingInspector(new ReadRewriter(List.of(ReadRewriter.target(PathShims.on(path))))));
  }

  private static HibernateReads open(String jdbcUrl, RewritingInspector inspector) throws SQLException {
    Connection connection = DriverManager.getConnection(jdbcUrl);
    StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
        .applySetting(AvailableSettings.CONNECTION_PROVIDER, new OneConnection(connection));
    if (inspector != null) {
      settings.applySetting(AvailableSettings.STATEMENT_INSPECTOR, inspector);
    }
    StandardServiceRegistry registry = settings.build();
    try {
      SessionFactory sessions = new MetadataSources(registry).addAnnotatedClass(BenchOrder.class).buildMetadata()
          .buildSessionFactory();
      return new HibernateReads(connection, registry, sessions, inspector);
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      connection.close();
      throw e;
    }
  }

  /** The order's amount in cents, found in a session of its own. */
  public Long find(int id) {
    try (Session session = sessions.openSession()) {
      return session.find(BenchOrder.class, (long) id).amountCents();
    }
  }

  /** Fails unless the statement Hibernate sent through the inspector is {@link #FIND_SQL}. */
  public void checkStatement() {
    String sent = inspector == null ? null : inspector.firstStatement();
    if (!FIND_SQL.equals(sent)) {
      throw new IllegalStateException("Hibernate sent " + sent + " for a find, not the statement the rewrite figures"
          + " time (HibernateReads.FIND_SQL): " + FIND_SQL);
    }
  }

  /** Hibernate's version, as it reports it. */
  public static String hibernateVersion() {
    return org.hibernate.Version.getVersionString();
  }

  @Override
  public void close() throws SQLException {
    sessions.close();
    StandardServiceRegistryBuilder.destroy(registry);
    connection.close();
  }
}
