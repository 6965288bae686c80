package dev.colsync.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.output.Generator;
import dev.colsync.core.output.OutputFormat;
import dev.colsync.core.output.OutputWriter;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecException;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.testing.EachPostgres;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.Psql;
import dev.colsync.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trigger that names the column in its arguments (a full-text column kept by
 * {@code tsvector_update_trigger(…, 'title')}) is found by scaffold, which then refuses the rename, and
 * refused by expand for a spec that does not record it, before anything changes.
 */
class TriggerArgumentsTest {
  @EachPostgres
  void aTriggerNamingTheColumnInItsArgumentsIsRefusedByScaffoldAndByExpand(PostgresServer server,
      @TempDir Path output) throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE public.docs (id bigint PRIMARY KEY, title text, body text, fulltext tsvector)");
      statement.execute("CREATE TRIGGER docs_fulltext BEFORE INSERT OR UPDATE ON public.docs FOR EACH ROW"
          + " EXECUTE FUNCTION tsvector_update_trigger(fulltext, 'pg_catalog.english', title, body)");
      statement.execute("INSERT INTO public.docs (id, title, body) VALUES (1, 'a title', 'a body')");

      TableFacts facts = new CatalogReader(connection).read("public", "docs", "title");
      assertThat(facts.otherTriggers()).singleElement().satisfies(trigger -> assertThat(trigger.usesColumn()).isTrue());
      SpecException scaffolded = catchThrowableOfType(SpecException.class, () -> new SpecLoader().load("docs.yaml",
          ScaffoldedSpec.rename("docs_headline", "public", "docs", facts.primaryKey(), "title", "headline", "text",
              false, Optional.of(facts)).yaml()));
      assertThat(scaffolded.problems()).anySatisfy(problem -> assertThat(problem.message())
          .contains("trigger docs_fulltext uses the column"));

      MigrationSpec handWritten = new SpecLoader().load("docs.yaml", "migration: docs_headline\ntable: public.docs\n"
          + "primaryKey: [id]\nrename: { from: title, to: headline, type: text }\n");
      new OutputWriter().write(output, new Generator().files(List.of(handWritten), OutputFormat.PLAIN));
      Psql.Result expand = new PsqlScripts(Psql.onPath(), database, output.resolve("docs_headline"))
          .run("expand-add-column");
      assertThat(expand.succeeded()).isFalse();
      assertThat(expand.output()).contains("trigger docs_fulltext of \"public\".\"docs\" uses column title");
      statement.execute("UPDATE public.docs SET body = 'still works' WHERE id = 1");
    }
  }

  @EachPostgres
  void anExclusionConstraintOverAnExpressionOfTheColumnIsRefusedByNameNotCopiedAsAnIndex(PostgresServer server)
      throws Exception {
    try (TestDatabase database = server.newDatabase(); Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
      statement.execute("CREATE TABLE public.bookings (id bigint PRIMARY KEY, start_at timestamp, end_at timestamp,"
          + " CONSTRAINT bookings_no_overlap EXCLUDE USING gist (tsrange(start_at, end_at) WITH &&) DEFERRABLE)");

      TableFacts facts = new CatalogReader(connection).read("public", "bookings", "start_at");
      String yaml = ScaffoldedSpec.rename("bookings_starts_at", "public", "bookings", facts.primaryKey(), "start_at",
          "starts_at", "timestamp without time zone", false, Optional.of(facts)).yaml();
      SpecException refused = catchThrowableOfType(SpecException.class, () -> new SpecLoader().load("b.yaml", yaml));

      assertThat(yaml).doesNotContain("indexes:");
      assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem.message())
          .contains("exclusion constraint bookings_no_overlap uses the column"));
    }
  }

}
