package io.jets.cache;

/**
 * One change to a cache table, as delivered to a {@link CacheListener}.
 *
 * @param kind what happened
 * @param key the key of the object
 * @param value the value now stored for {@link Kind#INSERTED} and {@link Kind#UPDATED}; the value
 *     removed for the other kinds
 * @param previousValue the value replaced, for {@link Kind#UPDATED}; null otherwise
 * @param <K> the key type
 * @param <V> the value type
 */
public record CacheEvent<K, V>(Kind kind, K key, V value, V previousValue) {

  /** What happened to the object. */
  public enum Kind {
    /** A write stored an object under a key that had none (or only an expired one). */
    INSERTED,
    /** A write replaced the value of a live object. */
    UPDATED,
    /** An explicit removal: delete, deleteObject, take, selectDelete, deleteAllObjects. */
    DELETED,
    /**
     * The object's time to live ran out and it was removed (by a write, cleanUp or the background).
     */
    EXPIRED,
    /** The size bound removed the object. */
    EVICTED
  }
}
