package io.jets.table.internal;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@link io.jets.table.OrderedTable#asNavigableMap()}: a {@link ConcurrentNavigableMap} over an
 * ordered table, or over a key range of it, ascending or descending. Navigation is the table's
 * {@code next}/{@code prev} and iteration a cursor on its leaves (lock-free, weakly consistent),
 * and a range's size is the table's count of it; writes are the {@link SetTableMap}'s (atomic per
 * key, with the table's access checks); a range view refuses keys outside its range, as {@link
 * java.util.concurrent.ConcurrentSkipListMap}'s sub-maps do, whose bound rules these follow.
 */
final class OrderedTableMap<K, V> extends AbstractMap<K, V>
    implements ConcurrentNavigableMap<K, V> {

  private final OrderedStoreTable<K, V> table;
  private final SetTableMap<K, V> writes;
  private final Comparator<? super K> comparator; // the table's, null for natural order
  private final NavigableRange<K, V> range; // the keys the view holds, and navigation among them
  private final boolean descending;

  OrderedTableMap(OrderedStoreTable<K, V> table, Comparator<? super K> comparator) {
    this(table, new SetTableMap<>(table), comparator, NavigableRange.all(table, comparator), false);
  }

  private OrderedTableMap(
      OrderedStoreTable<K, V> table,
      SetTableMap<K, V> writes,
      Comparator<? super K> comparator,
      NavigableRange<K, V> range,
      boolean descending) {
    this.table = table;
    this.writes = writes;
    this.comparator = comparator;
    this.range = range;
    this.descending = descending;
  }

  // ---- NavigableMap, in the view's direction ----

  @Override
  public Map.Entry<K, V> firstEntry() {
    return descending ? range.highest() : range.lowest();
  }

  @Override
  public Map.Entry<K, V> lastEntry() {
    return descending ? range.lowest() : range.highest();
  }

  @Override
  public Map.Entry<K, V> ceilingEntry(K key) {
    K k = range.key(key);
    return descending ? range.down(k, true) : range.up(k, true);
  }

  @Override
  public Map.Entry<K, V> higherEntry(K key) {
    K k = range.key(key);
    return descending ? range.down(k, false) : range.up(k, false);
  }

  @Override
  public Map.Entry<K, V> floorEntry(K key) {
    K k = range.key(key);
    return descending ? range.up(k, true) : range.down(k, true);
  }

  @Override
  public Map.Entry<K, V> lowerEntry(K key) {
    K k = range.key(key);
    return descending ? range.up(k, false) : range.down(k, false);
  }

  private static <K> K keyOf(Map.Entry<K, ?> e) {
    return e == null ? null : e.getKey();
  }

  @Override
  public K ceilingKey(K key) {
    return keyOf(ceilingEntry(key));
  }

  @Override
  public K higherKey(K key) {
    return keyOf(higherEntry(key));
  }

  @Override
  public K floorKey(K key) {
    return keyOf(floorEntry(key));
  }

  @Override
  public K lowerKey(K key) {
    return keyOf(lowerEntry(key));
  }

  @Override
  public K firstKey() {
    Map.Entry<K, V> e = firstEntry();
    if (e == null) {
      throw new NoSuchElementException();
    }
    return e.getKey();
  }

  @Override
  public K lastKey() {
    Map.Entry<K, V> e = lastEntry();
    if (e == null) {
      throw new NoSuchElementException();
    }
    return e.getKey();
  }

  @Override
  public Map.Entry<K, V> pollFirstEntry() {
    for (Map.Entry<K, V> e = firstEntry(); e != null; e = firstEntry()) {
      if (writes.remove(e.getKey(), e.getValue())) {
        return e;
      }
    }
    return null;
  }

  @Override
  public Map.Entry<K, V> pollLastEntry() {
    for (Map.Entry<K, V> e = lastEntry(); e != null; e = lastEntry()) {
      if (writes.remove(e.getKey(), e.getValue())) {
        return e;
      }
    }
    return null;
  }

  @Override
  public Comparator<? super K> comparator() {
    if (!descending) {
      return comparator;
    }
    return comparator == null ? Collections.reverseOrder() : Collections.reverseOrder(comparator);
  }

  // ---- views ----

  private OrderedTableMap<K, V> narrowed(
      K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
    if (descending) { // the view's "from" is the table's upper end
      K key = fromKey;
      fromKey = toKey;
      toKey = key;
      boolean inclusive = fromInclusive;
      fromInclusive = toInclusive;
      toInclusive = inclusive;
    }
    return new OrderedTableMap<>(
        table,
        writes,
        comparator,
        range.narrow(fromKey, fromInclusive, toKey, toInclusive),
        descending);
  }

  @Override
  public OrderedTableMap<K, V> subMap(
      K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
    return narrowed(range.key(fromKey), fromInclusive, range.key(toKey), toInclusive);
  }

  @Override
  public OrderedTableMap<K, V> headMap(K toKey, boolean inclusive) {
    return narrowed(null, false, range.key(toKey), inclusive);
  }

  @Override
  public OrderedTableMap<K, V> tailMap(K fromKey, boolean inclusive) {
    return narrowed(range.key(fromKey), inclusive, null, false);
  }

  @Override
  public ConcurrentNavigableMap<K, V> subMap(K fromKey, K toKey) {
    return subMap(fromKey, true, toKey, false);
  }

  @Override
  public ConcurrentNavigableMap<K, V> headMap(K toKey) {
    return headMap(toKey, false);
  }

  @Override
  public ConcurrentNavigableMap<K, V> tailMap(K fromKey) {
    return tailMap(fromKey, true);
  }

  @Override
  public OrderedTableMap<K, V> descendingMap() {
    return new OrderedTableMap<>(table, writes, comparator, range, !descending);
  }

  @Override
  public NavigableSet<K> navigableKeySet() {
    return new NavigableKeys<>(this);
  }

  @Override
  public NavigableSet<K> keySet() {
    return navigableKeySet();
  }

  @Override
  public NavigableSet<K> descendingKeySet() {
    return descendingMap().navigableKeySet();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new NavigableEntries<>(this);
  }

  @Override
  public Collection<V> values() {
    return new NavigableValues<>(this);
  }

  /** The view's range walked in its direction by a cursor on the leaves ({@link RangeWalk}). */
  <T> Iterator<T> walk(BiFunction<K, V, T> item) {
    return new RangeWalk<>(table, range.matchSpec(), descending, this, item);
  }

  // ---- Map and ConcurrentMap, within the range ----

  @Override
  public int size() {
    if (range.whole()) {
      return writes.size();
    }
    // Counted from the store's leaf lengths where it can (selectCount of a bare key range).
    return (int) Math.min(Integer.MAX_VALUE, table.selectCount(range.matchSpec()));
  }

  @Override
  public boolean isEmpty() {
    return firstEntry() == null;
  }

  @Override
  public boolean containsKey(Object key) {
    K k = range.key(key);
    return range.inRange(k) && writes.containsKey(k);
  }

  @Override
  public boolean containsValue(Object value) {
    Objects.requireNonNull(value, "value");
    for (Iterator<V> it = walk((k, v) -> v); it.hasNext(); ) {
      if (value.equals(it.next())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public V get(Object key) {
    K k = range.key(key);
    return range.inRange(k) ? writes.get(k) : null;
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V value = get(key);
    return value != null ? value : defaultValue;
  }

  private K checkedForWrite(K key) {
    K k = range.key(key);
    if (!range.inRange(k)) {
      throw new IllegalArgumentException("key out of range: " + k);
    }
    return k;
  }

  @Override
  public V put(K key, V value) {
    return writes.put(checkedForWrite(key), value);
  }

  @Override
  public V putIfAbsent(K key, V value) {
    return writes.putIfAbsent(checkedForWrite(key), value);
  }

  @Override
  public V remove(Object key) {
    K k = range.key(key);
    return range.inRange(k) ? writes.remove(k) : null;
  }

  @Override
  public boolean remove(Object key, Object value) {
    K k = range.key(key);
    return range.inRange(k) && writes.remove(k, value);
  }

  @Override
  public V replace(K key, V value) {
    K k = range.key(key);
    Objects.requireNonNull(value, "value");
    return range.inRange(k) ? writes.replace(k, value) : null;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    K k = range.key(key);
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    return range.inRange(k) && writes.replace(k, oldValue, newValue);
  }

  @Override
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    return writes.compute(checkedForWrite(key), remapping);
  }

  @Override
  public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
    return writes.computeIfAbsent(checkedForWrite(key), mapping);
  }

  @Override
  public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    K k = range.key(key);
    Objects.requireNonNull(remapping, "remappingFunction");
    return range.inRange(k) ? writes.computeIfPresent(k, remapping) : null;
  }

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    return writes.merge(checkedForWrite(key), value, remapping);
  }

  @Override
  public void clear() {
    if (range.whole()) {
      writes.clear();
      return;
    }
    for (Iterator<Map.Entry<K, V>> it = entrySet().iterator(); it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }
}
