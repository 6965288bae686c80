package dev.colsync.core.java;

import dev.colsync.core.output.GeneratedFile;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The specs under {@code src/test/resources/java-specs/}, and their generated shims. */
public final class JavaSpecs {
  public static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  public static final Path DIRECTORY = MODULE.resolve("src/test/resources/java-specs");

  private JavaSpecs() {}

  /** Every spec, in file-name order, each named by its path relative to the module. */
  public static List<MigrationSpec> all() {
    try (Stream<Path> list = Files.list(DIRECTORY)) {
      List<MigrationSpec> specs = new ArrayList<>();
      for (Path file : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        specs.add(new SpecLoader().load(MODULE.relativize(file)));
      }
      return specs;
    } catch (IOException | dev.colsync.core.spec.SpecException e) {
      throw new IllegalStateException("the Java test specs do not load", e);
    }
  }

  /** The spec of {@code migration}. */
  public static MigrationSpec named(String migration) {
    return all().stream().filter(spec -> spec.migration().equals(migration)).findFirst().orElseThrow();
  }

  /** The shims of every spec. */
  public static List<GeneratedFile> generated() {
    try {
      return new Generator().javaFiles(all());
    } catch (dev.colsync.core.spec.SpecException e) {
      throw new IllegalStateException(e);
    }
  }
}
