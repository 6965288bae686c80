package dev.colsync.core.corpus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

/** Values an application writes to a column, as the text {@code CAST(? AS type)} takes. */
@FunctionalInterface
interface Values {
  String next(Random random);

  static Values integers(long low, long high) {
    return random -> Long.toString(low + (long) (random.nextDouble() * (high - low + 1)));
  }

  /** Decimals with exactly {@code scale} digits after the point. */
  static Values decimals(long low, long high, int scale) {
    return random -> {
      long units = (long) Math.pow(10, scale);
      long value = low * units + (long) (random.nextDouble() * (high - low) * units);
      return java.math.BigDecimal.valueOf(value, scale).toPlainString();
    };
  }

  static Values oneOf(String... values) {
    return random -> values[random.nextInt(values.length)];
  }

  /** Timestamps between 2015 and 2024, to the second. */
  static Values timestamps() {
    return random -> LocalDateTime.of(2015, 1, 1, 0, 0).plusSeconds(random.nextInt(315_000_000)).toString()
        .replace('T', ' ');
  }

  static Values dates(int fromYear, int toYear) {
    return random -> LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt(365 * (toYear - fromYear + 1)))
        .toString();
  }

  static Values words(String prefix) {
    return random -> prefix + " " + Long.toString(Math.floorMod(random.nextLong(), 2_176_782_336L), 36);
  }

  /** A Stack Exchange tag list: {@code <a><b>} in the old column, {@code {a,b}} in the new. */
  static Values tagLists(boolean asArray) {
    String[] tags = {"postgresql", "java", "sql", "spring-boot", "jdbc", "indexing", "json", "performance"};
    return random -> {
      int count = 1 + random.nextInt(3);
      StringBuilder text = new StringBuilder(asArray ? "{" : "");
      for (int i = 0; i < count; i++) {
        String tag = tags[random.nextInt(tags.length)];
        text.append(asArray ? (i == 0 ? "" : ",") + tag : "<" + tag + ">");
      }
      return text.append(asArray ? "}" : "").toString();
    };
  }
}
