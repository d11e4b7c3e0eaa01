package io.jets.table;

/**
 * An argument the operation cannot accept: a null key or value, a counter update on a value that is
 * not a counter, a name already in use, an owner that has exited, and so on.
 */
public class BadArgumentException extends TableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message names the operation and the argument.
   *
   * @param tableName the name of the table the operation was called on
   * @param message what is wrong: the operation and the argument
   */
  public BadArgumentException(String tableName, String message) {
    super(tableName, message);
  }

  /**
   * Creates the exception with the failure that made the argument bad (a comparator that threw, for
   * example).
   *
   * @param tableName the name of the table the operation was called on
   * @param message what is wrong: the operation and the argument
   * @param cause the failure that made the argument bad
   */
  public BadArgumentException(String tableName, String message, Throwable cause) {
    super(tableName, message, cause);
  }
}
