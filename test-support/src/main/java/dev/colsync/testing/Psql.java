package dev.colsync.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own {@code psql}, found on PATH, run on a script the way a runbook tells an operator
 * to: {@code psql -X -v ON_ERROR_STOP=1 [-1] -f script}. A test that needs it fails, never skips,
 * when it is missing.
 */
public final class Psql {
    public static final String HOW_TO_INSTALL =
            "psql not found on PATH: install PostgreSQL's client tools (Debian/Ubuntu: apt-get install postgresql-client)";

    /** What one run printed and how it ended. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Path binary;

    private Psql(Path binary) {
        this.binary = binary;
    }

    public static Psql onPath() {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "psql");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Psql(candidate);
            }
        }
        throw new IllegalStateException(HOW_TO_INSTALL);
    }

    /**
     * Runs {@code script} on {@code database}; {@code singleTransaction} adds {@code -1}. {@code environment}
     * is added to psql's, e.g. {@code PGOPTIONS}.
     */
    public Result run(TestDatabase database, Path script, boolean singleTransaction, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1"));
        if (singleTransaction) {
            command.add("-1");
        }
        command.addAll(List.of("-f", script.toString(), "-d", libpqUri(database.jdbcUrl())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not end within 5 minutes on " + script);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** libpq reads the same URI, credentials in its query, once the {@code jdbc:} prefix is gone. */
    private static String libpqUri(String jdbcUrl) {
        return jdbcUrl.substring("jdbc:".length());
    }
}
