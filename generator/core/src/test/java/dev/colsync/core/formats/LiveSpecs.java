package dev.colsync.core.formats;

import dev.colsync.core.catalog.CatalogReader;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.TableFacts;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import java.sql.Connection;
import java.util.Optional;

/** Specs scaffolded from a live table of schema {@code public}, as {@code colsync scaffold --url} writes them. */
public final class LiveSpecs {
  private LiveSpecs() {}

  /** A rename of {@code column} to {@code to}, migration {@code <table>_<to>}. */
  public static MigrationSpec rename(Connection connection, String table, String column, String to) throws Exception {
    TableFacts facts = new CatalogReader(connection).read("public", table, column);
    return new SpecLoader().load(table + ".yaml", ScaffoldedSpec.rename(table + "_" + to, "public", table,
        facts.primaryKey(), column, to, facts.column().type(), facts.column().notNull(), Optional.of(facts)).yaml());
  }

  /** A type change of {@code column} into {@code to} of {@code toType}, migration {@code <table>_<to>}. */
  public static MigrationSpec retype(Connection connection, String table, String column, String to, String toType,
      String up, String down) throws Exception {
    TableFacts facts = new CatalogReader(connection).read("public", table, column);
    return new SpecLoader().load(table + ".yaml", ScaffoldedSpec.retype(table + "_" + to, "public", table,
        facts.primaryKey(), column, facts.column().type(), facts.column().notNull(), to, toType, up, down, "reject",
        Optional.of(facts)).yaml());
  }
}
