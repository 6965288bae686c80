package dev.colsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * A base backup of a running cluster, taken the way PostgreSQL documents for a low-level backup: between
 * {@code pg_backup_start} and {@code pg_backup_stop} (before 15: {@code pg_start_backup}/{@code pg_stop_backup},
 * non-exclusive) the data directory is copied file by file, and the label the stop returns becomes the copy's
 * {@code backup_label}. The embedded binaries have no pg_basebackup, and a client's own may be too old for the server.
 *
 * <p>The copy needs no WAL of its own: the standby made from it streams what it lacks from the primary, which keeps
 * enough for that ({@code wal_keep_size}).
 */
final class BaseBackup {

    /** Directories whose contents a backup leaves out: the server recreates or does not need them. */
    private static final Set<String> CONTENTS_LEFT_OUT = Set.of(
            "pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp",
            "pg_subtrans");

    /** Files of the running server that must not be in a copy. */
    private static final Set<String> FILES_LEFT_OUT = Set.of(
            "postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal",
            "recovery.signal", "pg_internal.init");

    private BaseBackup() {
    }

    /** Copies the data directory of {@code source} into {@code target}, which must not exist yet. */
    static void copy(LocalCluster source, Path target, ServerUser user) {
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl().maintenanceUrl())) {
            boolean before15 = connection.getMetaData().getDatabaseMajorVersion() < 15;
            execute(connection, before15 ? "SELECT pg_catalog.pg_start_backup('colsync standby', true, false)"
                    : "SELECT pg_catalog.pg_backup_start('colsync standby', true)");
            copyFiles(source.dataDirectory(), target, user);
            String label = labelFile(connection, before15 ? "SELECT labelfile FROM pg_catalog.pg_stop_backup(false, false)"
                    : "SELECT labelfile FROM pg_catalog.pg_backup_stop(false)");
            Path backupLabel = target.resolve("backup_label");
            Files.writeString(backupLabel, label, StandardCharsets.UTF_8);
            user.handOver(backupLabel);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a base backup of the server on port " + source.port(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the data directory into " + target, e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static String labelFile(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    /** Files the running server deletes while they are copied are left out, as pg_basebackup does. */
    private static void copyFiles(Path from, Path to, ServerUser user) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path copy = to.resolve(from.relativize(directory).toString());
                Files.copy(directory, copy, StandardCopyOption.COPY_ATTRIBUTES);
                user.handOver(copy);
                if (!directory.equals(from) && CONTENTS_LEFT_OUT.contains(directory.getFileName().toString())) {
                    if (directory.getFileName().toString().equals("pg_wal")) {
                        Path archiveStatus = Files.createDirectory(copy.resolve("archive_status"));
                        user.handOver(archiveStatus);
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (FILES_LEFT_OUT.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                Path copy = to.resolve(from.relativize(file).toString());
                try {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    user.handOver(copy);
                } catch (NoSuchFileException e) {
                    // Removed by the server meanwhile; the WAL replayed from the backup's start accounts for it.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }
}
