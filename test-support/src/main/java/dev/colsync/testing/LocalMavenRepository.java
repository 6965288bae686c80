package dev.colsync.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The local Maven repository: the system property {@value #PROPERTY} (the parent pom sets it), else ~/.m2/repository. */
final class LocalMavenRepository {

    static final String PROPERTY = "colsync.maven.repo";

    private final Path root;

    LocalMavenRepository(Path root) {
        this.root = root;
    }

    static LocalMavenRepository fromSystemProperties() {
        String configured = System.getProperty(PROPERTY, "");
        // An IDE may pass the pom's placeholder through unexpanded.
        if (configured.isBlank() || configured.contains("${")) {
            return new LocalMavenRepository(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        }
        return new LocalMavenRepository(Path.of(configured));
    }

    Path find(BinariesArtifact artifact) {
        Path jar = artifact.pathIn(root);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(artifact.coordinates() + " is not in the local Maven repository (no " + jar
                    + "). Fetch it with: mvn dependency:get -Dartifact=" + artifact.coordinates()
                    + " (building test-support fetches the versions its pom lists)");
        }
        return jar;
    }
}
