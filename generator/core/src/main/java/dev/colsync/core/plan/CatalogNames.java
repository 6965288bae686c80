package dev.colsync.core.plan;

import dev.colsync.runtime.sql.SqlIdentifiers;
import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Names as the catalog prints them ({@code regclass} text: {@code public.items}, {@code "Shop".holds}),
 * written back with every part quoted, so that generated SQL quotes every identifier.
 */
public final class CatalogNames {
  private CatalogNames() {}

  /**
   * {@code name} with each dot-separated part quoted.
   *
   * @throws IllegalArgumentException when {@code name} is not a dotted list of identifiers
   */
  public static String quoted(String name) {
    List<String> parts = new ArrayList<>();
    boolean expectPart = true;
    for (SqlToken token : SqlLexer.tokenize(name.strip())) {
      if (token.isTrivia()) {
        continue;
      }
      if (expectPart && token.identifier() != null) {
        parts.add(SqlIdentifiers.quote(token.identifier()));
      } else if (!expectPart && token.is(".")) {
        // the next part follows
      } else {
        throw new IllegalArgumentException("not a name as the catalog prints it: " + name);
      }
      expectPart = !expectPart;
    }
    if (parts.isEmpty() || expectPart) {
      throw new IllegalArgumentException("not a name as the catalog prints it: " + name);
    }
    return String.join(".", parts);
  }
}
