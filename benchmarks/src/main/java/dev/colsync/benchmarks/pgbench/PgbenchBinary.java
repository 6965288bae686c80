package dev.colsync.benchmarks.pgbench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The pgbench executable, found on PATH. */
public final class PgbenchBinary {
  public static final String HOW_TO_INSTALL =
      "pgbench not found on PATH: install PostgreSQL's client tools (Debian/Ubuntu: apt-get install postgresql-client;"
          + " Fedora/RHEL: dnf install postgresql; macOS: brew install libpq and put its bin on PATH)";

  private PgbenchBinary() {}

  public static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "pgbench");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
