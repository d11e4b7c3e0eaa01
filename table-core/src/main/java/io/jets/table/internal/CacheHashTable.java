package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.CacheStats;
import io.jets.table.CacheTable;
import io.jets.table.CounterOp;
import io.jets.table.MissingKeyException;
import io.jets.table.SetTable;
import io.jets.table.internal.hash.BucketChain;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The cache table: the operations of {@link CacheTable} and {@link SetTable} on top of {@link
 * AbstractCacheTable}'s entries and write path. Loads go through {@link LoadOnce}, multi-object
 * writes through {@link CacheBulkOperations}.
 */
public final class CacheHashTable<K, V> extends AbstractCacheTable<K, V> {

  private final LoadOnce<K, V> loads = new LoadOnce<>(this);
  private final CacheBulkOperations<K, V> bulk = new CacheBulkOperations<>(this);

  private CacheHashTable(TableOptions options, CacheOptions cache) {
    super(options, cache);
  }

  /** Creates, registers and returns a new cache table. */
  public static <K, V> CacheHashTable<K, V> create(TableOptions options, CacheOptions cache) {
    CacheHashTable<K, V> table = new CacheHashTable<>(options, cache);
    table.open();
    return table;
  }

  // ---- cache operations ----

  @Override
  public void insert(K key, V value, Duration timeToLive) {
    checkWrite("insert");
    requireKey(key, "insert");
    requireArgument(value, "value", "insert");
    requireArgument(timeToLive, "timeToLive", "insert");
    if (timeToLive.isNegative() || timeToLive.isZero()) {
      throw new BadArgumentException(
          name(), "insert: timeToLive " + timeToLive + " is not positive");
    }
    long nanos;
    try {
      nanos = timeToLive.toNanos();
    } catch (ArithmeticException tooLong) {
      nanos = Long.MAX_VALUE;
    }
    int weight = weigh(key, value, "insert");
    write(key, "insert", nanos, false, true, weight, live -> value);
    countInserts(1);
  }

  @Override
  public boolean touch(K key) {
    checkWrite("touch");
    requireKey(key, "touch");
    return write(key, "touch", 0, true, false, -1, live -> live == null ? UNCHANGED : live)
        .changed();
  }

