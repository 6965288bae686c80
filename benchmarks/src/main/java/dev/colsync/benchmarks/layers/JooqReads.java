package dev.colsync.benchmarks.layers;

import dev.colsync.runtime.jooq.LogicalFields;
import dev.colsync.runtime.shim.Shim;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * (6) A select by primary key in jOOQ, built and rendered per read as a DAO method does: of the column itself
 * (without colsync), or of colsync's logical field ({@link LogicalFields#value}) over a shim, which renders per the
 * shim's flag when the query is rendered.
 */
public final class JooqReads implements AutoCloseable {
  private static final Table<?> ORDERS = DSL.table(DSL.name("public", "bench_orders")).as("o");
  private static final Field<Long> ID = DSL.field(DSL.name("o", "id"), SQLDataType.BIGINT);
  private static final Field<Long> AMOUNT_CENTS = DSL.field(DSL.name("o", "amount_cents"), SQLDataType.BIGINT);

  private final Connection connection;
  private final DSLContext dsl;
  private final Field<Long> cents;

  private JooqReads(Connection connection, Field<Long> cents) {
    this.connection = connection;
    this.dsl = DSL.using(connection, SQLDialect.POSTGRES);
    this.cents = cents;
  }

  /** Selects {@code o.amount_cents} itself. */
  public static JooqReads withoutColsync(String jdbcUrl) throws SQLException {
    return new JooqReads(DriverManager.getConnection(jdbcUrl), AMOUNT_CENTS);
  }

  /** Selects the shim's logical field over {@code o}. */
  public static JooqReads logical(String jdbcUrl, Shim<Long> shim) throws SQLException {
    return new JooqReads(DriverManager.getConnection(jdbcUrl), LogicalFields.value(shim, ORDERS));
  }

  public Long find(int id) {
    return dsl.select(cents).from(ORDERS).where(ID.eq((long) id)).fetchOne().value1();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
