package io.jets.table;

/** The operation is not supported by this table's type (ETS's {@code table_type}). */
public class WrongTableTypeException extends TableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message names the operation and the table type.
   *
   * @param tableName the name of the table the operation was called on
   * @param message what is not supported: the operation and the table type
   */
  public WrongTableTypeException(String tableName, String message) {
    super(tableName, message);
  }
}
