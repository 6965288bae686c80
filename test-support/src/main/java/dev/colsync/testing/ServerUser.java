package dev.colsync.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system user PostgreSQL runs as. PostgreSQL refuses to run as root, so when the tests do (as in CI
 * containers), its programs run as {@value #UNPRIVILEGED} and the directories it writes are handed over to that user.
 */
final class ServerUser {

    static final String UNPRIVILEGED = "nobody";

    private static final ServerUser CURRENT = new ServerUser(jvmRunsAsRoot());

    private final boolean root;

    private ServerUser(boolean root) {
        this.root = root;
    }

    static ServerUser current() {
        return CURRENT;
    }

    boolean isRoot() {
        return root;
    }

    /** {@code command}, run as the server user. */
    List<String> command(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> asUnprivileged = new ArrayList<>(List.of("runuser", "-u", UNPRIVILEGED, "--"));
        asUnprivileged.addAll(command);
        return asUnprivileged;
    }

    /** Makes the server user the owner of {@code path}, which the JVM created. */
    void handOver(Path path) throws IOException {
        if (root) {
            Files.setOwner(path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED));
        }
    }

    private static boolean jvmRunsAsRoot() {
        try {
            return Command.run(List.of("id", "-u"), Path.of("/"), Duration.ofSeconds(10)).trim().equals("0");
        } catch (RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
