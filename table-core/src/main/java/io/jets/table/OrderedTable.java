package io.jets.table;

import java.util.Comparator;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * A {@link TableType#ORDERED_SET} table: one object per key, kept in key order. Keys are ordered by
 * the table's comparator (natural order by default), and two keys that compare equal are the same
 * key: inserting one replaces the object stored under the other, key included.
 *
 * <p>Traversals go in key order: {@link #first()}/{@link #next} ascend, {@link #last()}/{@link
 * #prev} descend, {@link #foldl} runs first to last and {@link #foldr} last to first, {@link
 * #selectReverse} last to first. {@code next} and {@code prev} of a key that is not in the table
 * return its neighbour. Every traversal is weakly consistent (see the {@linkplain io.jets.table
 * package documentation}): a key present for the whole traversal is visited exactly once.
 *
 * <p>{@link #slot(long) slot(i)} holds one object, the one at position {@code i} in key order.
 *
 * <p>A key the comparator cannot order (not {@code Comparable} under natural order, or one that
 * makes the comparator throw) is rejected with a {@link BadArgumentException} naming the table and
 * the key, and the table is unchanged.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface OrderedTable<K, V> extends SetTable<K, V> {

  /**
   * The key order: the comparator given to the builder, or null for natural order.
   *
   * @return the table's comparator, or null for natural order
   */
  Comparator<? super K> comparator();

  /**
   * A live {@link ConcurrentNavigableMap} view of this table in key order, with range views ({@code
   * subMap}, {@code headMap}, {@code tailMap}), descending views and navigable key sets, as {@link
   * java.util.concurrent.ConcurrentSkipListMap} offers them. Every operation is the table's own, as
   * for {@link #asMap()} (access checks, owner lifecycle, atomic writes per key, lock-free
   * navigation that is weakly consistent); a range view refuses keys outside its range with {@link
   * IllegalArgumentException}. Iterators, of the view and of its range and descending views, walk
   * the table's leaves with a cursor: weakly consistent (every key present for the whole iteration
   * is returned once, in order), each step checked as a read (a deleted table throws {@link
   * TableDeletedException}), {@code remove} through the view. The size of a range view is the
   * table's count of the range ({@link #selectCount}), found from leaf lengths.
   *
   * @return a live navigable map view of this table
   */
  ConcurrentNavigableMap<K, V> asNavigableMap();
}
