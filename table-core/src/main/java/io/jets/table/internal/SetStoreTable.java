package io.jets.table.internal;

import io.jets.owner.Owner;
import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.MissingKeyException;
import io.jets.table.SetTable;
import io.jets.table.internal.hash.HashStore;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * A {@code set} table (hash or ordered) over a {@link Store}: {@link StoreTable} plus the set-only
 * operations, {@code get}, the counters and updates by function, each a read-modify-write under the
 * key's writer lock.
 */
public class SetStoreTable<K, V> extends WritableStoreTable<K, V> implements SetTable<K, V> {

  protected SetStoreTable(TableOptions options, Store store) {
    super(options, store);
  }

  /** Creates, registers and returns a new set table over {@code store}. */
  public static <K, V> SetStoreTable<K, V> create(TableOptions options, Store store) {
    SetStoreTable<K, V> table =
        store instanceof HashStore hash && !options.recordStats()
            ? new HashSetTable<>(options, hash)
            : new SetStoreTable<>(options, store);
    table.open();
    return table;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(K key) {
    StoredObject objects = read(key, "get");
    return objects == null ? null : (V) objects.laValue();
  }

  /**
   * The map view's read of one key: {@link #get} here. A table whose {@code get} does more than
   * read (a cache that loads a missing key) overrides this with its plain read, since a map's
   * {@code get}, and every default method built on it, only reads.
   */
  protected V viewGet(K key) {
    return get(key);
  }

  // ---- counters ----

  // Not final: a hash set table without stats adds to a Long counter in one call into its engine.
  @Override
  public long updateCounter(K key, long increment) {
    return updateCounter(key, increment, false, 0, 0, null);
  }

  @Override
  public final long updateCounter(K key, long increment, long threshold, long setValue) {
    return updateCounter(key, increment, true, threshold, setValue, null);
  }

  @Override
  public final long updateCounter(K key, long increment, V defaultValue) {
    requireArgument(defaultValue, "default value", "updateCounter");
    return updateCounter(key, increment, false, 0, 0, defaultValue);
  }

  @Override
  public final long updateCounter(
      K key, long increment, long threshold, long setValue, V defaultValue) {
    requireArgument(defaultValue, "default value", "updateCounter");
    return updateCounter(key, increment, true, threshold, setValue, defaultValue);
  }

  /** One counter step, taken as primitives: a CounterOp here would be allocated per call. */
  private long updateCounter(
      K key, long increment, boolean hasThreshold, long threshold, long setValue, V defaultValue) {
    String operation = "updateCounter";
    Owner writer = checkWrite(operation);
    checkKey(key, operation);
    if (defaultValue != null) {
      CounterValues.read(name(), defaultValue, key, operation); // rejected even when unused
    }
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      StoredObject present = findLocked(lock, key, operation);
      Object current = present != null ? present.laValue() : defaultValue;
      if (current == null) {
        throw new MissingKeyException(name(), operation, key);
      }
      long result =
          CounterValues.apply(
              name(),
              increment,
              hasThreshold,
              threshold,
              setValue,
              CounterValues.read(name(), current, key, operation),
              key,
              operation);
      Object stored = CounterValues.boxLike(name(), current, result, key, operation);
      putLocked(lock, key, present, stored, operation);
      return result;
    } finally {
      store.unlock(lock);
    }
  }

  @Override
  public final long[] updateCounter(K key, List<CounterOp> ops) {
    String operation = "updateCounter";
    Owner writer = checkWrite(operation);
    checkKey(key, operation);
    requireArgument(ops, "operation list", operation);
    CounterOp[] steps = ops.toArray(new CounterOp[0]);
    for (CounterOp step : steps) {
      requireArgument(step, "counter operation", operation);
    }
    long[] results = new long[steps.length];
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      StoredObject present = findLocked(lock, key, operation);
      if (present == null) {
        throw new MissingKeyException(name(), operation, key);
      }
      long value = CounterValues.read(name(), present.laValue(), key, operation);
      Object stored = null;
      for (int i = 0; i < steps.length; i++) {
        value = CounterValues.apply(name(), steps[i], value, key, operation);
        // Every step keeps the counter's type, as a single-step call does: one that cannot fails.
        stored = CounterValues.boxLike(name(), present.laValue(), value, key, operation);
        results[i] = value;
      }
      if (stored != null) {
        putLocked(lock, key, present, stored, operation);
      }
    } finally {
      store.unlock(lock);
    }
    return results;
  }

  // ---- updates by function ----

  @Override
  public final boolean update(K key, UnaryOperator<V> function) {
    return update(key, function, null, false) != null;
  }

  @Override
  public final V update(K key, UnaryOperator<V> function, V defaultValue) {
    requireArgument(defaultValue, "default value", "update");
    return update(key, function, defaultValue, true);
  }

  /** The updated value, or null if the key is absent and there is no default. */
  @SuppressWarnings("unchecked")
  private V update(K key, UnaryOperator<V> function, V defaultValue, boolean withDefault) {
    Owner writer = checkWrite("update");
    checkKey(key, "update");
    requireArgument(function, "function", "update");
    if (withDefault) {
      requireArgument(defaultValue, "default value", "update");
    }
    Object lock = lockKey(key, "update");
    try {
      checkWriteLocked("update", writer);
      StoredObject present = findLocked(lock, key, "update");
      if (present == null && !withDefault) {
        return null;
      }
      V updated;
      store.userCode(lock, true); // a write by this thread under this lock now fails
      try {
        updated = function.apply(present == null ? defaultValue : (V) present.laValue());
      } finally {
        store.userCode(lock, false);
      }
      if (updated == null) {
        throw new BadArgumentException(name(), "update: the function returned null for key " + key);
      }
      putLocked(lock, key, present, updated, "update");
      return updated;
    } finally {
      store.unlock(lock);
    }
  }

  /**
   * What a {@link #remap} function returns to leave the key as it is. A function that returns the
   * very instance present writes it again, as a put of it is a write (a cache restarts its time to
   * live and weighs it again).
   */
  static final Object UNCHANGED = new Object();

  /**
   * The map view's one write, atomic under the key's writer lock: applies {@code remap} to the
   * value present (null when absent) and stores what it returns (null: removes the key; {@link
   * #UNCHANGED}, or null for an absent key: changes nothing). {@code remap} runs under the lock, as
   * an update's function.
   *
   * @return the value present before
   */
  @SuppressWarnings("unchecked")
  final V remap(K key, UnaryOperator<V> remap, String operation) {
    Owner writer = checkWrite(operation);
    checkKey(key, operation);
    Object lock = lockKey(key, operation);
    V before;
    V after;
    try {
      checkWriteLocked(operation, writer);
      StoredObject present = findLocked(lock, key, operation);
      before = present == null ? null : (V) present.laValue();
      store.userCode(lock, true);
      try {
        after = remap.apply(before);
      } finally {
        store.userCode(lock, false);
      }
      if (after == UNCHANGED || (after == null && before == null)) {
        return before;
      }
      putLocked(lock, key, present, after, operation);
    } finally {
      store.unlock(lock);
    }
    if (after == null) {
      countDelete();
    } else {
      countInserts(1);
    }
    return before;
  }

  @Override
  public ConcurrentMap<K, V> asMap() {
    return new SetTableMap<>(this);
  }
}
