package io.jets.table;

import io.jets.owner.JetsException;

/**
 * The root of every error a table operation reports. Each message names the table and the offending
 * argument, and a failed operation leaves the table exactly as it was.
 */
public class TableException extends JetsException {

  private static final long serialVersionUID = 1L;

  private final String tableName;

  /** Creates the exception; the message is prefixed with {@code table '<name>':}. */
  public TableException(String tableName, String message) {
    super("table '" + tableName + "': " + message);
    this.tableName = tableName;
  }

  /** As {@link #TableException(String, String)}, with the underlying failure. */
  public TableException(String tableName, String message, Throwable cause) {
    super("table '" + tableName + "': " + message, cause);
    this.tableName = tableName;
  }

  /** The name the table had when the error happened. */
  public String tableName() {
    return tableName;
  }
}
