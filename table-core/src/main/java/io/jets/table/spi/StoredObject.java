package io.jets.table.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One key's objects as a {@link Store} holds them: the key and its stored value, which is the
 * object's value in a {@code set} and, in a {@code bag} or {@code duplicate_bag}, an {@code
 * Object[]} of the key's values in insertion order.
 *
 * <p>An engine's own nodes may extend this class, so that a read returns the node itself and
 * allocates nothing (the hash engine); an engine that keeps keys and values inline (the ordered
 * engine's leaves) builds one per read that hands out an object. The key never changes. The value
 * may be replaced in place by the engine, with a release store under the key's writer lock ({@link
 * #srValue}), as {@code ConcurrentHashMap} writes a present key's value; readers load it with an
 * acquire load ({@link #laValue}), so a reader sees the old value or the new one, each fully built,
 * and a caller that needs one value reads it once.
 */
public class StoredObject {

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(StoredObject.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The key as stored: of keys that are equal, the one written first. */
  public final Object key;

  /** The value in a set; the {@code Object[]} of values in a bag. Touched only by the accessors. */
  private Object value;

  /**
   * Plain stores: the object is published by the engine's release store of the structure that holds
   * it.
   */
  public StoredObject(Object key, Object value) {
    this.key = key;
    this.value = value;
  }

  /** The value, load-acquire: a value replaced in place is seen fully built. */
  public final Object laValue() {
    return VALUE.getAcquire(this);
  }

  /** Replaces the value, store-release; the caller holds the key's writer lock. */
  protected final void srValue(Object newValue) {
    VALUE.setRelease(this, newValue);
  }
}
