package dev.colsync.core.corpus;

/** An application version: N-1 reads and writes the old column, N the new one. */
enum AppVersion {
  OLD,
  NEW
}
