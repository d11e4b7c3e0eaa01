package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.MatchSpec;
import io.jets.table.ObjectFolder;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.internal.select.MatchEvaluation;
import io.jets.table.internal.select.SelectableTable;
import io.jets.table.spi.KeyOrderException;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The table facade over a {@link Store}, read side: argument and key checks, a key's stored values
 * as a list (in a bag an {@code Object[]} in insertion order, never written after publication),
 * lookups, traversal, folds and the scan under select. The writes are in {@link
 * WritableStoreTable}, the set-only and bag-only operations in {@link SetStoreTable} and {@link
 * BagStoreTable}: every operation of every table type is written once, for every engine.
 */
public abstract class StoreTable<K, V> extends SelectableTable<K, V> {

  protected final Store store;
  final boolean bag;
  final boolean duplicates;
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

  /** The objects of one key, each with the key as stored. */
  @SuppressWarnings("unchecked")
  final List<Map.Entry<K, V>> objectsOf(StoredObject objects) {
    if (objects == null) {
      return List.of();
    }
    K stored = (K) objects.key;
    Object value = objects.laValue(); // once: a writer may replace it in place
    if (!bag) {
      return List.of(Map.entry(stored, (V) value));
    }
    Object[] values = (Object[]) value;
    List<Map.Entry<K, V>> list = new ArrayList<>(values.length);
    for (Object v : values) {
      list.add(Map.entry(stored, (V) v));
    }
    return Collections.unmodifiableList(list);
  }

  @SuppressWarnings("unchecked")
  final List<V> valuesOf(StoredObject objects) {
    if (objects == null) {
      return List.of();
    }
    return bag ? new ValueList<>((Object[]) objects.laValue()) : List.of((V) objects.laValue());
  }

  final long countOf(Object stored) {
    return stored == null ? 0 : bag ? ((Object[]) stored).length : 1;
  }

  /**
   * The objects {@code present} holds (0 for null), as {@link #countOf} of its value; a set's key
   * holds one without its value being read, so a write need not touch the object a store built for
   * its lookup, which the compiler can then drop.
   */
  final long countOfPresent(StoredObject present) {
    return present == null ? 0 : bag ? countOf(present.laValue()) : 1;
  }

  // ---- reads ----

  /** The objects under {@code key}, counted as a lookup; lock-free. */
  protected final StoredObject read(K key, String operation) {
    StoredObject objects = readUncounted(key, operation);
    lookedUp(objects);
    return objects;
  }

  /** As {@link #read}, counting nothing: for a caller that counts the read itself. */
  protected final StoredObject readUncounted(K key, String operation) {
    checkReadAccess(operation);
    try {
      checkKey(key, operation);
    } catch (BadArgumentException e) {
      if (isDeleted()) {
        throw new TableDeletedException(name(), operation); // deletion first, as checkRead says
      }
      throw e;
    }
    StoredObject objects;
    try {
      objects = store.find(key);
    } catch (KeyOrderException e) {
      throw keyError(operation, key, e);
    }
    if (objects == null && isDeleted()) {
      // The table was deleted before or while this read ran: its store finds nothing once
      // dropped, so a hit proves the table was live when the read took effect, and only a miss
      // needs the flag. Report the deletion rather than a miss that never happened.
      throw new TableDeletedException(name(), operation);
    }
    return objects;
  }

  /** Counts a read of one key that found {@code objects} (null: a miss); a cache records more. */
  protected void lookedUp(StoredObject objects) {
    countLookup(objects != null);
  }

  @Override
  public final List<V> lookup(K key) {
    return valuesOf(read(key, "lookup"));
  }

