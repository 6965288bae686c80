package dev.colsync.core.spec;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules every PostgreSQL name in a spec follows: table, schema, column and key names. */
final class Identifiers {
  /** PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated by the server. */
  static final int MAX_BYTES = 63;

  static final String EXPECTED =
      "a name of 1 to 63 UTF-8 bytes, exactly as the catalog stores it, without SQL quotes";

  private Identifiers() {}

  /**
   * Why {@code name} cannot be used as a PostgreSQL name, as a sentence about {@code subject}
   * (for example "the column name"); empty when it can.
   */
  static Optional<String> problem(String name, String subject) {
    if (name.isEmpty()) {
      return Optional.of(subject + " is empty");
    }
    if (name.indexOf('\0') >= 0) {
      return Optional.of(subject + " contains a NUL character, which PostgreSQL does not allow in names");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of(subject + " '" + name + "' is " + bytes
          + " bytes long in UTF-8; PostgreSQL would silently truncate it to " + MAX_BYTES);
    }
    return EmbeddedText.nameProblem(name, subject);
  }
}
