package dev.colsync.core.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the generated Java shims go.
 *
 * @param packageName the Java package of the generated classes
 * @param className the shim's simple class name; derived from the migration when empty
 */
public record JavaTarget(String packageName, Optional<String> className) {
  public JavaTarget {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(className, "className");
  }
}
