package io.jets.table.spi;

/**
 * Thrown by an ordered {@link Store} when its comparator fails on a key (a key that is not {@code
 * Comparable} under natural order, or a comparator that throws); the table turns it into a {@link
 * io.jets.table.BadArgumentException} that names the key. The store is unchanged when it is thrown.
 */
public final class KeyOrderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Object key;

  public KeyOrderException(RuntimeException cause) {
    this(cause, null);
  }

  /** The same failure, naming the key being placed when it happened. */
  public KeyOrderException(Throwable cause, Object key) {
    super(cause.toString(), cause, false, false);
    this.key = key;
  }

  /** The key being placed when the comparator failed, or null if not known. */
  public Object key() {
    return key;
  }
}
