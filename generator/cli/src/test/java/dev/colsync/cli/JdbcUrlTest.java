package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --url} takes a JDBC URL or a libpq URI, and the user and password libpq users expect. */
class JdbcUrlTest {
  private final JdbcUrl converter = new JdbcUrl();

  @Test
  void aLibpqUriBecomesAJdbcUrlWithItsCredentialsAsParameters() {
    assertThat(converter.convert("postgresql://app:s3cret@db:5432/shop?sslmode=require"))
        .isEqualTo("jdbc:postgresql://db:5432/shop?sslmode=require&user=app&password=s3cret");
    assertThat(converter.convert("postgres://db/shop")).isEqualTo("jdbc:postgresql://db/shop");
    assertThat(converter.convert("jdbc:postgresql://db/shop?user=app")).isEqualTo("jdbc:postgresql://db/shop?user=app");
  }

  @Test
  void anythingElseIsBadInputNamingTheExpectedForm() {
    assertThatThrownBy(() -> converter.convert("db:5432/shop")).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("is not a JDBC URL such as jdbc:postgresql://");
    CommandRun run = CommandRun.of("status", "--url", "mysql://db/shop");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("is not a JDBC URL");
  }

  @Test
  void pgUserAndPgPasswordFillWhatTheUrlLeavesOut() {
    Map<String, String> environment = Map.of("PGUSER", "app", "PGPASSWORD", "s3cret");
    assertThat(JdbcUrl.properties("jdbc:postgresql://db/shop", environment))
        .containsEntry("user", "app").containsEntry("password", "s3cret");
    assertThat(JdbcUrl.properties("jdbc:postgresql://db/shop?user=other&password=x", environment)).isEmpty();
  }

  @Test
  void anUnknownHostSaysSoWithoutVerbose() {
    CommandRun run = CommandRun.of("status", "--url", "jdbc:postgresql://no-such-host.invalid:5432/app");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("UnknownHostException", "no-such-host.invalid");
  }
}
