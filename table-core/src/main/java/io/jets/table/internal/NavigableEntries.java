package io.jets.table.internal;

import java.util.AbstractMap.SimpleEntry;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * The entries of an ordered table's map view (or of a range of it), walked in the view's direction
 * with {@code higherEntry}: weakly consistent, as the table's traversals; {@code remove} deletes
 * the key and an entry's {@code setValue} writes through.
 */
final class NavigableEntries<K, V> extends AbstractSet<Map.Entry<K, V>> {

  private final ConcurrentNavigableMap<K, V> map;

  NavigableEntries(ConcurrentNavigableMap<K, V> map) {
    this.map = map;
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return new Walk();
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof Map.Entry<?, ?> e) || e.getKey() == null || e.getValue() == null) {
      return false;
    }
    try {
      return e.getValue().equals(map.get(e.getKey()));
    } catch (ClassCastException wrongType) {
      return false;
    }
  }

  @Override
  public boolean remove(Object o) {
    if (!(o instanceof Map.Entry<?, ?> e) || e.getKey() == null || e.getValue() == null) {
      return false;
    }
    try {
      return map.remove(e.getKey(), e.getValue());
    } catch (ClassCastException wrongType) {
      return false;
    }
  }

  @Override
  public void clear() {
    map.clear();
  }

  private final class Walk implements Iterator<Map.Entry<K, V>> {
    private Map.Entry<K, V> next = map.firstEntry();
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
      next = map.higherEntry(last);
      return new WriteThrough(current.getKey(), current.getValue());
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

  /** An iterator's entry: setValue writes through to the table. */
  private final class WriteThrough extends SimpleEntry<K, V> {
    private static final long serialVersionUID = 1L;

    WriteThrough(K key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      map.put(getKey(), Objects.requireNonNull(value, "value"));
      return super.setValue(value);
    }
  }
}
