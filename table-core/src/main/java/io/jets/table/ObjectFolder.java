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
  /** Returns the accumulator after visiting the object {@code (key, value)}. */
  A apply(K key, V value, A accumulator);
}
