package io.jets.table.internal;

import io.jets.process.Owner;
import io.jets.table.BadArgumentException;
import io.jets.table.MatchSpec;
import io.jets.table.ObjectFolder;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.internal.select.MatchEvaluation;
import io.jets.table.spi.KeyOrderException;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The table facade: every operation of every table type, written once over a {@link Store}. The
 * store keeps objects and writer locks; this class adds the access and deletion checks, argument
 * checks, the bag semantics (a key's values as an {@code Object[]} in insertion order, never
 * written after publication), stats, traversal and the storage hooks of select. Set-only and
 * bag-only operations are in {@link SetStoreTable} and {@link BagStoreTable}.
 *
 * <p>A single-key write holds the key's writer lock from its first read of the key to its store,
 * and re-checks deletion and ownership under it: a write either completes before the table is
 * deleted or handed over (which take every writer lock), or fails.
 */
public abstract class StoreTable<K, V> extends SelectableTable<K, V> {

  protected final Store store;
  private final boolean bag;
  private final boolean duplicates;
  private final Comparator<Object> order; // null: keys compare with equals

  protected StoreTable(TableOptions options, Store store) {
    super(options);
    this.store = store;
    this.bag = options.type() == TableType.BAG || options.type() == TableType.DUPLICATE_BAG;
    this.duplicates = options.type() == TableType.DUPLICATE_BAG;
    this.order = store.keyOrder();
  }

  // ---- checks ----

  final BadArgumentException keyError(String operation, Object key, KeyOrderException e) {
    return new BadArgumentException(
        name(),
        operation
            + ": key "
            + key
            + " cannot be ordered by the table's comparator: "
            + e.getCause(),
        e.getCause());
  }

  /** Rejects a null key, or one the table's order cannot compare. */
  protected final K checkKey(K key, String operation) {
    requireArgument(key, "key", operation);
    if (order != null) {
      try {
        order.compare(key, key);
      } catch (KeyOrderException e) {
        throw keyError(operation, key, e);
      }
    }
    return key;
  }

  protected final V requireValue(V value, String operation) {
    return requireArgument(value, "value", operation);
  }

  // ---- stored values ----

  @SuppressWarnings("unchecked")
  final List<V> valuesOf(StoredObject objects) {
    if (objects == null) {
      return List.of();
    }
    return bag ? new ValueList<>((Object[]) objects.value) : List.of((V) objects.value);
  }

  final long countOf(Object stored) {
    return stored == null ? 0 : bag ? ((Object[]) stored).length : 1;
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
    Object[] values = (Object[]) present.value;
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
      store.putLocked(
          lock,
          storedKey,
          stored,
          countOf(stored) - (present == null ? 0 : countOf(present.value)));
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
  }

  @Override
  public final void insert(K key, V value) {
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

  @Override
  public final boolean delete(K key) {
    return !removeKey(key, "delete").isEmpty();
  }

  @Override
  public final List<V> take(K key) {
    return removeKey(key, "take");
  }

  private List<V> removeKey(K key, String operation) {
    Owner writer = checkWrite(operation);
    checkKey(key, operation);
    StoredObject present;
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      present = findLocked(lock, key, operation);
      if (present == null) {
        return List.of();
      }
      putLocked(lock, key, present, null, operation);
    } finally {
      store.unlock(lock);
    }
    countDelete();
    return valuesOf(present);
  }

