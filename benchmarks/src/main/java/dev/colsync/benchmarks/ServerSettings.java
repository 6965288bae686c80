package dev.colsync.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server settings that decide what a write costs — whether a commit waits for a disk flush, how big
 * the cache is — read from the server the figures come from, so that the table states them rather than
 * assumes them. Every set-up of a benchmark runs on the one server, so they are the same for all.
 */
record ServerSettings(Map<String, String> values) {
  static final List<String> NAMES = List.of("fsync", "synchronous_commit", "full_page_writes", "shared_buffers",
      "wal_level", "autovacuum");

  static ServerSettings read(Database database) throws SQLException {
    return read(database.jdbcUrl());
  }

  static ServerSettings read(String jdbcUrl) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
         PreparedStatement query = connection.prepareStatement(
             "SELECT name, current_setting(name) FROM pg_catalog.pg_settings WHERE name = ANY (?)")) {
      query.setArray(1, connection.createArrayOf("text", NAMES.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    NAMES.stream().filter(values::containsKey).forEach(name -> ordered.put(name, values.get(name)));
    return new ServerSettings(ordered);
  }

  /** "fsync=off, synchronous_commit=off, …". */
  String text() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
