package io.jets.table;

/**
 * The calling owner may not do this: a non-owner reading a {@code PRIVATE} table or writing a
 * {@code PROTECTED} one, or calling an owner-only operation such as {@code giveAway}.
 */
public class AccessDeniedException extends TableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message names the operation, the owner and the caller.
   *
   * @param tableName the name of the table the operation was called on
   * @param message what was denied: the operation, the owner and the caller
   */
  public AccessDeniedException(String tableName, String message) {
    super(tableName, message);
  }
}
