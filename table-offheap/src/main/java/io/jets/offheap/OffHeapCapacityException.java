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

  /** Chronicle's "full" for a table built with these settings and holding {@code held} objects. */
  static OffHeapCapacityException full(
      String table, long entries, double maxBloatFactor, long held, RuntimeException cause) {
    return new OffHeapCapacityException(
        table,
        "the off-heap table has no room for the object (built for "
            + entries
            + " entries with maxBloatFactor "
            + maxBloatFactor
            + ": room for at least "
            + (long) (entries * maxBloatFactor)
            + " objects of the configured sizes, Chronicle's tiers may fit more; holding "
            + held
            + "): build it with larger entries(...) or maxBloatFactor(...), or"
            + " averageKeySize/averageValueSize closer to the real sizes; Chronicle said: "
            + firstLine(cause.getMessage()),
        cause);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