  @Override
  public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
    checkWrite("getOrLoad");
    requireKey(key, "getOrLoad");
    requireArgument(loader, "loader", "getOrLoad");
    CacheEntry entry = readLive(key);
    return entry != null ? value(entry) : loads.load(key, loader, -1);
  }

  @Override
  public V getOrLoad(K key, Function<? super K, ? extends V> loader, Duration timeout) {
    checkWrite("getOrLoad");
    requireKey(key, "getOrLoad");
    requireArgument(loader, "loader", "getOrLoad");
    requireArgument(timeout, "timeout", "getOrLoad");
    if (timeout.isNegative()) {
      throw new BadArgumentException(name(), "getOrLoad: timeout " + timeout + " is negative");
    }
    CacheEntry entry = readLive(key);
    if (entry != null) {
      return value(entry);
    }
    long nanos;
    try {
      nanos = timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      nanos = Long.MAX_VALUE;
    }
    return loads.load(key, loader, nanos);
  }

  /** The live value under {@code key} without recording an access; for the load path. */
  V peekLive(K key) {
    CacheEntry entry = liveAt(store.findConsistent(key, BucketChain.mix(key)), now());
    return entry == null ? null : value(entry);
  }

  /**
   * Stores a loaded value unless a live one appeared meanwhile, and returns the value now live.
   * Skips the access check: the caller of getOrLoad passed it before the load started.
   */
  V storeLoaded(K key, V value) {
    int weight = weigh(key, value, "getOrLoad");
    Written<V> written =
        write(key, "getOrLoad", 0, false, true, weight, live -> live != null ? UNCHANGED : value);
    return written.changed() ? value : written.previous();
  }

  @Override
  public CacheStats cacheStats() {
    checkRead("cacheStats");
    return stats == null ? CacheStatsRecorder.EMPTY : stats.snapshot();
  }

  @Override
  public void cleanUp() {
    checkRead("cleanUp");
    maintainNow();
  }

  // ---- SetTable reads ----

  @Override
  public V get(K key) {
    checkRead("get");
    requireKey(key, "get");
    CacheEntry entry = readLive(key);
    return entry == null ? null : value(entry);
  }

  @Override
  public List<V> lookup(K key) {
    checkRead("lookup");
    requireKey(key, "lookup");
    CacheEntry entry = readLive(key);
    return entry == null ? List.of() : List.of(value(entry));
  }

  @Override
  public boolean member(K key) {
    checkRead("member");
    requireKey(key, "member");
    return readLive(key) != null;
  }

  @Override
  public long size() {
    checkRead("size");
    return store.objects();
  }

  // ---- SetTable writes ----

  @Override
  public void insert(K key, V value) {
    checkWrite("insert");
    requireKey(key, "insert");
    requireArgument(value, "value", "insert");
    int weight = weigh(key, value, "insert");
    write(key, "insert", 0, false, true, weight, live -> value);
    countInserts(1);
  }

  @Override
  public boolean insertNew(K key, V value) {
    checkWrite("insertNew");
    requireKey(key, "insertNew");
    requireArgument(value, "value", "insertNew");
    int weight = weigh(key, value, "insertNew");
    boolean inserted =
        write(key, "insertNew", 0, false, true, weight, live -> live == null ? value : UNCHANGED)
            .changed();
    if (inserted) {
      countInserts(1);
    }
    return inserted;
  }

  @Override
  public boolean delete(K key) {
    checkWrite("delete");
    requireKey(key, "delete");
    Written<V> written =
        write(key, "delete", 0, false, true, -1, live -> live == null ? UNCHANGED : null);
    boolean deleted = written.changed() && written.previous() != null;
    if (deleted) {
      countDelete();
    }
    return deleted;
  }

  @Override
  public boolean deleteObject(K key, V value) {
    checkWrite("deleteObject");
    requireKey(key, "deleteObject");
    requireArgument(value, "value", "deleteObject");
    boolean deleted =
        write(
                key,
                "deleteObject",
                0,
                false,
                true,
                -1,
                live -> live != null && live.equals(value) ? null : UNCHANGED)
            .changed();
    if (deleted) {
      countDelete();
    }
    return deleted;
  }

  @Override
  public List<V> take(K key) {
    checkWrite("take");
    requireKey(key, "take");
    Written<V> written =
        write(key, "take", 0, false, true, -1, live -> live == null ? UNCHANGED : null);
    if (written.changed() && written.previous() != null) {
      countDelete();
      return List.of(written.previous());
    }
    return List.of();
  }

  @Override
  public long updateCounter(K key, long increment) {
    return updateCounter(key, CounterOp.increment(increment), null);
  }

  @Override
  public long updateCounter(K key, long increment, long threshold, long setValue) {
    return updateCounter(key, CounterOp.increment(increment, threshold, setValue), null);
  }

  @Override
  public long updateCounter(K key, long increment, V defaultValue) {
    requireArgument(defaultValue, "default value", "updateCounter");
    return updateCounter(key, CounterOp.increment(increment), defaultValue);
  }

  private long updateCounter(K key, CounterOp op, V defaultValue) {
    long[] results = updateCounter(key, List.of(op), defaultValue, true);
    return results[0];
  }

  @Override
  public long[] updateCounter(K key, List<CounterOp> ops) {
    return updateCounter(key, ops, null, false);
  }

  @SuppressWarnings("unchecked")
  private long[] updateCounter(K key, List<CounterOp> ops, V defaultValue, boolean single) {
    String operation = "updateCounter";
    checkWrite(operation);
    requireKey(key, operation);
    requireArgument(ops, "operation list", operation);
    CounterOp[] steps = ops.toArray(new CounterOp[0]);
    for (CounterOp step : steps) {
      requireArgument(step, "counter operation", operation);
    }
    if (defaultValue != null) {
      CounterValues.read(
          name(), defaultValue, key, operation); // a bad default is rejected even when unused
    }
    long[] results = new long[steps.length];
    write(
        key,
        operation,
        0,
        true,
        true,
        -1,
        live -> {
          Object current = live != null ? live : defaultValue;
          if (current == null) {
            throw new MissingKeyException(name(), operation, key);
          }
          long value = CounterValues.read(name(), current, key, operation);
          for (int i = 0; i < steps.length; i++) {
            value = CounterValues.apply(name(), steps[i], value, key, operation);
            results[i] = value;
          }
          return steps.length == 0
              ? UNCHANGED
              : CounterValues.boxLike(name(), current, value, key, operation);
        });
    return results;
  }

  @Override
  public boolean update(K key, UnaryOperator<V> function) {
    checkWrite("update");
    requireKey(key, "update");
    requireArgument(function, "function", "update");
    return write(
            key,
            "update",
            0,
            true,
            true,
            -1,
            live -> live == null ? UNCHANGED : updated(key, function, live))
        .changed();
  }

  @Override
  public V update(K key, UnaryOperator<V> function, V defaultValue) {
    checkWrite("update");
    requireKey(key, "update");
    requireArgument(function, "function", "update");
    requireArgument(defaultValue, "default value", "update");
    Object[] stored = new Object[1];
    write(
        key,
        "update",
        0,
        true,
        true,
        -1,
        live -> stored[0] = updated(key, function, live != null ? live : defaultValue));
    @SuppressWarnings("unchecked")
    V result = (V) stored[0];
    return result;
  }

  private V updated(K key, UnaryOperator<V> function, V current) {
    V updated = function.apply(current);
    if (updated == null) {
      throw new BadArgumentException(name(), "update: the function returned null for key " + key);
    }
    return updated;
  }

  // ---- multi-object writes, traversal, select hooks and storage hooks: CacheHashTableBulk ----

  @Override
  public void insertAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertAll");
    countInserts(bulk.writeBatch(objects, false, "insertAll"));
  }

  @Override
  public boolean insertNewAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertNewAll");
    long written = bulk.writeBatch(objects, true, "insertNewAll");
    countInserts(Math.max(0, written));
    return written >= 0;
  }

  @Override
  public void deleteAllObjects() {
    checkWrite("deleteAllObjects");
    bulk.deleteAll();
  }
}
