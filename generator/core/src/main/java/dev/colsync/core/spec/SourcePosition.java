package dev.colsync.core.spec;

/** A 1-based line and column in a spec file. */
record SourcePosition(int line, int column) {
  static final SourcePosition START = new SourcePosition(1, 1);
}
