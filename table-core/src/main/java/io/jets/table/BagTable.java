package io.jets.table;

import java.util.List;
import java.util.function.Function;

/**
 * A table with many objects per key: {@link TableType#BAG} (no two equal objects under a key) or
 * {@link TableType#DUPLICATE_BAG} (duplicates kept). Objects under one key keep insertion order.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface BagTable<K, V> extends Table<K, V> {

  /**
   * The part {@code element} selects from each value under {@code key}, in insertion order, as
   * ETS's {@code lookup_element} on a bag.
   *
   * @param <E> the type of the part
   * @param key the key to look up
   * @param element selects the part from each value
   * @return what {@code element} returns for each value under the key, in insertion order
   * @throws MissingKeyException if there is no object with the key
   * @throws BadArgumentException if {@code element} is null
   */
  <E> List<E> lookupElement(K key, Function<? super V, ? extends E> element);

  /**
   * The number of objects under {@code key}. Linearizable.
   *
   * @param key the key to look up
   * @return the number of objects under the key; 0 if there are none
   */
  int count(K key);
}
