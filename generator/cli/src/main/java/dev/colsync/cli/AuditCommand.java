package dev.colsync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      String migration,
      @Option(names = "--json", description = "Print one JSON document (its shape is in the README) instead of text.")
      boolean json) throws Exception {
    PrintWriter out = command.commandLine().getOut();
    List<AuditRecord> records;
    try (Connection connection = database.connect()) {
      records = AuditChain.records(connection, migration);
    }
    if (json) {
      ObjectNode document = Json.object();
      ArrayNode array = document.putArray("records");
      records.forEach(record -> array.add(toJson(record)));
      Json.print(out, document);
      return ExitCodes.OK;
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

  private static ObjectNode toJson(AuditRecord record) {
    ObjectNode node = Json.object();
    node.put("id", record.id());
    node.put("migration", record.migration());
    node.put("action", record.action());
    node.put("phase", record.phase());
    node.put("step", record.step());
    node.put("outcome", record.outcome());
    node.put("startedAt", Json.instant(record.startedAt()));
    node.put("durationMillis", record.durationMillis());
    node.put("databaseUser", record.databaseUser());
    node.put("osUser", record.osUser());
    node.put("host", record.host());
    node.put("sqlChecksum", record.sqlChecksum());
    node.put("detail", record.detail().isEmpty() ? null : record.detail());
    node.put("hash", record.hash());
    return node;
  }
}
