package io.jets.table;

/**
 * An argument the operation cannot accept: a null key or value, a counter update on a value that
 * is not a counter, a name already in use, an owner that has exited, and so on.
 */
public class BadArgumentException extends TableException {

  private static final long serialVersionUID = 1L;

  public BadArgumentException(String tableName, String message) {
    super(tableName, message);
  }

  public BadArgumentException(String tableName, String message, Throwable cause) {
    super(tableName, message, cause);
  }
}
