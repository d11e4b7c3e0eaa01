package io.jets.table;

/**
 * The function of a fold: combines one object of a table with the accumulator.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <A> accumulator type
 */
@FunctionalInterface
public interface ObjectFolder<K, V, A> {
  /**
   * Returns the accumulator after visiting the object {@code (key, value)}.
   *
   * @param key the object's key
   * @param value the object's value
   * @param accumulator the accumulator before this object
   * @return the accumulator after this object
   */
  A apply(K key, V value, A accumulator);
}
