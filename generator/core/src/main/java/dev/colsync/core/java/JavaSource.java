package dev.colsync.core.java;

import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param packageName its package
 * @param className its top-level class's simple name
 * @param text the source: ASCII only (anything else is a Unicode escape), so it compiles the same in any encoding
 */
public record JavaSource(String packageName, String className, String text) {
  public JavaSource {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(text, "text");
  }

  /** Where it goes under a source root: {@code com/example/users/UsersFullNameShim.java}. */
  public String path() {
    return (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + className + ".java";
  }

  /** {@code source} with every character outside ASCII written as a Unicode escape. */
  static String ascii(String source) {
    StringBuilder out = new StringBuilder(source.length());
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }
}
