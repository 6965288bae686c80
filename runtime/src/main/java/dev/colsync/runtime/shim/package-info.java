/**
 * What generated shims run on: {@link dev.colsync.runtime.shim.LogicalColumn} reads and writes one
 * logical column on the path its flag gives, with the SQL the generator fixed per path
 * ({@link dev.colsync.runtime.shim.PathSql}); SHADOW reads are compared and reported to a
 * {@link dev.colsync.runtime.shim.ReadPathObserver} (in-memory counts, or Micrometer, which is an
 * optional dependency used only by {@code MicrometerReadPathObserver}).
 */
package dev.colsync.runtime.shim;
