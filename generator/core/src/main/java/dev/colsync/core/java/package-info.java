/**
 * Java shims generated with JavaPoet ({@link dev.colsync.core.java.JavaShimGenerator}): for each spec
 * with {@code java:}, one class typing the logical column and holding its SQL per read path; the
 * behaviour is in {@code dev.colsync.runtime.shim}. {@link dev.colsync.core.output.Generator#javaFiles}
 * produces them for a set of specs, {@link dev.colsync.core.java.JavaSourceWriter} writes them.
 */
package dev.colsync.core.java;
