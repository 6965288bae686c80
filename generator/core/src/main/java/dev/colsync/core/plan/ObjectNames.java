package dev.colsync.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the objects colsync creates for one migration. Each is {@code colsync_<migration>_<role>}
 * (the triggers' begin with {@code ~});
 * a name over PostgreSQL's 63-byte limit is cut at a character boundary and ends in a hash of the
 * whole name, so names never collide between migrations or roles.
 *
 * @param upFunction the wrapper of {@code up} that turns a conversion error into NULL ({@code onUpError: null})
 * @param toNewFunction {@code up} as a function of the old column's value
 * @param toOldFunction {@code down} as a function of the new column's value
 * @param oldDiffersFunction {@code IS DISTINCT FROM} over two values of the old column's type
 * @param newDiffersFunction {@code IS DISTINCT FROM} over two values of the new column's type
 */
public record ObjectNames(
    String syncFunction,
    String syncTrigger,
    String newWrittenTrigger,
    String upFunction,
    String toNewFunction,
    String toOldFunction,
    String oldDiffersFunction,
    String newDiffersFunction,
    String backfillProcedure,
    String backfillState,
    String newNotNull,
    String oldNotNull) {

  static final int MAX_BYTES = 63;
  private static final String PREFIX = "colsync_";
  /**
   * The sync triggers' names start with {@code ~}, which sorts after letters, digits and {@code _}:
   * PostgreSQL fires BEFORE triggers in name order, and the sync must see the row as the table's own
   * triggers leave it (an {@code updated_at} or tsvector trigger writes the column first). The
   * {@code new_written} one still sorts, and fires, before {@code sync}.
   */
  public static final String TRIGGER_PREFIX = "~colsync_";
  private static final int HASH_CHARS = 8;

  public static ObjectNames forMigration(String migration) {
    return new ObjectNames(
        fit(role(migration, "sync")),
        trigger(migration, "sync"),
        trigger(migration, "new_written"),
        fit(role(migration, "up")),
        fit(role(migration, "to_new")),
        fit(role(migration, "to_old")),
        fit(role(migration, "old_differs")),
        fit(role(migration, "new_differs")),
        fit(role(migration, "backfill")),
        fit(role(migration, "backfill_state")),
        fit(role(migration, "new_not_null")),
        fit(role(migration, "old_not_null")));
  }

  /**
   * {@code colsync_<migration>_<role>}; when that is too long, the migration part is cut and followed
   * by a hash of the whole migration name, so the role stays readable and names stay distinct.
   */
  private static String role(String migration, String role) {
    return role(PREFIX, migration, role);
  }

  private static String role(String prefix, String migration, String role) {
    String name = prefix + migration + "_" + role;
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return name;
    }
    String suffix = "_" + hash(migration) + "_" + role;
    return cut(prefix + migration, MAX_BYTES - suffix.length()) + suffix;
  }

  /**
   * A sync trigger's name. Both are cut alike (as the longer, {@code new_written}, needs), so that they
   * differ only in their role and {@code new_written} sorts first however long the migration's name is.
   */
  private static String trigger(String migration, String role) {
    String longest = "new_written";
    if ((TRIGGER_PREFIX + migration + "_" + longest).getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return TRIGGER_PREFIX + migration + "_" + role;
    }
    String hashed = "_" + hash(migration) + "_";
    return cut(TRIGGER_PREFIX + migration, MAX_BYTES - hashed.length() - longest.length()) + hashed + role;
  }

  /** {@code name} if it fits 63 bytes of UTF-8; otherwise a prefix of it, {@code _}, and 8 hex digits of its SHA-256. */
  public static String fit(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return name;
    }
    String suffix = "_" + hash(name);
    return cut(name, MAX_BYTES - suffix.length()) + suffix;
  }

  /** The longest prefix of {@code name} that fits {@code budget} bytes of UTF-8, cut between characters. */
  private static String cut(String name, int budget) {
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
    return prefix.toString();
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
