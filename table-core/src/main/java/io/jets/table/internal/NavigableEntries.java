package io.jets.table.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * The entries of an ordered table's map view (or of a range of it), walked in the view's direction
 * with {@code higherEntry}: weakly consistent, as the table's traversals; {@code remove} deletes
 * the key and an entry's {@code setValue} writes through.
 */
final class NavigableEntries<K, V> extends MapEntries<K, V> {

  private final ConcurrentNavigableMap<K, V> navigable;

  NavigableEntries(ConcurrentNavigableMap<K, V> map) {
    super(map);
    this.navigable = map;
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return new Walk();
  }

  private final class Walk implements Iterator<Map.Entry<K, V>> {
    private Map.Entry<K, V> next = navigable.firstEntry();
    private K last;

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map.Entry<K, V> next() {
      Map.Entry<K, V> current = next;
      if (current == null) {
        throw new NoSuchElementException();
      }
      last = current.getKey();
      next = navigable.higherEntry(last);
      return new Entry<>(map, current.getKey(), current.getValue());
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("next() has not returned an entry since the last remove");
      }
      map.remove(last);
      last = null;
    }
  }
}
