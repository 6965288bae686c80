package dev.colsync.runtime.shim;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a primary key's columns, in key order, to consecutive parameters from {@code firstIndex}. */
@FunctionalInterface
public interface KeyBinder<K> {
  void bind(PreparedStatement statement, int firstIndex, K key) throws SQLException;
}
