package dev.colsync.cli;

import dev.colsync.runtime.execution.AuditChain;
import dev.colsync.runtime.execution.AuditRecord;
import dev.colsync.runtime.execution.AuditVerification;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code colsync audit verify|list}: the audit trail of applied and rolled-back steps. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The audit trail in colsync.audit_log: every step applied or rolled back, who ran it, from where,"
        + " when, for how long and how it ended, each record chained to the one before by its hash.")
final class AuditCommand implements Runnable {

  @Spec
  CommandSpec command;

  @Override
  public void run() {
    throw new ParameterException(command.commandLine(), "Missing required subcommand: verify or list");
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Checks every record's hash and its link to the record before it.",
          "Exit codes: 0 the chain is intact, 1 a record was changed, inserted or deleted."})
  int verify(@Mixin DatabaseUrl database) throws Exception {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    AuditVerification verification;
    try (Connection connection = database.connect()) {
      verification = AuditChain.verify(connection);
    }
    if (verification.intact()) {
      out.println("audit trail intact: " + verification.records() + " records");
      out.flush();
      return ExitCodes.OK;
    }
    verification.problems().forEach(err::println);
    err.println("audit trail broken: " + verification.problems().size() + " problems in " + verification.records()
        + " records");
    err.flush();
    return ExitCodes.FAILURE;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Prints the records, oldest first.")
  int list(@Mixin DatabaseUrl database,
      @Option(names = "--migration", paramLabel = "MIGRATION", description = "Only this migration's records.")
      String migration) throws Exception {
    PrintWriter out = command.commandLine().getOut();
    List<AuditRecord> records;
    try (Connection connection = database.connect()) {
      records = AuditChain.records(connection, migration);
    }
    for (AuditRecord record : records) {
      out.println(record.id() + "  " + record.startedAt() + "  " + record.migration() + "  " + record.action() + " "
          + record.phase() + "/" + record.step() + "  " + record.outcome() + "  " + record.durationMillis() + " ms  "
          + record.databaseUser() + " (" + record.osUser() + "@" + record.host() + ")  sql "
          + record.sqlChecksum().substring(0, 12) + (record.detail().isEmpty() ? "" : "  " + record.detail()));
    }
    if (records.isEmpty()) {
      out.println("no audit record" + (migration == null ? "" : " of " + migration));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
