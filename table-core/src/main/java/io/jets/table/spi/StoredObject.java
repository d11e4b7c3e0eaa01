package io.jets.table.spi;

/**
 * One key's objects as a {@link Store} holds them: the key and its stored value, which is the
 * object's value in a {@code set} and, in a {@code bag} or {@code duplicate_bag}, an {@code
 * Object[]} of the key's values in insertion order. Immutable once published, so a reader that
 * holds one may use it without a lock.
 *
 * <p>An engine's own nodes extend this class, so a read returns the node itself and allocates
 * nothing.
 */
public class StoredObject {

  /** The key as stored: of keys that are equal, the one written first. */
  public final Object key;

  /** The value in a set; the {@code Object[]} of values in a bag. */
  public final Object value;

  public StoredObject(Object key, Object value) {
    this.key = key;
    this.value = value;
  }
}
