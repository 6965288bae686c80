package dev.colsync.core.spec;

import java.math.BigInteger;
import java.util.Comparator;

/** Flyway's order of versions: part by part, numerically, a missing part counting as zero ({@code 1.0 = 1}). */
public final class FlywayVersions {
  public static final Comparator<String> ORDER = (left, right) -> {
    String[] a = left.split("[._]");
    String[] b = right.split("[._]");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int compared = new BigInteger(i < a.length ? a[i] : "0").compareTo(new BigInteger(i < b.length ? b[i] : "0"));
      if (compared != 0) {
        return compared;
      }
    }
    return 0;
  };

  private FlywayVersions() {}
}
