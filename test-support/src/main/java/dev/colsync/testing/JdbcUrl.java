package dev.colsync.testing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A server's JDBC address split into the part before the database, the database used for administration
 * (CREATE/DROP DATABASE), and the query parameters carrying the credentials, so URLs for other databases can be made.
 */
final class JdbcUrl {

    private static final String PREFIX = "jdbc:postgresql://";

    private final String server;
    private final String maintenanceDatabase;
    private final String parameters;

    private JdbcUrl(String server, String maintenanceDatabase, String parameters) {
        this.server = server;
        this.maintenanceDatabase = maintenanceDatabase;
        this.parameters = parameters;
    }

    /** Splits a URL of the form {@code jdbc:postgresql://host:port/database?user=...&password=...}. */
    static JdbcUrl parse(String url) {
        if (!url.startsWith(PREFIX)) {
            // The URL carries a password: say what is expected rather than echoing it.
            throw new IllegalArgumentException(
                    "Expected a URL of the form jdbc:postgresql://host:port/database?user=...&password=...");
        }
        int query = url.indexOf('?');
        String beforeQuery = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query + 1);
        int slash = beforeQuery.indexOf('/', PREFIX.length());
        String server = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? "" : URLDecoder.decode(beforeQuery.substring(slash + 1), StandardCharsets.UTF_8);
        return new JdbcUrl(server, database, parameters);
    }

    static JdbcUrl of(String host, int port, String maintenanceDatabase, String user, String password) {
        return new JdbcUrl(PREFIX + host + ":" + port, maintenanceDatabase,
                "user=" + encode(user) + "&password=" + encode(password));
    }

    /** The host part, e.g. {@code 127.0.0.1}, {@code localhost} or {@code [::1]}. */
    String host() {
        String hostAndPort = server.substring(PREFIX.length());
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 || hostAndPort.endsWith("]") ? hostAndPort : hostAndPort.substring(0, colon);
    }

    /** The port, 5432 when the URL names none. */
    int port() {
        String hostAndPort = server.substring(PREFIX.length());
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 || hostAndPort.endsWith("]") ? 5432 : Integer.parseInt(hostAndPort.substring(colon + 1));
    }

    /** A query parameter, decoded; empty when the URL has none of that name. */
    String parameter(String name) {
        for (String pair : parameters.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    String forDatabase(String database) {
        return server + "/" + encode(database) + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    String maintenanceUrl() {
        return forDatabase(maintenanceDatabase);
    }

    /** For messages: the address without the parameters, which may hold a password. */
    String withoutCredentials() {
        return server + "/" + maintenanceDatabase;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
