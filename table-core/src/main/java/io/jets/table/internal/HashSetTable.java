package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.MissingKeyException;
import io.jets.table.SetTable;
import io.jets.table.internal.BucketChain.Node;
import io.jets.table.internal.StripedHashTable.Stripe;
import java.util.List;
import java.util.function.UnaryOperator;

/** A {@code set} hash table. */
public final class HashSetTable<K, V> extends HashTable<K, V> implements SetTable<K, V> {

  private HashSetTable(TableOptions options) {
    super(options);
  }

  /** Creates, registers and returns a new set table. */
  public static <K, V> HashSetTable<K, V> create(TableOptions options) {
    HashSetTable<K, V> table = new HashSetTable<>(options);
    table.open();
    return table;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(K key) {
    checkRead("get");
    requireKey(key, "get");
    Node node = read(key, BucketChain.mix(key));
    countLookup(node != null);
    return node == null ? null : (V) node.value;
  }

  // ---- counters ----

  @Override
  public long updateCounter(K key, long increment) {
    return updateCounter(key, CounterOp.increment(increment), null, "updateCounter");
  }

  @Override
  public long updateCounter(K key, long increment, long threshold, long setValue) {
    return updateCounter(
        key, CounterOp.increment(increment, threshold, setValue), null, "updateCounter");
  }

  @Override
  public long updateCounter(K key, long increment, V defaultValue) {
    requireArgument(defaultValue, "default value", "updateCounter");
    return updateCounter(key, CounterOp.increment(increment), defaultValue, "updateCounter");
  }

  private long updateCounter(K key, CounterOp op, V defaultValue, String operation) {
    checkWrite(operation);
    requireKey(key, operation);
    if (defaultValue != null) {
      CounterValues.read(
          name(), defaultValue, key, operation); // a bad default is rejected even when unused
    }
    int hash = BucketChain.mix(key);
    long result;
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked(operation);
      Node node = store.findLocked(key, hash);
      Object current = node != null ? node.value : defaultValue;
      if (current == null) {
        throw new MissingKeyException(name(), operation, key);
      }
      result =
          CounterValues.apply(
              name(), op, CounterValues.read(name(), current, key, operation), key, operation);
      Object stored = CounterValues.boxLike(name(), current, result, key, operation);
      store.putLocked(stripe, hash, key, stored, node == null ? 1 : 0);
    } finally {
      store.release(stripe);
    }
    return result;
  }

  @Override
  public long[] updateCounter(K key, List<CounterOp> ops) {
    checkWrite("updateCounter");
    requireKey(key, "updateCounter");
    requireArgument(ops, "operation list", "updateCounter");
    CounterOp[] steps = ops.toArray(new CounterOp[0]);
    for (CounterOp step : steps) {
      requireArgument(step, "counter operation", "updateCounter");
    }
    int hash = BucketChain.mix(key);
    long[] results = new long[steps.length];
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked("updateCounter");
      Node node = store.findLocked(key, hash);
      if (node == null) {
        throw new MissingKeyException(name(), "updateCounter", key);
      }
      long value = CounterValues.read(name(), node.value, key, "updateCounter");
      for (int i = 0; i < steps.length; i++) {
        value = CounterValues.apply(name(), steps[i], value, key, "updateCounter");
        results[i] = value;
      }
      if (steps.length > 0) {
        Object stored = CounterValues.boxLike(name(), node.value, value, key, "updateCounter");
        store.putLocked(stripe, hash, key, stored, 0);
      }
    } finally {
      store.release(stripe);
    }
    return results;
  }

  // ---- updates by function ----

  @Override
  @SuppressWarnings("unchecked")
  public boolean update(K key, UnaryOperator<V> function) {
    checkWrite("update");
    requireKey(key, "update");
    requireArgument(function, "function", "update");
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked("update");
      Node node = store.findLocked(key, hash);
      if (node == null) {
        return false;
      }
      V updated = function.apply((V) node.value);
      if (updated == null) {
        throw new BadArgumentException(name(), "update: the function returned null for key " + key);
      }
      store.putLocked(stripe, hash, key, updated, 0);
      return true;
    } finally {
      store.release(stripe);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public V update(K key, UnaryOperator<V> function, V defaultValue) {
    checkWrite("update");
    requireKey(key, "update");
    requireArgument(function, "function", "update");
    requireArgument(defaultValue, "default value", "update");
    int hash = BucketChain.mix(key);
    V updated;
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked("update");
      Node node = store.findLocked(key, hash);
      updated = function.apply(node == null ? defaultValue : (V) node.value);
      if (updated == null) {
        throw new BadArgumentException(name(), "update: the function returned null for key " + key);
      }
      store.putLocked(stripe, hash, key, updated, node == null ? 1 : 0);
    } finally {
      store.release(stripe);
    }
    return updated;
  }
}
