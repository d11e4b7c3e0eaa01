package io.jets.table;

/**
 * An owner-only operation ({@code giveAway}, {@code setHeir}, {@code clearHeir}) called on a {@code
 * PUBLIC} table by an owner that may write it but does not own it: ETS's {@code not_owner}. On a
 * {@code PROTECTED} or {@code PRIVATE} table the same call by a stranger is a plain {@link
 * AccessDeniedException} (ETS checks write access first), so the type tells the two apart.
 */
public class NotOwnerException extends AccessDeniedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message names the operation, the owner and the caller.
   *
   * @param tableName the name of the table the operation was called on
   * @param message what was denied: the operation, the owner and the caller
   */
  public NotOwnerException(String tableName, String message) {
    super(tableName, message);
  }
}
