package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.MatchSpec;
import io.jets.table.internal.tree.RangeCursor;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * An iterator over an ordered table's map view, in the view's direction: a {@link RangeCursor} over
 * the view's key range, which keeps its path through the tree, so the walk descends once per base
 * and then reads each key from the leaf that holds it; it allocates nothing per key beyond what
 * {@code item} makes of it. Weakly consistent, as {@code ConcurrentSkipListMap}'s iterators are,
 * and with the table's scan guarantees: a key present for the whole walk is returned exactly once,
 * none twice, in order; a key written during the walk may or may not be. Each step checks that the
 * table may still be read (a deleted table throws). {@code remove} deletes the last key returned,
 * through the view. A key the table's comparator fails on is a {@link ClassCastException}, as in
 * the view's other calls.
 *
 * @param <T> what the iterator returns for a (key, value) pair ({@code item})
 */
final class RangeWalk<K, V, T> implements Iterator<T> {

  private final OrderedStoreTable<K, V> table;
  private final Map<K, V> view;
  private final RangeCursor cursor;
  private final BiFunction<K, V, T> item;
  private boolean pending; // the cursor moved to an object not yet returned
  private boolean pulled;
  private K last; // returned last, for remove; null after remove

  RangeWalk(
      OrderedStoreTable<K, V> table,
      MatchSpec<K, V, Boolean> range,
      boolean reverse,
      Map<K, V> view,
      BiFunction<K, V, T> item) {
    this.table = table;
    this.view = view;
    this.item = item;
    try {
      this.cursor = table.rangeCursor(range, reverse);
    } catch (BadArgumentException e) {
      throw wrongType(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (!pulled) {
      try {
        pending = table.pull(cursor);
      } catch (BadArgumentException e) {
        throw wrongType(e);
      }
      pulled = true;
    }
    return pending;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    pending = false;
    pulled = false;
    K key = (K) cursor.key();
    last = key;
    return item.apply(key, (V) cursor.value());
  }

  @Override
  public void remove() {
    if (last == null) {
      throw new IllegalStateException("next() has not returned an element since the last remove");
    }
    view.remove(last);
    last = null;
  }

  private static ClassCastException wrongType(BadArgumentException e) {
    ClassCastException wrongType = new ClassCastException(e.getMessage());
    wrongType.initCause(e);
    return wrongType;
  }
}
