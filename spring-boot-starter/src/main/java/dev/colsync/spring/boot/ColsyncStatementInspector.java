package dev.colsync.spring.boot;

import dev.colsync.runtime.shim.ReadRewriter;
import dev.colsync.runtime.shim.Shim;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Hibernate's SQL, rewritten so that the reads of every shim's new column follow its read-path flag
 * ({@link ReadRewriter}): the entities map the new column, JPQL, Criteria and derived queries alike. The shims are
 * the application's beans, looked up at the first statement.
 */
final class ColsyncStatementInspector implements StatementInspector {
  private static final long serialVersionUID = 1L;

  private final transient ObjectProvider<Shim<?>> shims;
  private transient volatile ReadRewriter rewriter;

  ColsyncStatementInspector(ObjectProvider<Shim<?>> shims) {
    this.shims = shims;
  }

  @Override
  public String inspect(String sql) {
    ReadRewriter current = rewriter;
    if (current == null) {
      List<ReadRewriter.Target> targets = shims.orderedStream().<ReadRewriter.Target>map(ReadRewriter::target)
          .toList();
      current = new ReadRewriter(targets);
      rewriter = current;
    }
    return current.rewrite(sql);
  }
}