  @Override
  public final boolean deleteObject(K key, V value) {
    Owner writer = checkWrite("deleteObject");
    checkKey(key, "deleteObject");
    requireValue(value, "deleteObject");
    boolean removed = deleteObjectsIf(key, writer, (k, v) -> v.equals(value), "deleteObject") > 0;
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
  final long deleteObjectsIf(
      K key, Owner writer, BiPredicate<? super K, ? super V> test, String operation) {
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      StoredObject present = findLocked(lock, key, operation);
      if (present == null) {
        return 0;
      }
      if (!bag) {
        if (!test.test((K) present.key, (V) present.value)) {
          return 0;
        }
        putLocked(lock, key, present, null, operation);
        return 1;
      }
      Object[] values = (Object[]) present.value;
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
  final long deleteObjectsIf(K key, BiPredicate<? super K, ? super V> test, String operation) {
    return deleteObjectsIf(key, checkWrite(operation), test, operation);
  }

  @Override
  final boolean replaceIfUnchanged(K key, V expected, V replacement, String operation) {
    Owner writer = checkWrite(operation);
    Object lock = lockKey(key, operation);
    try {
      checkWriteLocked(operation, writer);
      StoredObject present = findLocked(lock, key, operation);
      if (present == null || !present.value.equals(expected)) {
        return false;
      }
      putLocked(lock, key, present, replacement, operation);
      return true;
    } finally {
      store.unlock(lock);
    }
  }

  // ---- multi-object writes ----

  @Override
  public final void insertAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    Owner writer = checkWrite("insertAll");
    Object[][] batch = BatchObjects.checked(this, objects, order, "insertAll");
    writeBatch(batch, false, writer, "insertAll");
    countInserts(batch[0].length);
  }

  @Override
  public final boolean insertNewAll(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    Owner writer = checkWrite("insertNewAll");
    Object[][] batch = BatchObjects.checked(this, objects, order, "insertNewAll");
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
            return countOf(merged) - (present == null ? 0 : countOf(present.value));
          }
        };
    try {
      return store.writeAll(keys, merge, onlyNew, () -> checkWriteLocked(operation, writer));
    } catch (KeyOrderException e) {
      throw keyError(operation, e.key() != null ? e.key() : keys[0], e);
    }
  }

  @Override
  public final void deleteAllObjects() {
    Owner writer = checkWrite("deleteAllObjects");
    store.clear(() -> checkWriteLocked("deleteAllObjects", writer));
  }

  // ---- reads ----

  /** The objects under {@code key}, counted as a lookup; lock-free. */
  final StoredObject read(K key, String operation) {
    checkRead(operation);
    checkKey(key, operation);
    StoredObject objects;
    try {
      objects = store.find(key);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
    if (objects == null && isDeleted()) {
      // The table was deleted while this read ran: its storage may already be cleared, so an
      // absent key proves nothing. Report the deletion rather than a miss that never happened.
      throw new TableDeletedException(name(), operation);
    }
    countLookup(objects != null);
    return objects;
  }

  @Override
  public final List<V> lookup(K key) {
    return valuesOf(read(key, "lookup"));
  }

  @Override
  public final boolean member(K key) {
    return read(key, "member") != null;
  }

  @Override
  public final long size() {
    checkRead("size");
    return store.objects();
  }

  // ---- traversal ----

  private StoredObject step(K key, boolean forward, String operation) {
    checkRead(operation);
    if (key != null) {
      checkKey(key, operation);
    }
    try {
      return store.step(key, forward);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
  }

  @SuppressWarnings("unchecked")
  private K keyOf(StoredObject objects) {
    return objects == null ? null : (K) objects.key;
  }

  private Map.Entry<K, List<V>> entryOf(StoredObject objects) {
    return objects == null ? null : Map.entry(keyOf(objects), valuesOf(objects));
  }

  @Override
  public final K first() {
    return keyOf(step(null, true, "first"));
  }

  @Override
  public final K next(K key) {
    return keyOf(step(requireArgument(key, "key", "next"), true, "next"));
  }

  @Override
  public final K last() {
    return keyOf(step(null, false, "last"));
  }

  @Override
  public final K prev(K key) {
    return keyOf(step(requireArgument(key, "key", "prev"), false, "prev"));
  }

  @Override
  public final Map.Entry<K, List<V>> firstLookup() {
    return entryOf(step(null, true, "firstLookup"));
  }

  @Override
  public final Map.Entry<K, List<V>> nextLookup(K key) {
    return entryOf(step(requireArgument(key, "key", "nextLookup"), true, "nextLookup"));
  }

  @Override
  public final Map.Entry<K, List<V>> lastLookup() {
    return entryOf(step(null, false, "lastLookup"));
  }

  @Override
  public final Map.Entry<K, List<V>> prevLookup(K key) {
    return entryOf(step(requireArgument(key, "key", "prevLookup"), false, "prevLookup"));
  }

  @SuppressWarnings("unchecked")
  private <A> A fold(
      A initial, ObjectFolder<? super K, ? super V, A> folder, boolean reverse, String operation) {
    checkRead(operation);
    requireArgument(folder, "folder", operation);
    Object[] accumulator = {initial};
    scan(
        operation,
        null,
        reverse,
        false,
        null,
        (key, value) -> {
          accumulator[0] = folder.apply(key, value, (A) accumulator[0]);
          return true;
        });
    return (A) accumulator[0];
  }

  @Override
  public final <A> A foldl(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    return fold(initial, folder, false, "foldl");
  }

  @Override
  public final <A> A foldr(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    return fold(initial, folder, true, "foldr");
  }

  @Override
  public final List<Map.Entry<K, V>> toList() {
    List<Map.Entry<K, V>> objects = new ArrayList<>();
    return fold(
        objects,
        (key, value, list) -> {
          list.add(Map.entry(key, value));
          return list;
        },
        false,
        "toList");
  }

  // ---- select hooks ----

  /**
   * A spec whose clauses all have exact keys is one lookup per key; any other spec is the store's
   * scan, which an ordered store narrows to the spec's key range.
   */
  @Override
  final boolean scan(
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor) {
    List<Object> exact = spec == null ? null : MatchEvaluation.exactKeys(spec);
    if (exact != null) {
      int start = resume ? exact.indexOf(after) + 1 : 0;
      for (int i = start; i < exact.size(); i++) {
        StoredObject objects = store.find(exact.get(i));
        if (objects != null && !visitObjects(objects, visitor)) {
          return i == exact.size() - 1;
        }
      }
      return true;
    }
    return store.scan(spec, reverse, resume, after, objects -> visitObjects(objects, visitor));
  }

  /** Visits every object under one key; false if the visitor asked to stop. */
  @SuppressWarnings("unchecked")
  private boolean visitObjects(StoredObject objects, ObjectVisitor<K, V> visitor) {
    K key = (K) objects.key;
    if (!bag) {
      return visitor.visit(key, (V) objects.value);
    }
    boolean more = true;
    for (Object value : (Object[]) objects.value) {
      more &= visitor.visit(key, (V) value);
    }
    return more;
  }

  @Override
  final Comparator<Object> keyOrder() {
    return order;
  }

  // ---- lifecycle hooks ----

  @Override
  protected final void lockAllWriters() {
    store.lockAll();
  }

  @Override
  protected final void unlockAllWriters() {
    store.unlockAll();
  }

  @Override
  protected void dropStorage() {
    store.dropLocked();
  }

  @Override
  protected final int lockStripes() {
    return store.lockCount();
  }

  @Override
  protected final long memoryBytes() {
    return store.memoryBytes();
  }
}
