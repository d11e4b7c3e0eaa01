package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.MatchSpec;
import io.jets.table.ObjectFolder;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.internal.BucketChain.Node;
import io.jets.table.internal.StripedHashTable.Stripe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The operations shared by {@code set}, {@code bag} and {@code duplicate_bag} hash tables, on a
 * {@link StripedHashTable}.
 *
 * <p>In a set a node's value is the object's value; in a bag it is an {@code Object[]} of the
 * values under the key, in insertion order, never written after publication.
 */
abstract class HashTable<K, V> extends SelectableTable<K, V> {

  /** ETS's lock count for write_concurrency hash tables (DB_HASH_LOCK_CNT): 64. */
  static final int CONCURRENT_STRIPE_BITS = 6;

  /** AUTO starts with one lock, as cheap as OFF until contention shows. */
  static final int AUTO_MIN_STRIPE_BITS = 0;

  /** AUTO may reach 256 locks: four times ETS's fixed count, for many-core machines. */
  static final int AUTO_MAX_STRIPE_BITS = 8;

  final StripedHashTable store;
  private final boolean bag;
  private final boolean duplicates;

  HashTable(TableOptions options) {
    super(options);
    this.bag = options.type() == TableType.BAG || options.type() == TableType.DUPLICATE_BAG;
    this.duplicates = options.type() == TableType.DUPLICATE_BAG;
    this.store = newStore(options);
  }

  static StripedHashTable newStore(TableOptions options) {
    boolean central = !options.decentralizedCounters();
    boolean snapshots = options.readConcurrency();
    return switch (options.writeConcurrency()) {
      case OFF -> new StripedHashTable(0, 0, 0, false, snapshots);
      case ON ->
          new StripedHashTable(
              CONCURRENT_STRIPE_BITS,
              CONCURRENT_STRIPE_BITS,
              CONCURRENT_STRIPE_BITS,
              central,
              snapshots);
      case AUTO ->
          new StripedHashTable(
              AUTO_MIN_STRIPE_BITS, AUTO_MIN_STRIPE_BITS, AUTO_MAX_STRIPE_BITS, central, snapshots);
    };
  }

  // ---- helpers ----

  final K requireKey(K key, String operation) {
    return requireArgument(key, "key", operation);
  }

  final V requireValue(V value, String operation) {
    return requireArgument(value, "value", operation);
  }

  /** The node for {@code key}, read consistently with multi-object writes. Lock-free. */
  final Node read(K key, int hash) {
    Node node = store.findConsistent(key, hash);
    if (node == null && isDeleted()) {
      // The table was deleted while this read ran: its storage may already be cleared, so an
      // absent key proves nothing. Report the deletion rather than a miss that never happened.
      throw new TableDeletedException(name(), "lookup");
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  final List<V> valuesOf(Node node) {
    if (node == null) {
      return List.of();
    }
    return bag ? new ValueList<>((Object[]) node.value) : List.of((V) node.value);
  }

  private static int count(Node node, boolean bag) {
    return node == null ? 0 : bag ? ((Object[]) node.value).length : 1;
  }

  /**
   * The value to store after inserting {@code value} under a key whose node is {@code node}, or
   * null if the insert changes nothing (an equal object already in a bag).
   */
  private Object inserted(Node node, V value) {
    if (!bag) {
      return value;
    }
    if (node == null) {
      return new Object[] {value};
    }
    Object[] present = (Object[]) node.value;
    if (!duplicates) {
      for (Object v : present) {
        if (v.equals(value)) {
          return null;
        }
      }
    }
    Object[] grown = Arrays.copyOf(present, present.length + 1);
    grown[present.length] = value;
    return grown;
  }

  /** Inserts under a held stripe. */
  private void insertLocked(Stripe stripe, int hash, K key, V value) {
    Node node = store.findLocked(key, hash);
    Object stored = inserted(node, value);
    if (stored != null) {
      store.putLocked(stripe, hash, key, stored, node == null || bag ? 1 : 0);
    }
  }

  // ---- writes ----

  @Override
  public final void insert(K key, V value) {
    checkWrite("insert");
    requireKey(key, "insert");
    requireValue(value, "insert");
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked("insert");
      insertLocked(stripe, hash, key, value);
    } finally {
      store.release(stripe);
    }
    countInserts(1);
  }

  @Override
  public final boolean insertNew(K key, V value) {
    checkWrite("insertNew");
    requireKey(key, "insertNew");
    requireValue(value, "insertNew");
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked("insertNew");
      if (store.findLocked(key, hash) != null) {
        return false;
      }
      insertLocked(stripe, hash, key, value);
    } finally {
      store.release(stripe);
    }
    countInserts(1);
    return true;
  }

