/**
 * The migration spec: one column change, read from YAML by {@link dev.colsync.core.spec.SpecLoader}
 * into a validated {@link dev.colsync.core.spec.MigrationSpec}.
 *
 * <p>Loading reports every problem at once as {@link dev.colsync.core.spec.SpecProblem}s (file,
 * line, column, JSON pointer, message, expected form) in a {@link dev.colsync.core.spec.SpecException}.
 * The keys, their types and defaults are published as a JSON Schema next to these classes,
 * {@code colsync-spec.schema.json}; a few rules only the loader checks (UTF-8 byte length of names,
 * one SQL expression per fragment, rules across keys) are listed in its description.
 */
package dev.colsync.core.spec;
