package io.jets.table.internal;

import io.jets.owner.Owner;
import io.jets.table.spi.KeyOrderException;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import io.jets.table.spi.WriteInUserCodeException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The table facade over a {@link Store}, write side: single-key writes, multi-object writes and the
 * select family's per-key writes, with the bag semantics (a bag holds no two equal objects, a
 * duplicate bag may).
 *
 * <p>A single-key write holds the key's writer lock from its first read of the key to its store,
 * and re-checks deletion and ownership under it: a write either completes before the table is
 * deleted or handed over (both take every writer lock), or fails.
 */
public abstract class WritableStoreTable<K, V> extends StoreTable<K, V> {

  protected WritableStoreTable(TableOptions options, Store store) {
    super(options, store);
  }

  /**
   * The value to store after inserting {@code value} under a key holding {@code present}, or null
   * if the insert changes nothing (an equal object already in a bag).
   */
  final Object inserted(StoredObject present, V value) {
    if (!bag) {
      return value;
    }
    if (present == null) {
      return new Object[] {value};
    }
    Object[] values = (Object[]) present.laValue();
    if (!duplicates) {
      for (Object v : values) {
        if (v.equals(value)) {
          return null;
        }
      }
    }
    Object[] grown = Arrays.copyOf(values, values.length + 1);
    grown[values.length] = value;
    return grown;
  }

  // ---- single-key writes ----

  /** Locks {@code key}'s writer lock, naming the key if the table's order fails on it. */
  final Object lockKey(K key, String operation) {
    try {
      return store.lock(key);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    } catch (WriteInUserCodeException e) {
      throw writeInUserCode(operation);
    }
  }

  /** What the key holds; the caller holds its lock. */
  final StoredObject findLocked(Object lock, K key, String operation) {
    try {
      return store.findLocked(lock, key);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
  }

  /**
   * Stores {@code stored} (null: removes the key) where {@code present} was, under the lock,
   * keeping the stored key (updates, counters and deletes keep the key object the table holds).
   */
  final void putLocked(Object lock, K key, StoredObject present, Object stored, String operation) {
    putLocked(lock, present != null ? present.key : key, key, present, stored, operation);
  }

  /**
   * As {@link #putLocked(Object, Object, StoredObject, Object, String)}, storing {@code storedKey}:
   * an insert replaces the whole object, key included, as in ETS.
   */
  final void putLocked(
      Object lock, Object storedKey, K key, StoredObject present, Object stored, String operation) {
    try {
      store.putLocked(lock, present, storedKey, stored, countOf(stored) - countOfPresent(present));
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
  }

  // Not final: a cache table hands the facade a value that carries its time to live.
  @Override
  public void insert(K key, V value) {
    Owner writer = checkWrite("insert");
    checkKey(key, "insert");
    requireValue(value, "insert");
    Object lock = lockKey(key, "insert");
    try {
      checkWriteLocked("insert", writer);
      StoredObject present = findLocked(lock, key, "insert");
      Object stored = inserted(present, value);
      if (stored != null) {
        putLocked(lock, key, key, present, stored, "insert");
      }
    } finally {
      store.unlock(lock);
    }
    countInserts(1);
  }

  @Override
  public final boolean insertNew(K key, V value) {
    Owner writer = checkWrite("insertNew");
    checkKey(key, "insertNew");
    requireValue(value, "insertNew");
    Object lock = lockKey(key, "insertNew");
    try {
      checkWriteLocked("insertNew", writer);
      if (findLocked(lock, key, "insertNew") != null) {
        return false;
      }
      putLocked(lock, key, null, inserted(null, value), "insertNew");
    } finally {
      store.unlock(lock);
    }
    countInserts(1);
    return true;
  }

  // Not final: a hash set table without stats writes in one call into its engine.
  @Override
  public boolean delete(K key) {
    return removeKey(key, "delete") != null;
  }

  @Override
  public final List<V> take(K key) {
    return valuesOf(removeKey(key, "take"));
  }

  @Override
  public final List<Map.Entry<K, V>> takeObjects(K key) {
    return objectsOf(removeKey(key, "takeObjects"));
  }

  /** Removes the key; returns what it held (no longer in the table, so stable), or null. */
  private StoredObject removeKey(K key, String operation) {
    Owner writer = checkWrite(operation);
    checkKey(key, operation);
    StoredObject present;
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      present = findLocked(lock, key, operation);
      if (present == null) {
        return null;
      }
      putLocked(lock, key, present, null, operation);
    } finally {
      store.unlock(lock);
    }
    countDelete();
    return present;
  }

  @Override
  public final boolean deleteObject(K key, V value) {
    Owner writer = checkWrite("deleteObject");
    checkKey(key, "deleteObject");
    requireValue(value, "deleteObject");
    boolean removed =
        deleteObjectsIf(key, writer, (k, v) -> store.sameValue(v, value), "deleteObject") > 0;
    if (removed) {
      countDelete();
    }
    return removed;
  }

  /**
   * Under the writer lock of {@code key}, removes each of its objects that {@code test} accepts;
   * returns how many it removed. {@code writer} is what {@link #checkWrite} returned.
   */
  @SuppressWarnings("unchecked")
  protected final long deleteObjectsIf(
      K key, Owner writer, BiPredicate<? super K, ? super V> test, String operation) {
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      StoredObject present = findLocked(lock, key, operation);
      if (present == null) {
        return 0;
      }
      if (!bag) {
        if (!test.test((K) present.key, (V) present.laValue())) {
          return 0;
        }
        putLocked(lock, key, present, null, operation);
        return 1;
      }
      Object[] values = (Object[]) present.laValue();
      Object[] kept = new Object[values.length];
      int k = 0;
      for (Object v : values) {
        if (!test.test((K) present.key, (V) v)) {
          kept[k++] = v;
        }
      }
      if (k < values.length) {
        putLocked(lock, key, present, k == 0 ? null : Arrays.copyOf(kept, k), operation);
      }
      return values.length - k;
    } finally {
      store.unlock(lock);
    }
  }

