package dev.colsync.runtime.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * OpenFeature, Micrometer and the PostgreSQL driver are optional dependencies of the runtime: every
 * flag, SQL and shim class but the four that adapt them loads, initialises and works without them.
 */
class OptionalDependenciesTest {
  private static final Set<String> ADAPTERS = Set.of(
      "dev.colsync.runtime.flag.OpenFeatureFlagSource",
      "dev.colsync.runtime.flag.PgNotifications",
      "dev.colsync.runtime.sql.AnnouncedBackend",
      "dev.colsync.runtime.shim.MicrometerReadPathObserver");

  @Test
  void everyFlagSqlAndShimClassButTheAdaptersLoadsWithoutTheOptionalLibraries() throws Exception {
    try (URLClassLoader loader = isolated()) {
      for (String optional : List.of("dev.openfeature.sdk.Client", "io.micrometer.core.instrument.MeterRegistry",
          "org.postgresql.PGConnection")) {
        assertThatThrownBy(() -> loader.loadClass(optional)).as(optional).isInstanceOf(ClassNotFoundException.class);
      }
      List<String> classes = runtimeClasses();
      assertThat(classes).contains("dev.colsync.runtime.flag.ReadPath", "dev.colsync.runtime.shim.LogicalColumn");
      for (String name : classes) {
        if (!ADAPTERS.contains(name) && !name.contains("$")) {
          Class<?> loaded = Class.forName(name, true, loader);
          assertThat(loaded.getClassLoader()).as(name).isSameAs(loader);
        }
      }
    }
  }

  @Test
  void anApplicationWithoutThemReadsFlagsAndUsesShims() throws Exception {
    try (URLClassLoader loader = isolated()) {
      Class<?> scenario = Class.forName(OptionalDependenciesScenario.class.getName(), true, loader);
      assertThat(scenario.getClassLoader()).isSameAs(loader);
      ((Runnable) scenario.getConstructor().newInstance()).run();
    }
  }

  /** The runtime's own classes and this test's, over nothing but the JDK. */
  private static URLClassLoader isolated() throws IOException, URISyntaxException {
    return new URLClassLoader(new URL[] {location(ReadPath.class).toUri().toURL(),
        location(OptionalDependenciesScenario.class).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  private static List<String> runtimeClasses() throws IOException, URISyntaxException {
    Path root = location(ReadPath.class);
    try (Stream<Path> files = Files.walk(root)) {
      return files.map(root::relativize).map(Path::toString)
          .filter(p -> p.endsWith(".class") && (p.startsWith("dev/colsync/runtime/flag/")
              || p.startsWith("dev/colsync/runtime/sql/")
              || p.startsWith("dev/colsync/runtime/shim/")))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .toList();
    }
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
