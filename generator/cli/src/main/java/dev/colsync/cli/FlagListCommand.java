package dev.colsync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colsync.runtime.flag.FlagRecord;
import dev.colsync.runtime.flag.JdbcFlagStore;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code colsync flag list}: every flag that is set, with who set it and when. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lists every read-path flag that is set: migration, path, when (UTC) and by which database user."
        + " A migration without a flag reads OLD.")
final class FlagListCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

  @Spec
  CommandSpec command;

  @Mixin
  DatabaseUrl database;

  @Option(names = "--json", description = "Print one JSON document (its shape is in the README) instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<FlagRecord> flags;
    try (Connection connection = database.connect()) {
      flags = JdbcFlagStore.list(connection);
    }
    PrintWriter out = command.commandLine().getOut();
    if (json) {
      ObjectNode document = Json.object();
      ArrayNode array = document.putArray("flags");
      for (FlagRecord flag : flags) {
        ObjectNode node = array.addObject();
        node.put("migration", flag.migration());
        node.put("readPath", flag.readPath().name());
        node.put("updatedAt", Json.instant(flag.updatedAt()));
        node.put("updatedBy", flag.updatedBy());
      }
      Json.print(out, document);
      return ExitCodes.OK;
    }
    if (flags.isEmpty()) {
      out.println("no read-path flag is set; every migration reads OLD");
    }
    int width = flags.stream().mapToInt(flag -> flag.migration().length()).max().orElse(0);
    for (FlagRecord flag : flags) {
      out.println(String.format("%-" + width + "s  %-6s  %s  %s", flag.migration(), flag.readPath(),
          WHEN.format(flag.updatedAt().withOffsetSameInstant(ZoneOffset.UTC)), flag.updatedBy()));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
