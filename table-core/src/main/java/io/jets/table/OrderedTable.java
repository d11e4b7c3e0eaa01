package io.jets.table;

import java.util.Comparator;
import java.util.Map;

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
 * <p>A key the comparator cannot order (not {@code Comparable} under natural order, or one that
 * makes the comparator throw) is rejected with a {@link BadArgumentException} naming the table and
 * the key, and the table is unchanged.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface OrderedTable<K, V> extends SetTable<K, V> {

  /** The key order: the comparator given to the builder, or null for natural order. */
  Comparator<? super K> comparator();

  /**
   * The object at position {@code index} (0-based) in key order, or null if the table has no more
   * than {@code index} objects (ETS's {@code slot} on an ordered set). Lock-free; under concurrent
   * writes the position is only an estimate, as in ETS, where slot is a debugging aid.
   *
   * @throws BadArgumentException if {@code index < 0}
   */
  Map.Entry<K, V> slot(long index);
}
