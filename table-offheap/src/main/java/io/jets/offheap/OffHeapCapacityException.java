package io.jets.offheap;

import io.jets.table.TableException;

/**
 * An off-heap table has no room for an object: its Chronicle tiers are full (it has room for at
 * least {@code entries} times {@code maxBloatFactor} objects of the configured sizes) or an object
 * is far larger than the configured average sizes. The operation changed nothing. The message names
 * the table and the settings to raise.
 */
public class OffHeapCapacityException extends TableException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message is prefixed with {@code table '<name>':}.
   *
   * @param tableName the table's name
   * @param message what did not fit and which settings to raise
   * @param cause Chronicle's failure
   */
  public OffHeapCapacityException(String tableName, String message, Throwable cause) {
    super(tableName, message, cause);
  }
}
