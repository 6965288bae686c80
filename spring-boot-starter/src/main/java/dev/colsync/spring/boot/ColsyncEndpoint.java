package dev.colsync.spring.boot;

import dev.colsync.runtime.flag.FlagSource;
import dev.colsync.runtime.flag.JdbcFlagSource;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/colsync}: the migrations this application knows, with the read path this instance uses, the
 * flag, the steps applied, the backfill and the reporting instances; and a POST to
 * {@code /actuator/colsync/<migration>} with {@code readPath} that moves the flag one step (OLD, SHADOW, NEW),
 * gated as {@code colsync flag set} is: two steps at once only with {@code force}, and only a migration the
 * application knows.
 */
@Endpoint(id = "colsync")
public class ColsyncEndpoint {
  private final DataSource dataSource;
  private final FlagSource flags;
  private final MigrationView view;
  private final ColsyncMigrations migrations;
  private final ColsyncInstance instance;
  private final Optional<RunnerStandings> runner;

  ColsyncEndpoint(DataSource dataSource, FlagSource flags, MigrationView view, ColsyncMigrations migrations,
      ColsyncInstance instance, Optional<RunnerStandings> runner) {
    this.dataSource = dataSource;
    this.flags = flags;
    this.view = view;
    this.migrations = migrations;
    this.instance = instance;
    this.runner = runner;
  }

  @ReadOperation
  public Map<String, Object> colsync() throws SQLException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instance", instance.name());
    body.put("flagsFresh", !(flags instanceof JdbcFlagSource jdbc) || jdbc.isFresh());
    body.put("migrations", view.all());
    runner.ifPresent(background -> body.put("runner", background.standings()));
    return body;
  }

  @ReadOperation
  public WebEndpointResponse<Object> migration(@Selector String migration) throws SQLException {
    Object found = view.all().get(migration);
    return found == null ? refusal(WebEndpointResponse.STATUS_NOT_FOUND, unknown(migration))
        : new WebEndpointResponse<>(found);
  }

  @WriteOperation
  public WebEndpointResponse<Object> move(@Selector String migration, String readPath, @Nullable Boolean force)
      throws SQLException {
    if (!migrations.knows(migration)) {
      return refusal(WebEndpointResponse.STATUS_NOT_FOUND, unknown(migration));
    }
    Optional<ReadPath> target = ReadPath.parse(readPath);
    if (target.isEmpty()) {
      return refusal(WebEndpointResponse.STATUS_BAD_REQUEST, "readPath must be OLD, SHADOW or NEW, not " + readPath);
    }
    try (Connection connection = dataSource.getConnection()) {
      ReadPath current = JdbcFlagStore.read(connection, migration);
      if (current.stepsTo(target.get()) > 1 && !Boolean.TRUE.equals(force)) {
        return refusal(WebEndpointResponse.STATUS_BAD_REQUEST, migration + ": " + current + " -> " + target.get()
            + " skips SHADOW, where the new column is read beside the old one and every difference is reported"
            + " before the application depends on it; set SHADOW first, or send force: true");
      }
      JdbcFlagStore.write(connection, migration, target.get());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("migration", migration);
      body.put("from", current.name());
      body.put("to", target.get().name());
      return new WebEndpointResponse<>(body);
    }
  }

  private String unknown(String migration) {
    return migration + " is not a migration this application knows (" + String.join(", ", migrations.names())
        + "); list it in colsync.migrations, or build the application with its spec";
  }

  private static WebEndpointResponse<Object> refusal(int status, String message) {
    return new WebEndpointResponse<>(Map.of("error", message), status);
  }
}
