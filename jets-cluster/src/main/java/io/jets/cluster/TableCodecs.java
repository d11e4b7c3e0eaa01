package io.jets.cluster;

import io.jets.table.BadArgumentException;

/**
 * Keys and values of one replicated table on the wire: {@link TermCodec}'s serialization, its
 * failures reported as {@link BadArgumentException}s naming the table, the operation and the
 * argument.
 */
final class TableCodecs {

  private final TermCodec codec;
  private final String table;
  private final String filterPattern;

  /**
   * @param operation the public call that names {@code filterPattern}, for the error message
   * @throws BadArgumentException if {@code filterPattern} is malformed or names no class
   */
  TableCodecs(String table, String filterPattern, String operation) {
    this.table = table;
    this.filterPattern = filterPattern;
    try {
      this.codec = new TermCodec(filterPattern);
    } catch (TermCodec.CodecException e) {
      throw new BadArgumentException(
          table,
          operation + ": filterPattern '" + filterPattern + "' " + e.getMessage(),
          e.getCause());
    }
  }

  /**
   * The bytes of {@code object}, the {@code role} ("key" or "value") of {@code operation}, checked
   * to read back through this member's filter.
   *
   * @throws BadArgumentException if it is null, not serializable, or the filter refuses it
   */
  byte[] encode(Object object, String role, String operation) {
    if (object == null) {
      throw new BadArgumentException(table, operation + ": " + role + " is null");
    }
    try {
      byte[] bytes = codec.encode(object);
      codec.check(bytes);
      return bytes;
    } catch (TermCodec.CodecException e) {
      throw new BadArgumentException(
          table, operation + ": " + role + " " + e.getMessage(), e.getCause());
    }
  }

  /**
   * A key this member's copy reads from the cluster for {@code operation}, the call that built the
   * copy.
   *
   * @throws BadArgumentException if this member's filter refuses it, or it cannot be read
   */
  <K> K key(byte[] bytes, String operation) {
    return decode(bytes, "key", operation);
  }

  /** As {@link #key}, for a value. */
  <V> V value(byte[] bytes, String operation) {
    return decode(bytes, "value", operation);
  }

  @SuppressWarnings("unchecked")
  private <T> T decode(byte[] bytes, String role, String operation) {
    try {
      return (T) codec.decode(bytes);
    } catch (TermCodec.CodecException e) {
      throw new BadArgumentException(
          table,
          operation
              + ": a "
              + role
              + " of the table "
              + e.getMessage()
              + " on this member, whose filterPattern is '"
              + filterPattern
              + "'",
          e.getCause());
    }
  }
}
