package io.jets.table;

import java.util.List;
import java.util.function.Function;

/**
 * A table with many objects per key: {@link TableType#BAG} (no two equal objects under a key) or
 * {@link TableType#DUPLICATE_BAG} (duplicates kept). Objects under one key keep insertion order.
 */
public interface BagTable<K, V> extends Table<K, V> {

  /**
   * The part {@code element} selects from each value under {@code key}, in insertion order, as
   * ETS's {@code lookup_element} on a bag.
   *
   * @throws MissingKeyException if there is no object with the key
   */
  <E> List<E> lookupElement(K key, Function<? super V, ? extends E> element);

  /** The number of objects under {@code key}. Linearizable. */
  int count(K key);
}
