package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

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
  private final Comparator<? super K> order; // never null: natural order made explicit
  private final Comparator<? super K> comparator; // the table's, null for natural order
  private final K lo; // null: unbounded (keys are never null)
  private final boolean loInclusive;
  private final K hi;
  private final boolean hiInclusive;
  private final boolean descending;

  @SuppressWarnings("unchecked")
  OrderedTableMap(OrderedStoreTable<K, V> table, Comparator<? super K> comparator) {
    this(
        table,
        new SetTableMap<>(table),
        comparator,
        comparator != null ? comparator : (a, b) -> ((Comparable<Object>) a).compareTo(b),
        null,
        false,
        null,
        false,
        false);
  }

  private OrderedTableMap(
      OrderedStoreTable<K, V> table,
      SetTableMap<K, V> writes,
      Comparator<? super K> comparator,
      Comparator<? super K> order,
      K lo,
      boolean loInclusive,
      K hi,
      boolean hiInclusive,
      boolean descending) {
    if (lo != null && hi != null && order.compare(lo, hi) > 0) {
      throw new IllegalArgumentException("inconsistent range: " + lo + " > " + hi);
    }
    this.table = table;
    this.writes = writes;
    this.comparator = comparator;
    this.order = order;
    this.lo = lo;
    this.loInclusive = loInclusive;
    this.hi = hi;
    this.hiInclusive = hiInclusive;
    this.descending = descending;
  }

  // ---- bounds, in the table's (ascending) order ----

  private boolean tooLow(K key) {
    if (lo == null) {
      return false;
    }
    int c = order.compare(key, lo);
    return c < 0 || (c == 0 && !loInclusive);
  }

  private boolean tooHigh(K key) {
    if (hi == null) {
      return false;
    }
    int c = order.compare(key, hi);
    return c > 0 || (c == 0 && !hiInclusive);
  }

  private boolean inRange(K key) {
    return !tooLow(key) && !tooHigh(key);
  }

  /** A key argument: not null, of a type the order accepts (else ClassCastException). */
  @SuppressWarnings("unchecked")
  private K key(Object key) {
    Objects.requireNonNull(key, "key");
    K typed = (K) key;
    order.compare(typed, typed); // a key the order cannot compare fails here, as in a skip list
    return typed;
  }

  /** Runs a table call, reporting a key the table's order rejects as ClassCastException. */
  private <T> T typed(Supplier<T> call) {
    try {
      return call.get();
    } catch (BadArgumentException e) {
      ClassCastException wrongType = new ClassCastException(e.getMessage());
      wrongType.initCause(e);
      throw wrongType;
    }
  }

  // ---- the table's navigation (ascending, unbounded) ----

  private static <K, V> Map.Entry<K, V> entry(Map.Entry<K, List<V>> found) {
    return found == null
        ? null
        : new SimpleImmutableEntry<>(found.getKey(), found.getValue().get(0));
  }

  private Map.Entry<K, V> at(K key) {
    List<Map.Entry<K, V>> objects = typed(() -> table.lookupObjects(key));
    return objects.isEmpty() ? null : new SimpleImmutableEntry<>(objects.get(0));
  }

  private Map.Entry<K, V> after(K key) {
    return entry(typed(() -> table.nextLookup(key)));
  }

  private Map.Entry<K, V> before(K key) {
    return entry(typed(() -> table.prevLookup(key)));
  }

  // ---- navigation within the range, ascending ----

  private Map.Entry<K, V> lowest() {
    Map.Entry<K, V> e =
        lo == null ? entry(table.firstLookup()) : loInclusive ? ceilingOf(lo) : after(lo);
    return e == null || tooHigh(e.getKey()) ? null : e;
  }

  private Map.Entry<K, V> highest() {
    Map.Entry<K, V> e =
        hi == null ? entry(table.lastLookup()) : hiInclusive ? floorOf(hi) : before(hi);
    return e == null || tooLow(e.getKey()) ? null : e;
  }

  private Map.Entry<K, V> ceilingOf(K key) {
    Map.Entry<K, V> e = at(key);
    return e != null ? e : after(key);
  }

  private Map.Entry<K, V> floorOf(K key) {
    Map.Entry<K, V> e = at(key);
    return e != null ? e : before(key);
  }

  private Map.Entry<K, V> up(K key, boolean inclusive) {
    if (tooLow(key)) {
      return lowest();
    }
    Map.Entry<K, V> e = inclusive ? ceilingOf(key) : after(key);
    return e == null || tooHigh(e.getKey()) ? null : e;
  }

  private Map.Entry<K, V> down(K key, boolean inclusive) {
    if (tooHigh(key)) {
      return highest();
    }
    Map.Entry<K, V> e = inclusive ? floorOf(key) : before(key);
    return e == null || tooLow(e.getKey()) ? null : e;
  }

  // ---- NavigableMap, in the view's direction ----

  @Override
  public Map.Entry<K, V> firstEntry() {
    return descending ? highest() : lowest();
  }

  @Override
  public Map.Entry<K, V> lastEntry() {
    return descending ? lowest() : highest();
  }

  @Override
  public Map.Entry<K, V> ceilingEntry(K key) {
    K k = key(key);
    return descending ? down(k, true) : up(k, true);
  }

  @Override
  public Map.Entry<K, V> higherEntry(K key) {
    K k = key(key);
    return descending ? down(k, false) : up(k, false);
  }

  @Override
  public Map.Entry<K, V> floorEntry(K key) {
    K k = key(key);
    return descending ? up(k, true) : down(k, true);
  }

  @Override
  public Map.Entry<K, V> lowerEntry(K key) {
    K k = key(key);
    return descending ? up(k, false) : down(k, false);
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

  private OrderedTableMap<K, V> range(
      K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
    if (descending) { // the view's "from" is the table's upper end
      K key = fromKey;
      fromKey = toKey;
      toKey = key;
      boolean inclusive = fromInclusive;
      fromInclusive = toInclusive;
      toInclusive = inclusive;
    }
    if (lo != null) {
      if (fromKey == null) {
        fromKey = lo;
        fromInclusive = loInclusive;
      } else {
        int c = order.compare(fromKey, lo);
        if (c < 0 || (c == 0 && !loInclusive && fromInclusive)) {
          throw new IllegalArgumentException("key out of range: " + fromKey);
        }
      }
    }
    if (hi != null) {
      if (toKey == null) {
        toKey = hi;
        toInclusive = hiInclusive;
      } else {
        int c = order.compare(toKey, hi);
        if (c > 0 || (c == 0 && !hiInclusive && toInclusive)) {
          throw new IllegalArgumentException("key out of range: " + toKey);
        }
      }
    }
    return new OrderedTableMap<>(
        table, writes, comparator, order, fromKey, fromInclusive, toKey, toInclusive, descending);
  }

  @Override
  public OrderedTableMap<K, V> subMap(
      K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
    return range(key(fromKey), fromInclusive, key(toKey), toInclusive);
  }

  @Override
  public OrderedTableMap<K, V> headMap(K toKey, boolean inclusive) {
    return range(null, false, key(toKey), inclusive);
  }

  @Override
  public OrderedTableMap<K, V> tailMap(K fromKey, boolean inclusive) {
    return range(key(fromKey), inclusive, null, false);
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
    return new OrderedTableMap<>(
        table, writes, comparator, order, lo, loInclusive, hi, hiInclusive, !descending);
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
    return new RangeWalk<>(table, range(), descending, this, item);
  }

  /** The view's key range as a match spec: the keys it holds map to true. */
  private MatchSpec<K, V, Boolean> range() {
    return MatchSpec.<K, V>where(KeyPattern.range(lo, loInclusive, hi, hiInclusive)).returnTrue();
  }

  // ---- Map and ConcurrentMap, within the range ----

  @Override
  public int size() {
    if (lo == null && hi == null) {
      return writes.size();
    }
    // Counted from the store's leaf lengths where it can (selectCount of a bare key range).
    return (int) Math.min(Integer.MAX_VALUE, table.selectCount(range()));
  }

  @Override
  public boolean isEmpty() {
    return firstEntry() == null;
  }

  @Override
  public boolean containsKey(Object key) {
    K k = key(key);
    return inRange(k) && writes.containsKey(k);
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
    K k = key(key);
    return inRange(k) ? writes.get(k) : null;
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V value = get(key);
    return value != null ? value : defaultValue;
  }

  private K checkedForWrite(K key) {
    K k = key(key);
    if (!inRange(k)) {
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
    K k = key(key);
    return inRange(k) ? writes.remove(k) : null;
  }

  @Override
  public boolean remove(Object key, Object value) {
    K k = key(key);
    return inRange(k) && writes.remove(k, value);
  }

  @Override
  public V replace(K key, V value) {
    K k = key(key);
    Objects.requireNonNull(value, "value");
    return inRange(k) ? writes.replace(k, value) : null;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    K k = key(key);
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
    return inRange(k) && writes.replace(k, oldValue, newValue);
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
    K k = key(key);
    Objects.requireNonNull(remapping, "remappingFunction");
    return inRange(k) ? writes.computeIfPresent(k, remapping) : null;
  }

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    return writes.merge(checkedForWrite(key), value, remapping);
  }

  @Override
  public void clear() {
    if (lo == null && hi == null) {
      writes.clear();
      return;
    }
    for (Iterator<Map.Entry<K, V>> it = entrySet().iterator(); it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }
}
