package dev.colsync.cli;

import picocli.CommandLine.Command;

/** {@code colsync scaffold rename|retype}: writes a spec, from the live catalog when given a database. */
@Command(name = "scaffold", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Writes a spec for a new rename or type change, reading the column's type, key, indexes,"
        + " constraints and dependents from the live catalog when --url is given.",
    subcommands = {ScaffoldRenameCommand.class, ScaffoldRetypeCommand.class})
final class ScaffoldCommand {
}
