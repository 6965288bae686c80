package dev.colsync.core.output;

import dev.colsync.core.plan.Plan;
import java.util.List;

/** Lays out one migration's scripts as files for a runner. */
interface Layout {
  /** The files, paths relative to the output directory, in a stable order. */
  List<GeneratedFile> files(Plan plan);

  /** The file a forward script ends up in, relative to the migration's directory (for the runbook). */
  String scriptName(Plan plan, ScriptFiles.Numbered script);

  static Layout of(OutputFormat format) {
    return switch (format) {
      case PLAIN -> new PlainLayout();
      case FLYWAY -> new FlywayLayout();
      case LIQUIBASE -> new LiquibaseLayout();
    };
  }
}
