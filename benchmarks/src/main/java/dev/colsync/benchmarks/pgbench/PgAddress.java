package dev.colsync.benchmarks.pgbench;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where pgbench connects: host, port, database, user and password, read from a JDBC URL of the form
 * {@code jdbc:postgresql://host:port/database?user=…&password=…}.
 */
public record PgAddress(String host, int port, String database, String user, String password) {

  public static PgAddress fromJdbcUrl(String jdbcUrl) {
    String prefix = "jdbc:";
    if (!jdbcUrl.startsWith(prefix + "postgresql://")) {
      throw new IllegalArgumentException("not a jdbc:postgresql:// URL");
    }
    URI uri = URI.create(jdbcUrl.substring(prefix.length()));
    Map<String, String> parameters = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
      }
    }
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new PgAddress(uri.getHost() == null ? "localhost" : uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
        database, parameters.getOrDefault("user", System.getProperty("user.name")), parameters.getOrDefault("password", ""));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
