package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryCacheTest {

    private static String version;
    private static Path jar;

    @BeforeAll
    static void findJar() {
        version = TestBinaries.version();
        jar = TestBinaries.jar();
    }

    @Test
    void racingExtractionsAllEndWithOneCompleteCopy(@TempDir Path temp) throws Exception {
        BinaryCache cache = new BinaryCache(temp.resolve("cache"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<Path> extract = () -> cache.binaries(version, jar);
                results.add(pool.submit(extract));
            }
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(temp.resolve("cache").resolve(version));
            }
        } finally {
            pool.shutdown();
        }

        Path binaries = temp.resolve("cache").resolve(version);
        assertThat(binaries.resolve("bin/postgres")).isExecutable();
        assertThat(binaries.resolve("bin/initdb")).isExecutable();
        assertThat(binaries.resolve("bin/pg_ctl")).isExecutable();
        try (Stream<Path> entries = Files.list(temp.resolve("cache"))) {
            assertThat(entries).containsExactly(binaries);
        }
    }

    @Test
    void keepsTheArchiveSymbolicLinksAndMakesEverythingReadableByAll() throws IOException {
        Path binaries = BinaryCache.inTmp().binaries(version, jar);

        try (Stream<Path> files = Files.walk(binaries)) {
            List<Path> all = files.toList();
            assertThat(all).anyMatch(Files::isSymbolicLink);
            for (Path path : all) {
                if (!Files.isSymbolicLink(path)) {
                    assertThat(Files.getPosixFilePermissions(path)).as(path.toString())
                            .contains(PosixFilePermission.OTHERS_READ);
                }
            }
        }
    }

    @Test
    void laterCallsUseTheExtractedCopy() throws IOException {
        BinaryCache cache = BinaryCache.inTmp();
        Path first = cache.binaries(version, jar);
        FileTime extracted = Files.getLastModifiedTime(first.resolve("bin/postgres"));
        Object identity = Files.readAttributes(first, "unix:ino").get("ino");

        Path second = cache.binaries(version, jar);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAttributes(second, "unix:ino").get("ino")).isEqualTo(identity);
        assertThat(Files.getLastModifiedTime(second.resolve("bin/postgres"))).isEqualTo(extracted);
    }
}
