package dev.colsync.core.spec;

import java.io.IOException;
import java.nio.file.Path;

/** Reads and validates a YAML spec file. */
public final class SpecLoader {

  /**
   * Reads one spec, reporting every problem at once.
   *
   * @throws SpecException when the spec is invalid (all problems, each located)
   * @throws IOException when the file cannot be read
   */
  public MigrationSpec load(Path file) throws SpecException, IOException {
    throw new UnsupportedOperationException("not written yet");
  }
}
