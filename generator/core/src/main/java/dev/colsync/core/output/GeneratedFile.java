package dev.colsync.core.output;

import java.util.Objects;

/**
 * One file of the output.
 *
 * @param path relative path with forward slashes, for example {@code users_full_name/01-expand-add-column.sql}
 * @param content the file's text
 */
public record GeneratedFile(String path, String content) {
  public GeneratedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("not a relative path: " + path);
    }
  }
}
