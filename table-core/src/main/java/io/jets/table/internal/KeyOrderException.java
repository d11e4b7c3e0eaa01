package io.jets.table.internal;

/**
 * Thrown inside an ordered table when its comparator fails on a key (a key that is not {@code
 * Comparable} under natural order, or a comparator that throws); the table turns it into a {@link
 * io.jets.table.BadArgumentException} that names the key.
 */
final class KeyOrderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  KeyOrderException(RuntimeException cause) {
    super(cause.toString(), cause, false, false);
  }
}
