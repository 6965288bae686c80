package dev.colsync.spring.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The migrations an application knows: those the colsync Maven plugin listed in the build's
 * {@code META-INF/colsync/migrations} resources (one name per line) and those named in {@code colsync.migrations}.
 */
public final class ColsyncMigrations {
  /** Where the Maven plugin lists the migrations of a build. */
  public static final String INDEX = "META-INF/colsync/migrations";

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,63}");

  private final Set<String> names;

  public ColsyncMigrations(Set<String> names) {
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + name + "' is not a migration name (1 to 63 lower-case letters,"
            + " digits or _, as in its spec)");
      }
    }
    this.names = Collections.unmodifiableSet(new TreeSet<>(names));
  }

  /** The migrations of every index on {@code classLoader}'s class path, and {@code configured}. */
  static ColsyncMigrations discover(ClassLoader classLoader, List<String> configured) {
    Set<String> names = new TreeSet<>(configured);
    try {
      for (URL index : Collections.list(classLoader.getResources(INDEX))) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(index.openStream(),
            StandardCharsets.UTF_8))) {
          lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + INDEX, e);
    }
    return new ColsyncMigrations(names);
  }

  public Set<String> names() {
    return names;
  }

  public boolean knows(String migration) {
    return names.contains(migration);
  }
}
