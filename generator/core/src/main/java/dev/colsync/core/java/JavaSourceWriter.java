package dev.colsync.core.java;

import dev.colsync.core.output.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes generated Java sources under a source root. Unlike the SQL output, a source root is shared
 * with other code: only the generated files themselves are replaced, each one whole (written beside
 * itself, then moved over the old one), and nothing else there is touched.
 */
public final class JavaSourceWriter {

  /** Writes each of {@code files} to {@code sourceRoot}/its path, creating package directories as needed. */
  public void write(Path sourceRoot, List<GeneratedFile> files) throws IOException {
    for (GeneratedFile file : files) {
      Path target = sourceRoot.resolve(file.path());
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
      try {
        Files.writeString(partial, file.content(), StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
  }
}
