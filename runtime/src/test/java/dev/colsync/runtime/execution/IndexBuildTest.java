package dev.colsync.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexBuildTest {

  @Test
  void aNamedConcurrentBuild() {
    assertThat(IndexBuild.parse("CREATE INDEX CONCURRENTLY items_code_idx ON public.items (code)"))
        .contains(new IndexBuild("items_code_idx", "public.items"));
  }

  @Test
  void uniqueIfNotExistsOnlyQuotedNamesAndComments() {
    assertThat(IndexBuild.parse("create unique index concurrently if not exists \"Items Code\" -- why\n"
        + "  on only \"My Schema\".\"Items\" using btree (code)"))
        .contains(new IndexBuild("Items Code", "\"My Schema\".\"Items\""));
  }

  @Test
  void anUnquotedNameIsFolded() {
    assertThat(IndexBuild.parse("CREATE INDEX CONCURRENTLY Items_Code ON items (code)"))
        .contains(new IndexBuild("items_code", "items"));
  }

  @Test
  void notAConcurrentNamedBuild() {
    assertThat(IndexBuild.parse("CREATE INDEX items_code ON items (code)")).isEqualTo(Optional.empty());
    assertThat(IndexBuild.parse("CREATE INDEX CONCURRENTLY ON items (code)")).isEmpty();
    assertThat(IndexBuild.parse("DROP INDEX CONCURRENTLY items_code")).isEmpty();
    assertThat(IndexBuild.parse("SELECT 'CREATE INDEX CONCURRENTLY x ON t (c)'")).isEmpty();
  }
}
