package io.jets.table.internal;

import java.util.Iterator;
import java.util.Map;

/**
 * The entries of an ordered table's map view (or of a range of it), walked in the view's direction
 * by a cursor on the leaves ({@link RangeWalk}): weakly consistent, as the table's traversals;
 * {@code remove} deletes the key and an entry's {@code setValue} writes through.
 */
final class NavigableEntries<K, V> extends MapEntries<K, V> {

  private final OrderedTableMap<K, V> navigable;

  NavigableEntries(OrderedTableMap<K, V> map) {
    super(map);
    this.navigable = map;
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return navigable.walk((key, value) -> new Entry<>(map, key, value));
  }
}
