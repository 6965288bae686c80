package dev.colsync.core.output;

import java.util.Locale;

/** How the scripts are laid out for the tool that runs them. */
public enum OutputFormat {
  /** {@code NN-phase-step.sql} files for psql or any runner. */
  PLAIN,
  /** Flyway versioned migrations, with {@code .sql.conf} files for non-transactional scripts. */
  FLYWAY,
  /** One Liquibase formatted-SQL changelog per migration. */
  LIQUIBASE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
