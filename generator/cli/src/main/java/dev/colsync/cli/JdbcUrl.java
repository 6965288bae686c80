package dev.colsync.cli;

import dev.colsync.runtime.execution.ConnectionSource;
import java.sql.DriverManager;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --url}: a JDBC URL, or a libpq URI ({@code postgresql://…}) taken as one. The user and password
 * may be URL parameters, {@code ~/.pgpass}, or, when the URL names neither, {@code PGUSER} and
 * {@code PGPASSWORD} as libpq reads them.
 */
final class JdbcUrl implements ITypeConverter<String> {
  static final String EXPECTED = "a JDBC URL such as jdbc:postgresql://db:5432/app?user=colsync"
      + " (or postgresql://colsync@db:5432/app)";

  @Override
  public String convert(String value) {
    String url = value.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return fromLibpqUri(url);
    }
    if (!lower.startsWith("jdbc:postgresql:")) {
      throw new TypeConversionException("'" + value + "' is not " + EXPECTED);
    }
    return url;
  }

  /** {@code postgresql://user:secret@host:port/db?…} as {@code jdbc:postgresql://host:port/db?…&user=…&password=…}. */
  private static String fromLibpqUri(String uri) {
    String rest = uri.substring(uri.indexOf("://") + 3);
    int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    if (at < 0) {
      return "jdbc:postgresql://" + rest;
    }
    String userInfo = rest.substring(0, at);
    String address = rest.substring(at + 1);
    int colon = userInfo.indexOf(':');
    StringBuilder credentials = new StringBuilder("user=").append(userInfo, 0, colon < 0 ? userInfo.length() : colon);
    if (colon >= 0) {
      credentials.append("&password=").append(userInfo.substring(colon + 1));
    }
    return "jdbc:postgresql://" + address + (address.contains("?") ? "&" : "?") + credentials;
  }

  /** Connections for {@code url}, with the user and password from the environment where the URL has none. */
  static ConnectionSource source(String url) {
    return source(url, System.getenv());
  }

  static ConnectionSource source(String url, Map<String, String> environment) {
    return () -> DriverManager.getConnection(url, properties(url, environment));
  }

  static Properties properties(String url, Map<String, String> environment) {
    Properties properties = new Properties();
    String lower = url.toLowerCase(Locale.ROOT);
    String user = environment.get("PGUSER");
    if (user != null && !lower.contains("user=")) {
      properties.setProperty("user", user);
    }
    String password = environment.get("PGPASSWORD");
    if (password != null && !lower.contains("password=")) {
      properties.setProperty("password", password);
    }
    return properties;
  }
}
