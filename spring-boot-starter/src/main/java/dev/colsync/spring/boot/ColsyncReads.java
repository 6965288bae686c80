package dev.colsync.spring.boot;

import dev.colsync.runtime.shim.ReadRewriter;
import dev.colsync.runtime.shim.Shim;
import org.springframework.beans.factory.ObjectProvider;

/** The rewriter of the application's reads over its shim beans, built at its first use. */
final class ColsyncReads {
  private final ObjectProvider<Shim<?>> shims;
  private volatile ReadRewriter rewriter;

  ColsyncReads(ObjectProvider<Shim<?>> shims) {
    this.shims = shims;
  }

  ReadRewriter rewriter() {
    ReadRewriter current = rewriter;
    if (current == null) {
      current = new ReadRewriter(shims.orderedStream().<ReadRewriter.Target>map(ReadRewriter::target).toList());
      rewriter = current;
    }
    return current;
  }
}
