package dev.colsync.cli;

import dev.colsync.core.catalog.CatalogException;
import dev.colsync.core.catalog.ScaffoldedSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code colsync scaffold rename}. */
@Command(name = "rename", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Writes the spec of a column rename.")
final class ScaffoldRenameCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Mixin
  ScaffoldTarget target;

  @Option(names = "--from", required = true, paramLabel = "COLUMN", description = "The column's name today.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "COLUMN", description = "Its new name.")
  String to;

  @Option(names = "--type", paramLabel = "TYPE", description = "The column's SQL type, without --url.")
  String type;

  @Option(names = "--not-null", description = "The column is NOT NULL, without --url.")
  boolean notNull;

  @Override
  public Integer call() throws Exception {
    return target.run(command.commandLine(), from, to, facts -> {
      if (facts.isEmpty() && type == null) {
        throw new CatalogException("without --url, give the column's type with --type");
      }
      return ScaffoldedSpec.rename(target.migrationName(to), target.schemaName(), target.tableName(),
          target.key(facts), from, to, facts.map(f -> f.column().type()).orElse(type),
          facts.map(f -> f.column().notNull()).orElse(notNull), facts);
    });
  }
}
