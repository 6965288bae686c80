package dev.colsync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small spec files for the tests. */
final class SpecFiles {
  private SpecFiles() {}

  static Path rename(Path directory, String fileName, String migration) {
    return write(directory, fileName, """
        migration: %s
        table: public.users
        primaryKey: [id]
        rename: { from: name, to: full_name, type: text, notNull: true }
        flyway: { version: "1", release: all }
        """.formatted(migration));
  }

  static Path retype(Path directory, String fileName, String migration) {
    return write(directory, fileName, """
        migration: %s
        table: public.orders
        primaryKey: [id]
        retype:
          from: { column: amount, type: "numeric(12,2)" }
          to: { column: amount_cents, type: bigint }
          up: "round(amount * 100)::bigint"
          down: "amount_cents / 100.0"
          onUpError: reject
        flyway: { version: "2" }
        """.formatted(migration));
  }

  /** Two problems: {@code table} is missing (line 1) and {@code colour} is unknown (line 4). */
  static Path twoProblems(Path directory, String fileName) {
    return write(directory, fileName, """
        migration: broken
        primaryKey: [id]
        rename: { from: name, to: full_name, type: text }
        colour: blue
        """);
  }

  static Path write(Path directory, String fileName, String text) {
    try {
      Files.createDirectories(directory);
      return Files.writeString(directory.resolve(fileName), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
