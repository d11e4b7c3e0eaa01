package io.jets.cache;

/**
 * A per-object time to live, computed when the object is created, updated and read (Caffeine's
 * {@code Expiry}): give it to {@link CacheTableBuilder#expireAfter}. Times are in nanoseconds on
 * the cache's {@link Ticker}; a duration of zero or less expires the object at once, {@code
 * Long.MAX_VALUE} never. Each method runs on the thread of the write or read, the write's under the
 * key's writer lock: keep it quick, and do not use the table from it. An object inserted with its
 * own time to live ({@link CacheTable#insert(Object, Object, java.time.Duration)}) keeps that one.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Expiry<K, V> {

  /**
   * The time to live of a new object.
   *
   * @param key the key written
   * @param value the value written
   * @param currentTime the cache's ticker now, in nanoseconds
   * @return the time to live in nanoseconds; zero or less expires the object at once, {@code
   *     Long.MAX_VALUE} never
   */
  long expireAfterCreate(K key, V value, long currentTime);

  /**
   * The time to live of an object after a write replaced its value; {@code currentDuration} is what
   * was left of its previous one. By default, as for a new object.
   *
   * @param key the key written
   * @param value the new value
   * @param currentTime the cache's ticker now, in nanoseconds
   * @param currentDuration the nanoseconds left of the object's time to live before this write
   * @return the time to live from now, in nanoseconds, as for {@link #expireAfterCreate}
   */
  default long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
    return expireAfterCreate(key, value, currentTime);
  }

  /**
   * The time to live of an object from a read on; {@code currentDuration} is what is left. By
   * default unchanged: reads do not extend it.
   *
   * @param key the key read
   * @param value the value read
   * @param currentTime the cache's ticker now, in nanoseconds
   * @param currentDuration the nanoseconds left of the object's time to live
   * @return the time to live from now, in nanoseconds, as for {@link #expireAfterCreate}
   */
  default long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
    return currentDuration;
  }
}
