package dev.colsync.runtime.execution;

import java.time.Instant;

/** What a caller knows of a step when it records it; {@link AuditLog} adds the chain fields. */
record AuditEntry(
    String migration, String phase, String step, Action action, String sqlChecksum, Actor actor, Instant startedAt,
    long durationMillis, String outcome, String detail) {}
