package io.jets.table;

import io.jets.owner.JetsException;

/**
 * The root of every error a table operation reports. Each message names the table and the offending
 * argument, and a failed operation leaves the table exactly as it was.
 */
public class TableException extends JetsException {

  private static final long serialVersionUID = 1L;

  /** The name the table had when the error happened. */
  private final String tableName;

  /**
   * Creates the exception; the message is prefixed with {@code table '<name>':}.
   *
   * @param tableName the name of the table the operation was called on
   * @param message what went wrong, naming the operation and the offending argument
   */
  public TableException(String tableName, String message) {
    super("table '" + tableName + "': " + message);
    this.tableName = tableName;
  }

  /**
   * As {@link #TableException(String, String)}, with the underlying failure.
   *
   * @param tableName the name of the table the operation was called on
   * @param message what went wrong, naming the operation and the offending argument
   * @param cause the underlying failure
   */
  public TableException(String tableName, String message, Throwable cause) {
    super("table '" + tableName + "': " + message, cause);
    this.tableName = tableName;
  }

  /**
   * The name the table had when the error happened.
   *
   * @return the table's name
   */
  public String tableName() {
    return tableName;
  }
}
