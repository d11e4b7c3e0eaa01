package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The key range of an ordered table's map view ({@link OrderedTableMap}), or the whole table, and
 * the table's navigation within it, always in the table's (ascending) order: the view turns it into
 * its own direction. Immutable: a narrower range is a new one ({@link #narrow}), checked against
 * this one as {@link java.util.concurrent.ConcurrentSkipListMap}'s sub-maps check theirs.
 */
final class NavigableRange<K, V> {

  private final OrderedStoreTable<K, V> table;
  private final Comparator<? super K> order; // never null: natural order made explicit
  private final K lo; // null: unbounded (keys are never null)
  private final boolean loInclusive;
  private final K hi;
  private final boolean hiInclusive;

  private NavigableRange(
      OrderedStoreTable<K, V> table,
      Comparator<? super K> order,
      K lo,
      boolean loInclusive,
      K hi,
      boolean hiInclusive) {
    if (lo != null && hi != null && order.compare(lo, hi) > 0) {
      throw new IllegalArgumentException("inconsistent range: " + lo + " > " + hi);
    }
    this.table = table;
    this.order = order;
    this.lo = lo;
    this.loInclusive = loInclusive;
    this.hi = hi;
    this.hiInclusive = hiInclusive;
  }

  /** The whole table, in its comparator's order (null: the keys' natural order). */
  @SuppressWarnings("unchecked")
  static <K, V> NavigableRange<K, V> all(
      OrderedStoreTable<K, V> table, Comparator<? super K> comparator) {
    return new NavigableRange<>(
        table,
        comparator != null ? comparator : (a, b) -> ((Comparable<Object>) a).compareTo(b),
        null,
        false,
        null,
        false);
  }

  /**
   * The part of this range between two bounds in the table's order (a null key: this range's own
   * bound); a bound outside this range is an {@link IllegalArgumentException}.
   */
  NavigableRange<K, V> narrow(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
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
    return new NavigableRange<>(table, order, fromKey, fromInclusive, toKey, toInclusive);
  }

  /** Whether this is the whole table (no bound on either side). */
  boolean whole() {
    return lo == null && hi == null;
  }

  /** The view's key range as a match spec: the keys it holds map to true. */
  MatchSpec<K, V, Boolean> matchSpec() {
    return MatchSpec.<K, V>where(KeyPattern.range(lo, loInclusive, hi, hiInclusive)).returnTrue();
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

  boolean inRange(K key) {
    return !tooLow(key) && !tooHigh(key);
  }

  /** A key argument: not null, of a type the order accepts (else ClassCastException). */
  @SuppressWarnings("unchecked")
  K key(Object key) {
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

  Map.Entry<K, V> lowest() {
    Map.Entry<K, V> e =
        lo == null ? entry(table.firstLookup()) : loInclusive ? ceilingOf(lo) : after(lo);
    return e == null || tooHigh(e.getKey()) ? null : e;
  }

  Map.Entry<K, V> highest() {
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

  Map.Entry<K, V> up(K key, boolean inclusive) {
    if (tooLow(key)) {
      return lowest();
    }
    Map.Entry<K, V> e = inclusive ? ceilingOf(key) : after(key);
    return e == null || tooHigh(e.getKey()) ? null : e;
  }

  Map.Entry<K, V> down(K key, boolean inclusive) {
    if (tooHigh(key)) {
      return highest();
    }
    Map.Entry<K, V> e = inclusive ? floorOf(key) : before(key);
    return e == null || tooLow(e.getKey()) ? null : e;
  }
}
