package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void swapsTheDatabaseAndKeepsTheParameters() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=x&sslmode=disable");

        assertThat(url.forDatabase("colsync_test_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/colsync_test_1?user=postgres&password=x&sslmode=disable");
        assertThat(url.maintenanceUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=x&sslmode=disable");
        assertThat(url.withoutCredentials()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    @Test
    void acceptsUrlsWithoutDatabaseOrParameters() {
        assertThat(JdbcUrl.parse("jdbc:postgresql://db.example:6543?user=u").forDatabase("d"))
                .isEqualTo("jdbc:postgresql://db.example:6543/d?user=u");
        assertThat(JdbcUrl.parse("jdbc:postgresql://db.example/app").forDatabase("d"))
                .isEqualTo("jdbc:postgresql://db.example/d");
    }

    @Test
    void buildsUrlsWithEncodedCredentials() {
        assertThat(JdbcUrl.of("localhost", 5432, "test", "te st", "p&ss").maintenanceUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/test?user=te+st&password=p%26ss");
    }

    @Test
    void rejectsOtherUrlsWithoutEchoingThem() {
        assertThatThrownBy(() -> JdbcUrl.parse("postgres://u:secret@host/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }
}
