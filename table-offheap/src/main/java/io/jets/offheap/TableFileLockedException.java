package io.jets.offheap;

import io.jets.table.TableException;

/**
 * A file-backed table's file is already open for writing, by another process or by another table of
 * this JVM. Nothing was opened; close the other user first.
 */
public class TableFileLockedException extends TableException {

  private static final long serialVersionUID = 1L;

  public TableFileLockedException(String tableName, String message) {
    super(tableName, message);
  }

  public TableFileLockedException(String tableName, String message, Throwable cause) {
    super(tableName, message, cause);
  }
}
