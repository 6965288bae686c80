package dev.colsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyServerTest {

    @Test
    void startsOnceAndSharesTheServer() {
        AtomicInteger starts = new AtomicInteger();
        LazyServer lazy = new LazyServer("test server", () -> {
            starts.incrementAndGet();
            return PostgresServers.any();
        });

        assertThat(lazy.attempted()).isFalse();
        assertThat(lazy.get()).isSameAs(lazy.get());
        assertThat(starts).hasValue(1);
    }

    @Test
    void aFailedStartFailsEveryLaterTestWithoutTryingAgain() {
        AtomicInteger starts = new AtomicInteger();
        IllegalStateException cause = new IllegalStateException("initdb: boom");
        LazyServer lazy = new LazyServer("Embedded PostgreSQL 18.3.0", () -> {
            starts.incrementAndGet();
            throw cause;
        });

        assertThatThrownBy(lazy::get).isSameAs(cause);
        assertThatThrownBy(lazy::get)
                .hasMessage("Embedded PostgreSQL 18.3.0 failed to start earlier in this JVM")
                .hasCause(cause);
        assertThat(starts).hasValue(1);
        assertThat(lazy.attempted()).isTrue();
    }
}