  /** Keys, values and hashes of a batch, checked before anything changes. */
  private record Batch<K, V>(Object[] keys, Object[] values, int[] hashes) {}

  @SuppressWarnings("unchecked")
  private Batch<K, V> batch(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects, String operation) {
    requireArgument(objects, "object collection", operation);
    Object[] entries = objects.toArray();
    Object[] keys = new Object[entries.length];
    Object[] values = new Object[entries.length];
    int[] hashes = new int[entries.length];
    for (int i = 0; i < entries.length; i++) {
      Map.Entry<K, V> entry = (Map.Entry<K, V>) entries[i];
      if (entry == null || entry.getKey() == null || entry.getValue() == null) {
        throw new BadArgumentException(
            name(),
            operation
                + ": object "
                + i
                + " is "
                + (entry == null ? "null" : "a null key or value: " + entry));
      }
      keys[i] = entry.getKey();
      values[i] = entry.getValue();
      hashes[i] = BucketChain.mix(keys[i]);
    }
    return new Batch<>(keys, values, hashes);
  }

  @Override
  public final void insertAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertAll");
    Batch<K, V> batch = batch(objects, "insertAll");
    writeBatch(batch, false, "insertAll");
    countInserts(batch.keys().length);
  }

  @Override
  public final boolean insertNewAll(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertNewAll");
    Batch<K, V> batch = batch(objects, "insertNewAll");
    boolean inserted = writeBatch(batch, true, "insertNewAll");
    if (inserted) {
      countInserts(batch.keys().length);
    }
    return inserted;
  }

  @SuppressWarnings("unchecked")
  private boolean writeBatch(Batch<K, V> batch, boolean onlyNew, String operation) {
    if (batch.keys().length == 0) {
      return true;
    }
    StripedBatch write = store.lockMany(batch.hashes());
    try {
      checkNotDeletedLocked(operation);
      if (onlyNew) {
        for (int i = 0; i < batch.keys().length; i++) {
          if (write.find(batch.keys()[i], batch.hashes()[i]) != null) {
            write.abandon();
            return false;
          }
        }
      }
      for (int i = 0; i < batch.keys().length; i++) {
        K key = (K) batch.keys()[i];
        int hash = batch.hashes()[i];
        Node node = write.find(key, hash);
        Object stored = inserted(node, (V) batch.values()[i]);
        if (stored != null) {
          write.put(hash, key, stored, node == null || bag ? 1 : 0);
        }
      }
    } catch (RuntimeException | Error e) {
      write.commit(); // a key's equals or hashCode threw: keep what was written, release the locks
      throw e;
    }
    write.commit();
    return true;
  }

  @Override
  public final boolean delete(K key) {
    checkWrite("delete");
    requireKey(key, "delete");
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked("delete");
      Node node = store.findLocked(key, hash);
      if (node == null) {
        return false;
      }
      store.putLocked(stripe, hash, key, null, -count(node, bag));
    } finally {
      store.release(stripe);
    }
    countDelete();
    return true;
  }

  @Override
  public final boolean deleteObject(K key, V value) {
    boolean removed = removeEqualObjects(key, value);
    if (removed) {
      countDelete();
    }
    return removed;
  }

  private boolean removeEqualObjects(K key, V value) {
    checkWrite("deleteObject");
    requireKey(key, "deleteObject");
    requireValue(value, "deleteObject");
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked("deleteObject");
      Node node = store.findLocked(key, hash);
      if (node == null) {
        return false;
      }
      if (!bag) {
        if (!node.value.equals(value)) {
          return false;
        }
        store.putLocked(stripe, hash, key, null, -1);
        return true;
      }
      Object[] present = (Object[]) node.value;
      Object[] kept = new Object[present.length];
      int k = 0;
      for (Object v : present) {
        if (!v.equals(value)) {
          kept[k++] = v;
        }
      }
      if (k == present.length) {
        return false;
      }
      store.putLocked(
          stripe, hash, key, k == 0 ? null : Arrays.copyOf(kept, k), k - present.length);
      return true;
    } finally {
      store.release(stripe);
    }
  }

  @Override
  public final void deleteAllObjects() {
    checkWrite("deleteAllObjects");
    StripedBatch all = store.lockAll();
    try {
      checkNotDeletedLocked("deleteAllObjects");
      all.clear();
    } catch (TableDeletedException e) {
      all.abandon();
      throw e;
    }
    all.commit();
  }

  @Override
  public final List<V> take(K key) {
    checkWrite("take");
    requireKey(key, "take");
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    Node node;
    try {
      checkNotDeletedLocked("take");
      node = store.findLocked(key, hash);
      if (node == null) {
        return List.of();
      }
      store.putLocked(stripe, hash, key, null, -count(node, bag));
    } finally {
      store.release(stripe);
    }
    countDelete();
    return valuesOf(node);
  }

  // ---- reads ----

  @Override
  public final List<V> lookup(K key) {
    checkRead("lookup");
    requireKey(key, "lookup");
    Node node = read(key, BucketChain.mix(key));
    countLookup(node != null);
    return valuesOf(node);
  }

  @Override
  public final boolean member(K key) {
    checkRead("member");
    requireKey(key, "member");
    boolean present = read(key, BucketChain.mix(key)) != null;
    countLookup(present);
    return present;
  }

  @Override
  public final long size() {
    checkRead("size");
    return store.objects();
  }

  // ---- traversal ----

  private Node stepAfter(K key) {
    return store.firstAfterConsistent(key == null ? 0 : BucketChain.mix(key), key);
  }

  @SuppressWarnings("unchecked")
  private K keyOf(Node node) {
    return node == null ? null : (K) node.key;
  }

  private Map.Entry<K, List<V>> entryOf(Node node) {
    return node == null ? null : Map.entry(keyOf(node), valuesOf(node));
  }

  @Override
  public final K first() {
    checkRead("first");
    return keyOf(stepAfter(null));
  }

  @Override
  public final K next(K key) {
    checkRead("next");
    return keyOf(stepAfter(requireKey(key, "next")));
  }

  @Override
  public final K last() {
    checkRead("last");
    return keyOf(stepAfter(null));
  }

  @Override
  public final K prev(K key) {
    checkRead("prev");
    return keyOf(stepAfter(requireKey(key, "prev")));
  }

  @Override
  public final Map.Entry<K, List<V>> firstLookup() {
    checkRead("firstLookup");
    return entryOf(stepAfter(null));
  }

  @Override
  public final Map.Entry<K, List<V>> nextLookup(K key) {
    checkRead("nextLookup");
    return entryOf(stepAfter(requireKey(key, "nextLookup")));
  }

  @Override
  public final Map.Entry<K, List<V>> lastLookup() {
    checkRead("lastLookup");
    return entryOf(stepAfter(null));
  }

  @Override
  public final Map.Entry<K, List<V>> prevLookup(K key) {
    checkRead("prevLookup");
    return entryOf(stepAfter(requireKey(key, "prevLookup")));
  }

  @Override
  public final <A> A foldl(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    checkRead("foldl");
    requireArgument(folder, "folder", "foldl");
    Object[] accumulator = {initial};
    store.forEach(node -> fold(node, folder, accumulator));
    @SuppressWarnings("unchecked")
    A result = (A) accumulator[0];
    return result;
  }

  @SuppressWarnings("unchecked")
  private <A> void fold(
      Node node, ObjectFolder<? super K, ? super V, A> folder, Object[] accumulator) {
    K key = (K) node.key;
    if (bag) {
      for (Object value : (Object[]) node.value) {
        accumulator[0] = folder.apply(key, (V) value, (A) accumulator[0]);
      }
    } else {
      accumulator[0] = folder.apply(key, (V) node.value, (A) accumulator[0]);
    }
  }

  @Override
  public final <A> A foldr(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    checkRead("foldr");
    return foldl(initial, folder); // a hash table has no reverse order, as in ETS
  }

  @Override
  public final List<Map.Entry<K, V>> toList() {
    checkRead("toList");
    List<Map.Entry<K, V>> objects = new ArrayList<>();
    return foldl(
        objects,
        (key, value, list) -> {
          list.add(Map.entry(key, value));
          return list;
        });
  }

  // ---- select hooks ----

  /**
   * A spec whose clauses all have exact keys is one lookup per key; any other spec walks the table
   * in traversal order, one validated bucket read at a time, continuing from the last key visited
   * (so a concurrent resize or delete never makes it skip or repeat a key).
   */
  @Override
  final boolean scan(
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor) {
    List<Object> exact = MatchEvaluation.exactKeys(spec);
    if (exact != null) {
      int start = resume ? exact.indexOf(after) + 1 : 0;
      for (int i = start; i < exact.size(); i++) {
        @SuppressWarnings("unchecked")
        K key = (K) exact.get(i);
        Node node = read(key, BucketChain.mix(key));
        if (node != null && !visitNode(node, visitor)) {
          return i == exact.size() - 1;
        }
      }
      return true;
    }
    Node node = stepAfter(resume ? after : null);
    while (node != null) {
      if (!visitNode(node, visitor)) {
        return false;
      }
      // The rest of a validated chain read is consistent as of that read; at its end, step on.
      node = node.next != null ? node.next : stepAfter(keyOf(node));
    }
    return true;
  }

  /** Visits every object of {@code node}; false if the visitor asked to stop. */
  @SuppressWarnings("unchecked")
  private boolean visitNode(Node node, ObjectVisitor<K, V> visitor) {
    K key = (K) node.key;
    if (!bag) {
      return visitor.visit(key, (V) node.value);
    }
    boolean more = true;
    for (Object value : (Object[]) node.value) {
      more &= visitor.visit(key, (V) value);
    }
    return more;
  }

  @Override
  @SuppressWarnings("unchecked")
  final long deleteObjectsIf(K key, BiPredicate<? super K, ? super V> test, String operation) {
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked(operation);
      Node node = store.findLocked(key, hash);
      if (node == null) {
        return 0;
      }
      if (!bag) {
        if (!test.test((K) node.key, (V) node.value)) {
          return 0;
        }
        store.putLocked(stripe, hash, key, null, -1);
        return 1;
      }
      Object[] present = (Object[]) node.value;
      Object[] kept = new Object[present.length];
      int k = 0;
      for (Object v : present) {
        if (!test.test((K) node.key, (V) v)) {
          kept[k++] = v;
        }
      }
      if (k < present.length) {
        store.putLocked(
            stripe, hash, key, k == 0 ? null : Arrays.copyOf(kept, k), k - present.length);
      }
      return present.length - k;
    } finally {
      store.release(stripe);
    }
  }

  @Override
  final boolean replaceIfUnchanged(K key, V expected, V replacement, String operation) {
    int hash = BucketChain.mix(key);
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked(operation);
      Node node = store.findLocked(key, hash);
      if (node == null || !node.value.equals(expected)) {
        return false;
      }
      store.putLocked(stripe, hash, key, replacement, 0);
      return true;
    } finally {
      store.release(stripe);
    }
  }

  @Override
  final Comparator<Object> keyOrder() {
    return null;
  }

  // ---- storage hooks ----

  private StripedBatch deletion; // guarded by the admin lock, between the two hooks

  @Override
  protected final void lockAllWriters() {
    deletion = store.lockAll();
  }

  @Override
  protected final void unlockAllWriters() {
    StripedBatch all = deletion;
    deletion = null;
    all.commit();
  }

  @Override
  protected final void dropStorage() {
    deletion.clear();
  }

  @Override
  protected final int lockStripes() {
    return store.stripeCount();
  }

  @Override
  protected final long memoryBytes() {
    // References are 4 bytes with compressed oops; a node is a 12-byte header and four fields
    // (32 bytes aligned); a bag's value array adds a 16-byte header and 4 bytes per value.
    long keys = store.keys();
    long bytes =
        16L + 4L * store.capacity() + 32L * keys + 128L * (store.stripeCount() + store.cellCount());
    if (bag) {
      bytes += 16L * keys + 4L * store.objects();
    }
    return bytes;
  }
}