  @Override
  protected final long deleteObjectsIf(
      K key, BiPredicate<? super K, ? super V> test, String operation) {
    return deleteObjectsIf(key, checkWrite(operation), test, operation);
  }

  @Override
  protected final int replaceIfUnchanged(K key, List<Replacement<K, V>> run, String operation) {
    Owner writer = checkWrite(operation);
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      StoredObject present = findLocked(lock, key, operation);
      if (present == null) {
        return 0;
      }
      Object stored = present.laValue();
      if (!bag) {
        Replacement<K, V> only = run.get(0); // a set type matches a key's one object once
        if (!store.sameValue(stored, only.expected())) {
          return 0;
        }
        putLocked(lock, key, present, only.replacement(), operation);
        return 1;
      }
      // A duplicate bag: each replacement takes the first object equal to its expected one that
      // the run has not replaced yet, in its place among the key's.
      Object[] values = (Object[]) stored;
      Object[] replaced = values.clone();
      boolean[] taken = new boolean[values.length];
      int count = 0;
      for (Replacement<K, V> r : run) {
        for (int i = 0; i < values.length; i++) {
          if (!taken[i] && store.sameValue(values[i], r.expected())) {
            taken[i] = true;
            replaced[i] = r.replacement();
            count++;
            break;
          }
        }
      }
      if (count > 0) {
        putLocked(lock, key, present, replaced, operation);
      }
      return count;
    } finally {
      store.unlock(lock);
    }
  }

  @Override
  protected final void checkStorable(K key, V value) {
    store.checkStorable(key, value);
  }

  // ---- multi-object writes ----

  @Override
  public final void insertAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    Owner writer = checkWrite("insertAll");
    Object[][] batch = BatchObjects.checked(this, objects, keyOrder(), "insertAll");
    writeBatch(batch, false, writer, "insertAll");
    countInserts(batch[0].length);
  }

  @Override
  public final boolean insertNewAll(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    Owner writer = checkWrite("insertNewAll");
    Object[][] batch = BatchObjects.checked(this, objects, keyOrder(), "insertNewAll");
    boolean inserted = writeBatch(batch, true, writer, "insertNewAll");
    if (inserted) {
      countInserts(batch[0].length);
    }
    return inserted;
  }

  private boolean writeBatch(Object[][] batch, boolean onlyNew, Owner writer, String operation) {
    Object[] keys = batch[0];
    Object[] values = batch[1];
    Store.Merge merge =
        new Store.Merge() {
          @Override
          @SuppressWarnings("unchecked")
          public Object merge(int index, StoredObject present) {
            return inserted(present, (V) values[index]);
          }

          @Override
          public long objectDelta(StoredObject present, Object merged) {
            return countOf(merged) - countOfPresent(present);
          }
        };
    try {
      return store.writeAll(keys, merge, onlyNew, () -> checkWriteLocked(operation, writer));
    } catch (KeyOrderException e) {
      throw keyError(operation, e.key() != null ? e.key() : keys[0], e);
    } catch (WriteInUserCodeException e) {
      throw writeInUserCode(operation);
    }
  }

  @Override
  public final void deleteAllObjects() {
    Owner writer = checkWrite("deleteAllObjects");
    try {
      store.clear(() -> checkWriteLocked("deleteAllObjects", writer));
    } catch (WriteInUserCodeException e) {
      throw writeInUserCode("deleteAllObjects");
    }
  }

  /**
   * A write from inside an update function, under the lock that function runs under: refused with
   * this exception by every table, a cache's loads and touches included.
   */
  protected final IllegalStateException writeInUserCode(String operation) {
    return new IllegalStateException(
        "table '"
            + name()
            + "': "
            + operation
            + " called from inside a function that runs under this table's writer lock (an"
            + " update function must not write its table); nothing was written");
  }
}
