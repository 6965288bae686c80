package dev.colsync.runtime.flag;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Read paths held in memory and set by the application itself; unset migrations read OLD. */
public final class InMemoryFlagSource implements FlagSource {
  private final Map<String, ReadPath> paths = new ConcurrentHashMap<>();

  /** Sets {@code migration}'s read path; readers see it on their next call. */
  public InMemoryFlagSource set(String migration, ReadPath path) {
    if (migration == null || path == null) {
      throw new NullPointerException(migration == null ? "migration" : "path");
    }
    paths.put(migration, path);
    return this;
  }

  /** Forgets {@code migration}'s read path, which then reads OLD. */
  public InMemoryFlagSource clear(String migration) {
    paths.remove(migration);
    return this;
  }

  @Override
  public ReadPath readPath(String migration) {
    ReadPath path = migration == null ? null : paths.get(migration);
    return path == null ? ReadPath.OLD : path;
  }
}
