package io.jets.table.internal;

import java.util.AbstractCollection;
import java.util.Iterator;

/**
 * The values of an ordered table's map view (or of a range of it), in the view's direction: walked
 * as its entries are, without an entry per value; everything else is the map's, as for {@code
 * ConcurrentSkipListMap.values()}.
 */
final class NavigableValues<V> extends AbstractCollection<V> {

  private final OrderedTableMap<?, V> map;

  NavigableValues(OrderedTableMap<?, V> map) {
    this.map = map;
  }

  @Override
  public Iterator<V> iterator() {
    return map.walk((key, value) -> value);
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
  public boolean contains(Object value) {
    return map.containsValue(value);
  }

  @Override
  public void clear() {
    map.clear();
  }
}
