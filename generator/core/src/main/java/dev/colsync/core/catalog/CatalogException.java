package dev.colsync.core.catalog;

/** The catalog does not have what was asked for: no such table or column. */
public final class CatalogException extends Exception {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }
}
