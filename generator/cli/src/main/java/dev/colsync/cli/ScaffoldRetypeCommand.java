package dev.colsync.cli;

import dev.colsync.core.catalog.CatalogException;
import dev.colsync.core.catalog.ScaffoldedSpec;
import dev.colsync.core.catalog.WideningCast;
import dev.colsync.runtime.sql.SqlIdentifiers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code colsync scaffold retype}. */
@Command(name = "retype", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Writes the spec of a type change, into a new column or in place.")
final class ScaffoldRetypeCommand implements Callable<Integer> {
  @Spec
  CommandSpec command;

  @Mixin
  ScaffoldTarget target;

  @Option(names = "--column", required = true, paramLabel = "COLUMN", description = "The column whose type changes.")
  String column;

  @Option(names = "--from-type", paramLabel = "TYPE", description = "Its SQL type today, without --url.")
  String fromType;

  @Option(names = "--not-null", description = "The column is NOT NULL, without --url.")
  boolean notNull;

  @Option(names = "--to-type", required = true, paramLabel = "TYPE", description = "The new SQL type.")
  String toType;

  @Option(names = "--to-column", paramLabel = "COLUMN",
      description = "The new column's name; without it the type changes in place and the column keeps its name.")
  String toColumn;

  @Option(names = "--up", paramLabel = "EXPR",
      description = "SQL over the old column: the new value (default, for a widening cast: the cast).")
  String up;

  @Option(names = "--down", paramLabel = "EXPR",
      description = "SQL over the new column: the old value (default, for a widening cast: the cast back).")
  String down;

  @Option(names = "--on-up-error", paramLabel = "POLICY", defaultValue = "reject",
      description = "What an old-version write that up cannot convert gets: reject or null (default: ${DEFAULT-VALUE}).")
  String onUpError;

  @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "copy",
      description = "copy: expand–contract; auto: one ALTER … TYPE when PostgreSQL rewrites nothing (with --url,"
          + " confirmed from the live catalog), else copy (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Override
  public Integer call() throws Exception {
    return target.run(command.commandLine(), column, toColumn == null ? column : toColumn, facts -> {
      if (!onUpError.equals("reject") && !onUpError.equals("null")) {
        throw new CatalogException("--on-up-error must be reject or null, not " + onUpError);
      }
      if (!strategy.equals("copy") && !strategy.equals("auto")) {
        throw new CatalogException("--strategy must be copy or auto, not " + strategy);
      }
      if (facts.isEmpty() && fromType == null) {
        throw new CatalogException("without --url, give the column's type with --from-type");
      }
      String to = toColumn == null ? column : toColumn;
      String oldType = facts.map(f -> f.column().type()).orElse(fromType);
      String upExpression = up;
      String downExpression = down;
      if (up == null || down == null) {
        WideningCast cast = WideningCast.between(oldType, toType).orElseThrow(() -> new CatalogException(
            "give " + (up == null && down == null ? "--up and --down" : up == null ? "--up" : "--down") + ": colsync"
                + " writes them itself only for a cast that widens (" + WideningCast.KINDS + "), and " + oldType
                + " → " + toType + " is not one"));
        upExpression = up == null ? cast.up(column) : up;
        downExpression = down == null ? cast.down(to) : down;
        target.checkLive("the cast " + (up == null ? upExpression : downExpression) + " colsync wrote");
        if (up == null && cast.dependsOnTimeZone()) {
          target.note("up " + upExpression + " reads each value in the TimeZone of the session that writes it (the"
              + " backfill's is the database's default); if the application's sessions use another, give --up, e.g. \""
              + SqlIdentifiers.quote(column) + " AT TIME ZONE 'UTC'\"");
        }
      }
      String migration = target.migrationName(toColumn == null ? column + "_" + toType : toColumn);
      ScaffoldedSpec spec = ScaffoldedSpec.retype(migration, target.schemaName(), target.tableName(),
          target.key(facts), column, oldType, facts.map(f -> f.column().notNull()).orElse(notNull), to, toType,
          upExpression, downExpression, onUpError, facts);
      return strategy.equals("auto") ? spec.strategy(strategy) : spec;
    });
  }
}
