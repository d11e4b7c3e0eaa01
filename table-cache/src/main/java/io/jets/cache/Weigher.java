package io.jets.cache;

import io.jets.table.BadArgumentException;

/**
 * The weight of an object in a cache table bounded by {@link CacheTableBuilder#maximumWeight}.
 * Called for each write (once; a {@code selectReplace} also weighs every replacement before it
 * replaces anything, so twice for those): it must be quick, must not touch the table, and must
 * return a weight of zero or more (a negative weight, or an exception, fails the write with {@link
 * BadArgumentException} and leaves the table unchanged). An object of weight zero is never evicted
 * by the bound, since evicting it frees nothing (expiry and removals still take it), as in
 * Caffeine; an object heavier than the whole bound is evicted alone, by the maintenance that
 * follows its write, before any other object is.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Weigher<K, V> {

  /**
   * The weight of {@code (key, value)}.
   *
   * @param key the key being written
   * @param value the value being written
   * @return the weight; zero or more
   */
  int weigh(K key, V value);
}
