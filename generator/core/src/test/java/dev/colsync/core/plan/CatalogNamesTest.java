package dev.colsync.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogNamesTest {
  @Test
  void everyPartIsQuotedAsTheCatalogStoresIt() {
    assertThat(CatalogNames.quoted("public.items_id_seq")).isEqualTo("\"public\".\"items_id_seq\"");
    assertThat(CatalogNames.quoted("\"Shop\".holds")).isEqualTo("\"Shop\".\"holds\"");
    assertThat(CatalogNames.quoted("\"a\"\"b\".\"c d\"")).isEqualTo("\"a\"\"b\".\"c d\"");
  }

  @Test
  void anythingElseIsRefused() {
    assertThatThrownBy(() -> CatalogNames.quoted("public.")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogNames.quoted("x; drop table y")).isInstanceOf(IllegalArgumentException.class);
  }
}
