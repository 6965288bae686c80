package dev.colsync.spring.boot;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Hibernate's SQL, rewritten so that the reads of every shim's new column follow its read-path flag
 * ({@link dev.colsync.runtime.shim.ReadRewriter}): the entities map the new column, JPQL, Criteria and derived
 * queries alike. The shims are the application's beans, looked up at the first statement.
 */
final class ColsyncStatementInspector implements StatementInspector {
  private static final long serialVersionUID = 1L;

  private final transient ColsyncReads reads;

  ColsyncStatementInspector(ColsyncReads reads) {
    this.reads = reads;
  }

  @Override
  public String inspect(String sql) {
    return reads.rewriter().rewrite(sql);
  }
}
