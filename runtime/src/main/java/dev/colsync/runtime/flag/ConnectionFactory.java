package dev.colsync.runtime.flag;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection: {@code dataSource::getConnection}, or {@code () -> DriverManager.getConnection(url)}. */
@FunctionalInterface
public interface ConnectionFactory {
  Connection connect() throws SQLException;
}
