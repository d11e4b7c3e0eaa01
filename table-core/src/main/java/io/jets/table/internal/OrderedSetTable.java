package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.MatchSpec;
import io.jets.table.MissingKeyException;
import io.jets.table.ObjectFolder;
import io.jets.table.OrderedTable;
import io.jets.table.TableDeletedException;
import io.jets.table.WriteConcurrency;
import io.jets.table.internal.ContentionAdaptingTree.BaseNode;
import io.jets.table.internal.MatchEvaluation.KeyRange;
import io.jets.table.internal.PersistentSortedTree.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * An {@code ordered_set} table on a {@link ContentionAdaptingTree}: one base that never adapts with
 * writeConcurrency {@code OFF}, splitting and joining bases with {@code ON} and {@code AUTO}.
 *
 * <p>Every key is checked against the comparator before anything changes; a comparator failure
 * anywhere in an operation is reported as a {@link BadArgumentException} naming the key, and, since
 * a writer publishes a new version only once it is fully built, the table is unchanged.
 */
public final class OrderedSetTable<K, V> extends SelectableTable<K, V>
    implements OrderedTable<K, V> {

  private final Comparator<? super K> comparator;
  private final ContentionAdaptingTree tree;
  private final Comparator<Object> order;

  @SuppressWarnings("unchecked")
  private OrderedSetTable(TableOptions options, Comparator<? super K> comparator) {
    super(options);
    this.comparator = comparator;
    Comparator<Object> keyOrder =
        comparator != null
            ? (Comparator<Object>) comparator
            : (a, b) -> ((Comparable<Object>) a).compareTo(b);
    this.tree =
        new ContentionAdaptingTree(
            keyOrder,
            options.writeConcurrency() != WriteConcurrency.OFF,
            options.decentralizedCounters(),
            options.readConcurrency());
    this.order = tree.order();
  }

  /** Creates, registers and returns a new ordered set; a null comparator means natural order. */
  public static <K, V> OrderedSetTable<K, V> create(
      TableOptions options, Comparator<? super K> comparator) {
    OrderedSetTable<K, V> table = new OrderedSetTable<>(options, comparator);
    table.open();
    return table;
  }

  /** The tree, for tests of its adaptation. */
  ContentionAdaptingTree tree() {
    return tree;
  }

  // ---- key checks ----

  private BadArgumentException keyError(String operation, Object key, KeyOrderException e) {
    return new BadArgumentException(
        name(),
        operation
            + ": key "
            + key
            + " cannot be ordered by the table's comparator: "
            + e.getCause(),
        e.getCause());
  }

  /** Rejects a null key or one the comparator cannot order. */
  private K checkKey(K key, String operation) {
    requireArgument(key, "key", operation);
    try {
      order.compare(key, key);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
    return key;
  }

  // ---- single-key writes ----

  /** A change to the object under one key, made while its base is locked. */
  @FunctionalInterface
  private interface LockedChange<T> {
    /** Returns the operation's result; publishes through {@code tree.publish} if it changes. */
    T apply(BaseNode base, Node data, Node current);
  }

  private <T> T withBase(K key, String operation, LockedChange<T> change) {
    BaseNode base;
    try {
      base = tree.lockBase(key);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
    try {
      checkNotDeletedLocked(operation);
      Node data = ContentionAdaptingTree.dataLocked(base);
      return change.apply(base, data, PersistentSortedTree.find(data, key, order));
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    } finally {
      tree.unlockBase(base);
    }
  }

  private void store(BaseNode base, Node data, Node current, Object key, Object value) {
    tree.publish(base, PersistentSortedTree.put(data, key, value, order), current == null ? 1 : 0);
  }

  private void remove(BaseNode base, Node data, Node current) {
    tree.publish(base, PersistentSortedTree.remove(data, current.key, order), -1);
  }

  @Override
  public void insert(K key, V value) {
    checkWrite("insert");
    checkKey(key, "insert");
    requireArgument(value, "value", "insert");
    withBase(
        key,
        "insert",
        (base, data, current) -> {
          store(base, data, current, key, value);
          return null;
        });
    countInserts(1);
  }

  @Override
  public boolean insertNew(K key, V value) {
    checkWrite("insertNew");
    checkKey(key, "insertNew");
    requireArgument(value, "value", "insertNew");
    boolean inserted =
        withBase(
            key,
            "insertNew",
            (base, data, current) -> {
              if (current != null) {
                return false;
              }
              store(base, data, null, key, value);
              return true;
            });
    if (inserted) {
      countInserts(1);
    }
    return inserted;
  }

  @Override
  public boolean delete(K key) {
    checkWrite("delete");
    checkKey(key, "delete");
    boolean removed =
        withBase(
            key,
            "delete",
            (base, data, current) -> {
              if (current == null) {
                return false;
              }
              remove(base, data, current);
              return true;
            });
    if (removed) {
      countDelete();
    }
    return removed;
  }

  @Override
  public boolean deleteObject(K key, V value) {
    checkWrite("deleteObject");
    checkKey(key, "deleteObject");
    requireArgument(value, "value", "deleteObject");
    boolean removed =
        withBase(
            key,
            "deleteObject",
            (base, data, current) -> {
              if (current == null || !current.value.equals(value)) {
                return false;
              }
              remove(base, data, current);
              return true;
            });
    if (removed) {
      countDelete();
    }
    return removed;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<V> take(K key) {
    checkWrite("take");
    checkKey(key, "take");
    List<V> taken =
        withBase(
            key,
            "take",
            (base, data, current) -> {
              if (current == null) {
                return List.<V>of();
              }
              remove(base, data, current);
              return List.of((V) current.value);
            });
    if (!taken.isEmpty()) {
      countDelete();
    }
    return taken;
  }

  // ---- multi-object writes ----

  @SuppressWarnings("unchecked")
  private boolean writeBatch(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects,
      boolean onlyNew,
      String operation) {
    requireArgument(objects, "object collection", operation);
    Object[] entries = objects.toArray();
    Object[] keys = new Object[entries.length];
    Object[] values = new Object[entries.length];
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
      keys[i] = checkKey(entry.getKey(), operation);
      values[i] = entry.getValue();
    }
    if (keys.length == 0) {
      return true;
    }
    try {
      return tree.putAll(keys, values, onlyNew, () -> checkNotDeletedLocked(operation));
    } catch (KeyOrderException e) {
      throw keyError(operation, e.key() != null ? e.key() : keys[0], e);
    }
  }

  @Override
  public void insertAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertAll");
    writeBatch(objects, false, "insertAll");
    countInserts(objects.size());
  }

  @Override
  public boolean insertNewAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertNewAll");
    boolean inserted = writeBatch(objects, true, "insertNewAll");
    if (inserted) {
      countInserts(objects.size());
    }
    return inserted;
  }

  @Override
  public void deleteAllObjects() {
    checkWrite("deleteAllObjects");
    tree.lockAll();
    try {
      checkNotDeletedLocked("deleteAllObjects");
      dropStorage();
    } finally {
      tree.unlockAll();
    }
  }

  // ---- reads ----

  private Node read(K key, String operation) {
    checkRead(operation);
    checkKey(key, operation);
    Node node;
    try {
      node = tree.find(key);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
    if (node == null && isDeleted()) {
      throw new TableDeletedException(name(), operation); // cleared under us: not a real miss
    }
    countLookup(node != null);
    return node;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<V> lookup(K key) {
    Node node = read(key, "lookup");
    return node == null ? List.of() : List.of((V) node.value);
  }

  @Override
  public boolean member(K key) {
    return read(key, "member") != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(K key) {
    Node node = read(key, "get");
    return node == null ? null : (V) node.value;
  }

  @Override
  public long size() {
    checkRead("size");
    return tree.objects();
  }

  @Override
  public Comparator<? super K> comparator() {
    return comparator;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map.Entry<K, V> slot(long index) {
    checkRead("slot");
    if (index < 0) {
      throw new BadArgumentException(name(), "slot: index " + index + " is negative");
    }
    Node node = OrderedTraversal.nodeAt(tree, index);
    return node == null ? null : Map.entry((K) node.key, (V) node.value);
  }

  // ---- counters and updates ----

  private long updateCounter(K key, CounterOp op, V defaultValue, String operation) {
    checkWrite(operation);
    checkKey(key, operation);
    if (defaultValue != null) {
      CounterValues.read(
          name(), defaultValue, key, operation); // a bad default is rejected even when unused
    }
    return withBase(
        key,
        operation,
        (base, data, current) -> {
          Object value = current != null ? current.value : defaultValue;
          if (value == null) {
            throw new MissingKeyException(name(), operation, key);
          }
          long result =
              CounterValues.apply(
                  name(), op, CounterValues.read(name(), value, key, operation), key, operation);
          store(
              base,
              data,
              current,
              current != null ? current.key : key,
              CounterValues.boxLike(name(), value, result, key, operation));
          return result;
        });
  }

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

  @Override
  public long[] updateCounter(K key, List<CounterOp> ops) {
    checkWrite("updateCounter");
    checkKey(key, "updateCounter");
    requireArgument(ops, "operation list", "updateCounter");
    CounterOp[] steps = ops.toArray(new CounterOp[0]);
    for (CounterOp step : steps) {
      requireArgument(step, "counter operation", "updateCounter");
    }
    return withBase(
        key,
        "updateCounter",
        (base, data, current) -> {
          if (current == null) {
            throw new MissingKeyException(name(), "updateCounter", key);
          }
          long value = CounterValues.read(name(), current.value, key, "updateCounter");
          long[] results = new long[steps.length];
          for (int i = 0; i < steps.length; i++) {
            value = CounterValues.apply(name(), steps[i], value, key, "updateCounter");
            results[i] = value;
          }
          if (steps.length > 0) {
            store(
                base,
                data,
                current,
                current.key,
                CounterValues.boxLike(name(), current.value, value, key, "updateCounter"));
          }
          return results;
        });
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean update(K key, UnaryOperator<V> function) {
    checkWrite("update");
    checkKey(key, "update");
    requireArgument(function, "function", "update");
    return withBase(
        key,
        "update",
        (base, data, current) -> {
          if (current == null) {
            return false;
          }
          V updated = function.apply((V) current.value);
          if (updated == null) {
            throw new BadArgumentException(
                name(), "update: the function returned null for key " + key);
          }
          store(base, data, current, current.key, updated);
          return true;
        });
  }

  @Override
  @SuppressWarnings("unchecked")
  public V update(K key, UnaryOperator<V> function, V defaultValue) {
    checkWrite("update");
    checkKey(key, "update");
    requireArgument(function, "function", "update");
    requireArgument(defaultValue, "default value", "update");
    return withBase(
        key,
        "update",
        (base, data, current) -> {
          V updated = function.apply(current == null ? defaultValue : (V) current.value);
          if (updated == null) {
            throw new BadArgumentException(
                name(), "update: the function returned null for key " + key);
          }
          store(base, data, current, current != null ? current.key : key, updated);
          return updated;
        });
  }

  // ---- traversal ----

  private Node step(K key, boolean forward, String operation) {
    checkRead(operation);
    if (key != null) {
      checkKey(key, operation);
    }
    try {
      return OrderedTraversal.step(tree, key, forward);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
  }

  @SuppressWarnings("unchecked")
  private K keyOf(Node node) {
    return node == null ? null : (K) node.key;
  }

  @SuppressWarnings("unchecked")
  private Map.Entry<K, List<V>> entryOf(Node node) {
    return node == null ? null : Map.entry((K) node.key, List.of((V) node.value));
  }

  @Override
  public K first() {
    return keyOf(step(null, true, "first"));
  }

  @Override
  public K next(K key) {
    return keyOf(step(requireArgument(key, "key", "next"), true, "next"));
  }

  @Override
  public K last() {
    return keyOf(step(null, false, "last"));
  }

  @Override
  public K prev(K key) {
    return keyOf(step(requireArgument(key, "key", "prev"), false, "prev"));
  }

  @Override
  public Map.Entry<K, List<V>> firstLookup() {
    return entryOf(step(null, true, "firstLookup"));
  }

  @Override
  public Map.Entry<K, List<V>> nextLookup(K key) {
    return entryOf(step(requireArgument(key, "key", "nextLookup"), true, "nextLookup"));
  }

  @Override
  public Map.Entry<K, List<V>> lastLookup() {
    return entryOf(step(null, false, "lastLookup"));
  }

  @Override
  public Map.Entry<K, List<V>> prevLookup(K key) {
    return entryOf(step(requireArgument(key, "key", "prevLookup"), false, "prevLookup"));
  }

  @SuppressWarnings("unchecked")
  private <A> A fold(
      A initial, ObjectFolder<? super K, ? super V, A> folder, boolean reverse, String operation) {
    checkRead(operation);
    requireArgument(folder, "folder", operation);
    Object[] accumulator = {initial};
    OrderedTraversal.walk(
        tree,
        KeyRange.ALL,
        reverse,
        false,
        null,
        node -> {
          accumulator[0] = folder.apply((K) node.key, (V) node.value, (A) accumulator[0]);
          return true;
        });
    return (A) accumulator[0];
  }

  @Override
  public <A> A foldl(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    return fold(initial, folder, false, "foldl");
  }

  @Override
  public <A> A foldr(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    return fold(initial, folder, true, "foldr");
  }

  @Override
  public List<Map.Entry<K, V>> toList() {
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
   * Visits only the key interval the spec's clauses can match (see MatchEvaluation.keyRange); a
   * bound the comparator cannot order surfaces as KeyOrderException, which the caller names.
   */
  @Override
  @SuppressWarnings("unchecked")
  boolean scan(
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor) {
    KeyRange range = MatchEvaluation.keyRange(spec, order, comparator == null);
    return OrderedTraversal.walk(
        tree, range, reverse, resume, after, node -> visitor.visit((K) node.key, (V) node.value));
  }

  @Override
  @SuppressWarnings("unchecked")
  long deleteObjectsIf(K key, BiPredicate<? super K, ? super V> test, String operation) {
    return withBase(
        key,
        operation,
        (base, data, current) -> {
          if (current == null || !test.test((K) current.key, (V) current.value)) {
            return 0L;
          }
          remove(base, data, current);
          return 1L;
        });
  }

  @Override
  boolean replaceIfUnchanged(K key, V expected, V replacement, String operation) {
    return withBase(
        key,
        operation,
        (base, data, current) -> {
          if (current == null || !current.value.equals(expected)) {
            return false;
          }
          tree.publish(base, PersistentSortedTree.put(data, current.key, replacement, order), 0);
          return true;
        });
  }

  @Override
  Comparator<Object> keyOrder() {
    return order;
  }

  // ---- storage hooks ----

  @Override
  protected void lockAllWriters() {
    tree.lockAll();
  }

  @Override
  protected void unlockAllWriters() {
    tree.unlockAll();
  }

  @Override
  protected void dropStorage() {
    if (tree.snapshotPublication()) {
      tree.clearLocked(); // publishes an empty tree; readers never wait on it
      return;
    }
    tree.writeBegin();
    try {
      tree.clearLocked();
    } finally {
      tree.writeEnd();
    }
  }

  @Override
  protected int lockStripes() {
    return tree.baseCount();
  }

  @Override
  protected long memoryBytes() {
    // A tree node is a 12-byte header, four references and two ints (40 bytes aligned); a base
    // node with its lock about 96 bytes; a route node 32.
    int bases = tree.baseCount();
    return 64L + 40L * tree.objects() + 96L * bases + 32L * (bases - 1);
  }
}
