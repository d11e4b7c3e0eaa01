package io.jets.offheap;

import io.jets.table.TableException;

/**
 * A file-backed table's file is already open for writing, by another process or by another table of
 * this JVM. Nothing was opened; close the other user first. Also thrown, with the I/O failure as
 * its cause, when the sidecar lock file cannot be created or locked.
 */
public class TableFileLockedException extends TableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message is prefixed with {@code table '<name>':}.
   *
   * @param tableName the table's name
   * @param message which file is locked
   */
  public TableFileLockedException(String tableName, String message) {
    super(tableName, message);
  }

  /**
   * As {@link #TableFileLockedException(String, String)}, with the underlying failure.
   *
   * @param tableName the table's name
   * @param message what failed, naming the lock file
   * @param cause the I/O failure of the lock attempt
   */
  public TableFileLockedException(String tableName, String message, Throwable cause) {
    super(tableName, message, cause);
  }
}
