/**
 * Read-path flags: which column each migration's reads take ({@link dev.colsync.runtime.flag.ReadPath}
 * OLD, SHADOW or NEW), and where that comes from ({@link dev.colsync.runtime.flag.FlagSource}): fixed,
 * in memory, system properties and environment, the database table
 * ({@link dev.colsync.runtime.flag.JdbcFlagSource} over {@link dev.colsync.runtime.flag.JdbcFlagStore}),
 * or OpenFeature. Whatever the source, a missing or unknown value and any failure read OLD.
 *
 * <p>Only {@code OpenFeatureFlagSource} needs the OpenFeature SDK, and only {@code listen(true)} needs
 * the PostgreSQL driver; both are optional dependencies.
 */
package dev.colsync.runtime.flag;
