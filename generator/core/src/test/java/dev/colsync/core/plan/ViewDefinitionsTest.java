package dev.colsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ViewDefinitionsTest {
  private static final UnaryOperator<String> LOCATION = qualifier -> qualifier + "\"location\"";

  private static String rewrite(String definition) {
    return ViewDefinitions.rewrite(definition, "shop", "items", "path", LOCATION);
  }

  private static String refusal(String definition) {
    return ViewDefinitions.refusal(definition, "shop", "items", "path").orElse("");
  }

  @Test
  void rewritesOnlyReferencesToTheColumnAndKeepsImplicitOutputNames() {
    assertThat(rewrite(String.join("\n",
        " SELECT id,",
        "    path,",
        "    shop.path_depth(path) AS depth,",
        "    'path'::text AS label, -- path in a comment",
        "    other AS path_copy",
        "   FROM shop.items",
        "  WHERE path <> 'p1'::text",
        "  ORDER BY path;")))
        .isEqualTo(String.join("\n",
            "SELECT id,",
            "    items.\"location\" AS \"path\",",
            "    shop.path_depth(items.\"location\") AS depth,",
            "    'path'::text AS label, -- path in a comment",
            "    other AS path_copy",
            "   FROM shop.items",
            "  WHERE items.\"location\" <> 'p1'::text",
            "  ORDER BY items.\"location\""));
    assertThat(rewrite("SELECT path, other AS location FROM shop.items i ORDER BY path"))
        .isEqualTo("SELECT i.\"location\" AS \"path\", other AS location FROM shop.items i ORDER BY i.\"location\"");
  }

  @Test
  void rewritesQualifiedReferencesThroughTheTableOrItsAliasOnly() {
    assertThat(rewrite("SELECT items.id, items.path, items.path AS p FROM shop.items"))
        .isEqualTo("SELECT items.id, items.\"location\" AS \"path\", items.\"location\" AS p FROM shop.items");
    assertThat(rewrite("SELECT i.path, c.path AS code_path FROM (shop.items i JOIN shop.codes c ON ((c.code = i.path)))"
        + " WHERE (i.path <> c.path)"))
        .isEqualTo("SELECT i.\"location\" AS \"path\", c.path AS code_path FROM (shop.items i JOIN shop.codes c"
            + " ON ((c.code = i.\"location\"))) WHERE (i.\"location\" <> c.path)");
  }

  @Test
  void refusesWhatItCannotAttribute() {
    assertThat(refusal("SELECT path FROM shop.items, shop.codes")).contains("several relations");
    assertThat(refusal("SELECT i.path FROM (shop.items i JOIN shop.codes c USING (path))")).contains("USING");
    assertThat(refusal("SELECT i.path FROM (shop.items i NATURAL JOIN shop.codes c)")).contains("NATURAL");
    assertThat(refusal("SELECT s.path FROM (SELECT path FROM shop.items) s")).contains("subquery");
    assertThat(refusal("SELECT path FROM shop.items UNION SELECT code FROM shop.codes")).contains("subquery");
    assertThat(refusal("SELECT upper(path) FROM shop.items")).contains("no name of its own");
    assertThat(refusal("SELECT row_to_json(items.*) AS j, path AS p FROM shop.items")).contains("whole row");
    assertThat(refusal("SELECT x.a FROM shop.items x(a, b)")).contains("renames the table's columns");
    assertThat(refusal("SELECT path AS p FROM shop.items")).isEmpty();
  }
}
