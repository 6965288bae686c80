package dev.colsync.core.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes generated files so that nothing half-written is left behind: everything goes to a staging
 * directory first, and each migration's directory replaces the previous one only when all its
 * files are complete.
 */
public final class OutputWriter {

  /** Writes {@code files} under {@code outputDirectory}, replacing the migrations' previous output. */
  public void write(Path outputDirectory, List<GeneratedFile> files) throws IOException {
    Files.createDirectories(outputDirectory);
    Path staging = Files.createTempDirectory(outputDirectory, ".colsync-staging-");
    try {
      Set<String> topDirectories = new LinkedHashSet<>();
      for (GeneratedFile file : files) {
        Path target = staging.resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        topDirectories.add(file.path().substring(0, file.path().indexOf('/')));
      }
      for (String directory : topDirectories) {
        Path destination = outputDirectory.resolve(directory);
        deleteRecursively(destination);
        Files.move(staging.resolve(directory), destination, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      deleteRecursively(staging);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
