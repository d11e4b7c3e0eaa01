package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link io.jets.table.SetTable#asMap()}: a {@link ConcurrentMap} whose every operation is one of
 * the table's (so access modes, the owner lifecycle and atomicity are the table's), with {@code
 * java.util}'s conventions at the edges: null arguments throw {@link NullPointerException}, a key
 * of the wrong type for an ordered table {@link ClassCastException}.
 */
final class SetTableMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V> {

  private final SetStoreTable<K, V> table;
  private Set<Map.Entry<K, V>> entries;

  SetTableMap(SetStoreTable<K, V> table) {
    this.table = table;
  }

  /** A key argument typed K: null is refused, a key the table cannot order is a wrong type. */
  private static <T> T argument(T value, String what) {
    return Objects.requireNonNull(value, what);
  }

  /** Tells {@link SetStoreTable#remap} to leave the key as it is. */
  @SuppressWarnings("unchecked")
  private static <V> V unchanged() {
    return (V) SetStoreTable.UNCHANGED;
  }

  /**
   * Runs {@code read}, reporting a key the table's order rejects as {@link ClassCastException}; a
   * BadArgumentException that user code threw (see {@link #user}) reaches the caller as thrown.
   */
  private <T> T typed(Object key, Supplier<T> read) {
    try {
      return read.get();
    } catch (UserFailure f) {
      throw (BadArgumentException) f.getCause();
    } catch (BadArgumentException e) {
      if (table.keyOrder() != null) {
        ClassCastException wrongType =
            new ClassCastException(
                "table '" + table.name() + "': key " + key + " cannot be ordered with its keys");
        wrongType.initCause(e);
        throw wrongType;
      }
      throw e;
    }
  }

  /**
   * Runs user code (a function, a value's {@code equals}) inside a remap: a BadArgumentException it
   * throws is carried past {@link #typed} rather than taken for a key the order rejects.
   */
  private static <T> T user(Supplier<T> code) {
    try {
      return code.get();
    } catch (BadArgumentException e) {
      throw new UserFailure(e);
    }
  }

  /** Carries user code's BadArgumentException to {@link #typed}, which rethrows it. */
  private static final class UserFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserFailure(BadArgumentException e) {
      super(null, e, false, false);
    }
  }

  @Override
  public int size() {
    return (int) Math.min(table.size(), Integer.MAX_VALUE);
  }

  @Override
  public boolean isEmpty() {
    return table.first() == null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean containsKey(Object key) {
    argument(key, "key");
    return typed(key, () -> table.member((K) key));
  }

  @Override
  public boolean containsValue(Object value) {
    argument(value, "value");
    return super.containsValue(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    argument(key, "key");
    return typed(key, () -> table.viewGet((K) key));
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V value = get(key);
    return value != null ? value : defaultValue;
  }

  @Override
  public V put(K key, V value) {
    argument(key, "key");
    argument(value, "value");
    return typed(key, () -> table.remap(key, present -> value, "put"));
  }

  @Override
  public V putIfAbsent(K key, V value) {
    argument(key, "key");
    argument(value, "value");
    return typed(
        key,
        () -> table.remap(key, present -> present != null ? unchanged() : value, "putIfAbsent"));
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    argument(key, "key");
    return typed(key, () -> table.remap((K) key, present -> null, "remove"));
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean remove(Object key, Object value) {
    argument(key, "key");
    if (value == null) {
      return false; // as ConcurrentHashMap: no key maps to null
    }
    boolean[] removed = {false};
    typed(
        key,
        () ->
            table.remap(
                (K) key,
                present -> {
                  removed[0] = present != null && user(() -> present.equals(value));
                  return removed[0] ? null : unchanged();
                },
                "remove"));
    return removed[0];
  }

  @Override
  public V replace(K key, V value) {
    argument(key, "key");
    argument(value, "value");
    return typed(
        key, () -> table.remap(key, present -> present != null ? value : unchanged(), "replace"));
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    argument(key, "key");
    argument(oldValue, "oldValue");
    argument(newValue, "newValue");
    boolean[] replaced = {false};
    typed(
        key,
        () ->
            table.remap(
                key,
                present -> {
                  replaced[0] = present != null && user(() -> present.equals(oldValue));
                  return replaced[0] ? newValue : unchanged();
                },
                "replace"));
    return replaced[0];
  }

  // compute, computeIfAbsent, computeIfPresent and merge: one remap each, so that the function
  // runs once, under the key's writer lock (ConcurrentMap's defaults retry it, unlocked).

  @Override
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    argument(key, "key");
    argument(remapping, "remappingFunction");
    return remapTo(key, present -> remapping.apply(key, present), "compute");
  }

  @Override
  @SuppressWarnings("unchecked")
  public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
    argument(key, "key");
    argument(mapping, "mappingFunction");
    V live = get(key); // a hit is a lock-free read, as ConcurrentHashMap's and Caffeine's
    if (live != null) {
      return live;
    }
    Object[] result = {null};
    typed(
        key,
        () ->
            table.remap(
                key,
                present -> {
                  V value = present != null ? present : user(() -> mapping.apply(key));
                  result[0] = value;
                  return present != null ? unchanged() : value;
                },
                "computeIfAbsent"));
    return (V) result[0];
  }

  @Override
  public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
    argument(key, "key");
    argument(remapping, "remappingFunction");
    return remapTo(
        key, present -> present != null ? remapping.apply(key, present) : null, "computeIfPresent");
  }

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    argument(key, "key");
    argument(value, "value");
    argument(remapping, "remappingFunction");
    return remapTo(
        key, present -> present != null ? remapping.apply(present, value) : value, "merge");
  }

  /**
   * One remap that writes what {@code next} makes of the present value (null: absent), a null
   * removing the key; returns what it wrote.
   */
  @SuppressWarnings("unchecked")
  private V remapTo(K key, Function<? super V, ? extends V> next, String operation) {
    Object[] written = {null};
    typed(
        key,
        () ->
            table.remap(
                key,
                present -> {
                  V value = user(() -> next.apply(present));
                  written[0] = value;
                  return value;
                },
                operation));
    return (V) written[0];
  }

  @Override
  public void clear() {
    table.deleteAllObjects();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    Set<Map.Entry<K, V>> view = entries;
    return view != null ? view : (entries = new Entries());
  }

  /** The entries, walked with the table's weakly consistent first/next. */
  private final class Entries extends MapEntries<K, V> {
    Entries() {
      super(SetTableMap.this);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
      return new Walk();
    }
  }

  private final class Walk implements Iterator<Map.Entry<K, V>> {
    private Map.Entry<K, List<V>> next = table.firstLookup();
    private K last; // the key next() returned last, for remove; null after a remove

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map.Entry<K, V> next() {
      Map.Entry<K, List<V>> current = next;
      if (current == null) {
        throw new NoSuchElementException();
      }
      next = table.nextLookup(current.getKey());
      last = current.getKey();
      return new MapEntries.Entry<>(SetTableMap.this, current.getKey(), current.getValue().get(0));
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("next() has not returned an entry since the last remove");
      }
      table.remap(last, present -> null, "remove");
      last = null;
    }
  }
}
