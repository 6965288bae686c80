/**
 * A planned migration as the runtime executor ({@code dev.colsync.runtime.execution}) runs it: the
 * runtime does not depend on core, so {@link dev.colsync.core.execution.ExecutionPlans} translates.
 */
package dev.colsync.core.execution;