  @Override
  public final List<Map.Entry<K, V>> lookupObjects(K key) {
    return objectsOf(read(key, "lookupObjects"));
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

  @Override
  protected final long objectCount() {
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

  @Override
  public final List<Map.Entry<K, V>> slot(long index) {
    checkRead("slot");
    if (index < 0) {
      throw new BadArgumentException(name(), "slot: index " + index + " is negative");
    }
    List<Map.Entry<K, V>> objects = new ArrayList<>();
    long slots =
        store.slot(
            index,
            stored -> {
              objects.addAll(objectsOf(stored));
              return true;
            });
    if (isDeleted()) {
      throw new TableDeletedException(name(), "slot"); // a dropped store reads as empty
    }
    if (index < slots) {
      return Collections.unmodifiableList(objects);
    } else if (index == slots) {
      return null; // end of table
    }
    throw new BadArgumentException(
        name(), "slot: index " + index + " is past the end of table, at slot " + slots);
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
   * A spec whose clauses all have exact keys is one lookup per key (on an ordered store in the
   * walk's order, and a page resumes past the stored key it ended on by that order, which a
   * clause's key may equal by it and not by {@code equals}); any other spec is the store's scan,
   * which an ordered store narrows to the spec's key range.
   */
  @Override
  @SuppressWarnings("unchecked")
  protected final boolean scan(
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor) {
    Comparator<Object> order = store.keyOrder();
    List<Object> exact = spec == null ? null : MatchEvaluation.exactKeys(spec, order, reverse);
    if (exact != null) {
      int start = resume ? exactKeysPast(exact, after, order, reverse) : 0;
      for (int i = start; i < exact.size(); i++) {
        StoredObject objects = store.find(exact.get(i));
        if (objects != null && !visitObjects(objects, visitor)) {
          return i == exact.size() - 1;
        }
      }
      return true;
    }
    // A set's visitor is a call small enough to inline into the store's walk, per object, and
    // takes a store's run of objects whole.
    Store.Visitor perObject =
        bag
            ? objects -> visitObjects(objects, visitor)
            : new Store.Visitor() {
              @Override
              public boolean visit(StoredObject objects) {
                return visitor.visit((K) objects.key, (V) objects.laValue());
              }

              @Override
              public boolean visitPair(Object key, Object value) {
                return visitor.visit((K) key, (V) value);
              }

              @Override
              public int visitRun(Store.Run run, long word, int from, int to) {
                return visitor.visitSetRun(run, word, from, to);
              }

              @Override
              public int visitRunReversed(Store.Run run, long word, int from, int to) {
                return visitor.visitSetRunReversed(run, word, from, to);
              }
            };
    return store.scan(spec, reverse, resume, after, perObject);
  }

  /**
   * The index of the first of {@code exact} (listed as {@link MatchEvaluation#exactKeys} lists
   * them) that a walk meets after {@code after}: found by the key order if there is one, else by
   * {@code equals}.
   */
  private static int exactKeysPast(
      List<Object> exact, Object after, Comparator<Object> order, boolean reverse) {
    if (order == null) {
      return exact.indexOf(after) + 1;
    }
    for (int i = 0; i < exact.size(); i++) {
      int c = order.compare(exact.get(i), after);
      if (reverse ? c < 0 : c > 0) {
        return i;
      }
    }
    return exact.size();
  }

  @Override
  protected final boolean scanMatchesKeys(MatchSpec<?, ?, ?> spec) {
    return store.scanWalksKeyRange() && MatchEvaluation.keysMatchedByWalk(spec);
  }

  /** What the store counts without visiting (an ordered store: a bare key range), or -1. */
  @Override
  protected final long countWhole(MatchSpec<?, ?, ?> spec) {
    return store.count(spec);
  }

  /** Visits every object under one key; false if the visitor asked to stop. */
  @SuppressWarnings("unchecked")
  private boolean visitObjects(StoredObject objects, ObjectVisitor<K, V> visitor) {
    K key = (K) objects.key;
    if (!bag) {
      return visitor.visit(key, (V) objects.laValue());
    }
    boolean more = true;
    for (Object value : (Object[]) objects.laValue()) {
      more &= visitor.visit(key, (V) value);
    }
    return more;
  }

  @Override
  protected final Comparator<Object> keyOrder() {
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
