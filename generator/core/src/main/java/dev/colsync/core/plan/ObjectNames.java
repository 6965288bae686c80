package dev.colsync.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the objects colsync creates for one migration. Each is {@code colsync_<migration>_<role>};
 * a name over PostgreSQL's 63-byte limit is cut at a character boundary and ends in a hash of the
 * whole name, so names never collide between migrations or roles.
 */
public record ObjectNames(
    String syncFunction,
    String syncTrigger,
    String upFunction,
    String backfillProcedure,
    String backfillState,
    String newNotNull,
    String oldNotNull) {

  static final int MAX_BYTES = 63;
  private static final int HASH_CHARS = 8;

  public static ObjectNames forMigration(String migration) {
    return new ObjectNames(
        fit(role(migration, "sync")),
        fit(role(migration, "sync")),
        fit(role(migration, "up")),
        fit(role(migration, "backfill")),
        fit(role(migration, "backfill_state")),
        fit(role(migration, "new_not_null")),
        fit(role(migration, "old_not_null")));
  }

  private static String role(String migration, String role) {
    return "colsync_" + migration + "_" + role;
  }

  /** {@code name} if it fits 63 bytes of UTF-8; otherwise a prefix of it, {@code _}, and 8 hex digits of its SHA-256. */
  public static String fit(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return name;
    }
    String suffix = "_" + hash(name);
    int budget = MAX_BYTES - suffix.length();
    StringBuilder prefix = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > budget) {
        break;
      }
      prefix.appendCodePoint(codePoint);
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return prefix + suffix;
  }

  private static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
