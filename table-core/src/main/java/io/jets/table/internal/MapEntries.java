package io.jets.table.internal;

import java.util.AbstractMap.SimpleEntry;
import java.util.AbstractSet;
import java.util.Map;
import java.util.Objects;

/**
 * The entry set of a table's map view: membership, removal, size and clearing are the map's; the
 * iterator is the view's own walk. Entries the walk hands out write through ({@link Entry}).
 */
abstract class MapEntries<K, V> extends AbstractSet<Map.Entry<K, V>> {

  final Map<K, V> map;

  MapEntries(Map<K, V> map) {
    this.map = map;
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

  /** An entry whose setValue puts into the map, as ConcurrentHashMap's entries do. */
  static final class Entry<K, V> extends SimpleEntry<K, V> {
    private static final long serialVersionUID = 1L;
    private final transient Map<K, V> map;

    Entry(Map<K, V> map, K key, V value) {
      super(key, value);
      this.map = map;
    }

    @Override
    public V setValue(V value) {
      map.put(getKey(), Objects.requireNonNull(value, "value"));
      return super.setValue(value);
    }
  }
}
