package dev.colsync.benchmarks.layers;

import dev.colsync.runtime.shim.ReadRewriter;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * colsync's statement inspector as the Spring Boot starter installs it: every statement Hibernate sends, through
 * {@link ReadRewriter#rewrite}. It also keeps the first statement it saw, so the harness can check that the
 * rewrite it times is the statement Hibernate really sends.
 */
final class RewritingInspector implements StatementInspector {
  private static final long serialVersionUID = 1L;

  private final transient ReadRewriter rewriter;
  private transient String first;

  RewritingInspector(ReadRewriter rewriter) {
    this.rewriter = rewriter;
  }

  @Override
  public String inspect(String sql) {
    if (first == null) {
      first = sql;
    }
    return rewriter.rewrite(sql);
  }

  /** The first statement Hibernate sent through this inspector; null before any. */
  String firstStatement() {
    return first;
  }
}
