package io.jets.offheap;

import io.jets.table.BadArgumentException;
import io.jets.table.CounterOp;
import io.jets.table.MatchSpec;
import io.jets.table.MissingKeyException;
import io.jets.table.ObjectFolder;
import io.jets.table.SetTable;
import io.jets.table.TableDeletedException;
import io.jets.table.WriteConcurrency;
import io.jets.table.internal.CounterValues;
import io.jets.table.internal.ExternalSelectableTable;
import io.jets.table.internal.TableOptions;
import io.jets.table.spi.TableSequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

/**
 * A {@code set} table whose objects live in a Chronicle Map, outside the Java heap, optionally
 * backed by a file. See {@link OffHeapTables} for the user contract.
 */
final class OffHeapSetTable<K, V> extends ExternalSelectableTable<K, V> implements SetTable<K, V> {
  /*
   * Design notes
   *
   * Storage. Keys and values are encoded by their codecs and stored as byte[] in a
   * ChronicleMap<byte[], byte[]>: Chronicle compares keys by their bytes, so the key codec must be
   * canonical. Every insert copies the object out of the heap and every read decodes a new copy,
   * as ETS does.
   *
   * Single-object atomicity. Chronicle makes each of its own operations atomic under a segment
   * lock, but a read-modify-write (updateCounter, update, insertNew, take) needs more: writers
   * take a jets writer lock first (one, or 64 stripes chosen by the key's Chronicle segment, as
   * ETS's lock count for hash tables [1]), so writers of one key are serialized and a stripe
   * never splits a segment.
   *
   * Multi-object atomicity. As in the heap table: insertAll, insertNewAll and deleteAllObjects
   * take multiWriteLock and then the stripes they touch in ascending order, and bracket their
   * stores with a sequence that goes odd, then even (a seqlock [2]). Every single-key read
   * validates the sequence and retries if a multi-object write overlapped it, so no reader sees
   * half of one. A batch that fails part-way (the map is full) restores the previous objects of
   * the keys it had written before it releases its locks.
   *
   * Reads. Unlike the heap table, a read is not free of shared writes: Chronicle takes its
   * segment read lock (a CAS in off-heap memory), and the ReaderGate counts the read in a striped
   * counter so that deletion never frees memory a reader is using. Writers do not pass the gate
   * while they hold a writer lock: deletion takes every writer lock before it closes the gate, so
   * a writer holding one cannot meet freed memory, and a writer inside the gate waiting for a
   * lock would deadlock the deleter that drains the gate.
   *
   * Traversal. See SegmentSnapshots: positions are (segment, key bytes) and never move.
   *
   * [1] erts/emulator/beam/erl_db_hash.c, DB_HASH_LOCK_CNT.
   * [2] H. Boehm. Can seqlocks get along with programming language memory models? MSPC 2012.
   */

  /** ETS's lock count for write_concurrency hash tables. */
  private static final int CONCURRENT_STRIPES = 64;

  private final ChronicleMap<byte[], byte[]> map;
  private final Codec<K> keyCodec;
  private final Codec<V> valueCodec;
  private final long entries;
  private final double maxBloatFactor;
  private final TableFileLock fileLock; // null for a table only in memory
  private final ReentrantLock[] stripes;
  private final ReentrantLock multiWriteLock = new ReentrantLock();
  private final ReaderGate gate = new ReaderGate();
  private final SegmentSnapshots order;

  private final TableSequence sequence = new TableSequence();

  private OffHeapSetTable(
      TableOptions options,
      ChronicleMap<byte[], byte[]> map,
      Codec<K> keyCodec,
      Codec<V> valueCodec,
      long entries,
      double maxBloatFactor,
      TableFileLock fileLock) {
    super(options);
    this.map = map;
    this.keyCodec = keyCodec;
    this.valueCodec = valueCodec;
    this.entries = entries;
    this.maxBloatFactor = maxBloatFactor;
    this.fileLock = fileLock;
    int count = options.writeConcurrency() == WriteConcurrency.OFF ? 1 : CONCURRENT_STRIPES;
    this.stripes = new ReentrantLock[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new ReentrantLock();
    }
    this.order = new SegmentSnapshots(map);
  }

  /** Creates and registers the table over {@code map}; closes the map and the lock on failure. */
  static <K, V> OffHeapSetTable<K, V> create(
      TableOptions options,
      ChronicleMap<byte[], byte[]> map,
      Codec<K> keyCodec,
      Codec<V> valueCodec,
      long entries,
      double maxBloatFactor,
      TableFileLock fileLock) {
    OffHeapSetTable<K, V> table =
        new OffHeapSetTable<>(
            options, map, keyCodec, valueCodec, entries, maxBloatFactor, fileLock);
    try {
      table.open();
    } catch (RuntimeException e) {
      map.close();
      if (fileLock != null) {
        fileLock.release();
      }
      throw e;
    }
    return table;
  }

  /** The key codec. */
  Codec<K> keyCodec() {
    return keyCodec;
  }

  /** The value codec. */
  Codec<V> valueCodec() {
    return valueCodec;
  }

  /** The file behind the table, if any. */
  Optional<Path> file() {
    return fileLock == null ? Optional.empty() : Optional.of(fileLock.dataFile());
  }

  long configuredEntries() {
    return entries;
  }

  // ---- encoding ----

  private byte[] encodeKey(K key, String operation) {
    requireArgument(key, "key", operation);
    try {
      return keyCodec.encode(key);
    } catch (RuntimeException e) {
      throw new BadArgumentException(
          name(),
          operation
              + ": key "
              + key
              + " cannot be encoded by "
              + keyCodec.name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private byte[] encodeValue(V value, String operation) {
    requireArgument(value, "value", operation);
    try {
      return valueCodec.encode(value);
    } catch (RuntimeException e) {
      throw new BadArgumentException(
          name(),
          operation
              + ": value "
              + value
              + " cannot be encoded by "
              + valueCodec.name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private K decodeKey(byte[] bytes) {
    return keyCodec.decode(bytes);
  }

  private V decodeValue(byte[] bytes) {
    return bytes == null ? null : valueCodec.decode(bytes);
  }

  // ---- the gate: no operation touches the map once deletion has begun to free it ----

  private <T> T guarded(String operation, Supplier<T> action) {
    if (!gate.enter()) {
      throw new TableDeletedException(name(), operation);
    }
    try {
      return action.get();
    } finally {
      gate.exit();
    }
  }

  // ---- locks and the sequence ----

  /** The Chronicle segment of an encoded key. */
  private int segmentOf(byte[] key, String operation) {
    return guarded(operation, () -> order.segmentOf(key));
  }

  private ReentrantLock stripeOf(int segment) {
    return stripes[segment % stripes.length];
  }

  private ReentrantLock lockKey(int segment, String operation) {
    ReentrantLock stripe = stripeOf(segment);
    stripe.lock();
    try {
      checkNotDeletedLocked(operation);
    } catch (RuntimeException e) {
      stripe.unlock();
      throw e;
    }
    return stripe;
  }

  /** The stored bytes under {@code key}, consistent with multi-object writes. */
  private byte[] read(byte[] key) {
    for (; ; ) {
      long stamp = sequence.readBegin();
      byte[] value = map.get(key);
      if (sequence.readValidate(stamp)) {
        return value;
      }
    }
  }

  /**
   * Stores under a held lock, turning Chronicle's "full" into an actionable error. Through a query
   * context rather than {@code map.put}, which would copy out and return the previous value that no
   * caller here needs.
   */
  private void put(byte[] key, byte[] value, String operation) {
    try (ExternalMapQueryContext<byte[], byte[], ?> context = map.queryContext(key)) {
      context.writeLock().lock();
      MapEntry<byte[], byte[]> entry = context.entry();
      if (entry != null) {
        context.replaceValue(entry, context.wrapValueAsData(value));
      } else {
        context.insert(context.absentEntry(), context.wrapValueAsData(value));
      }
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw full(operation, e);
    }
  }

  private OffHeapCapacityException full(String operation, RuntimeException cause) {
    return new OffHeapCapacityException(
        name(),
        operation
            + ": the off-heap table has no room for the object (built for "
            + entries
            + " entries, growing to at most "
            + (long) (entries * maxBloatFactor)
            + " with maxBloatFactor "
            + maxBloatFactor
            + ", holding "
            + map.longSize()
            + "): build it with larger entries(...) or maxBloatFactor(...), or averageKeySize/averageValueSize"
            + " closer to the real sizes; Chronicle said: "
            + firstLine(cause.getMessage()),
        cause);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  // ---- single-object writes ----

  @Override
  public void insert(K key, V value) {
    checkWrite("insert");
    byte[] k = encodeKey(key, "insert");
    byte[] v = encodeValue(value, "insert");
    int segment = segmentOf(k, "insert");
    ReentrantLock stripe = lockKey(segment, "insert");
    try {
      put(k, v, "insert");
      order.changed(segment);
    } finally {
      stripe.unlock();
    }
  }

  @Override
  public boolean insertNew(K key, V value) {
    checkWrite("insertNew");
    byte[] k = encodeKey(key, "insertNew");
    byte[] v = encodeValue(value, "insertNew");
    int segment = segmentOf(k, "insertNew");
    ReentrantLock stripe = lockKey(segment, "insertNew");
    try {
      if (map.containsKey(k)) {
        return false;
      }
      put(k, v, "insertNew");
      order.changed(segment);
      return true;
    } finally {
      stripe.unlock();
    }
  }

  @Override
  public boolean delete(K key) {
    checkWrite("delete");
    byte[] k = encodeKey(key, "delete");
    int segment = segmentOf(k, "delete");
    ReentrantLock stripe = lockKey(segment, "delete");
    try {
      boolean removed = map.remove(k) != null;
      if (removed) {
        order.changed(segment);
      }
      return removed;
    } finally {
      stripe.unlock();
    }
  }

  @Override
  public boolean deleteObject(K key, V value) {
    checkWrite("deleteObject");
    byte[] k = encodeKey(key, "deleteObject");
    encodeValue(value, "deleteObject"); // rejects a null or unencodable value before anything
    int segment = segmentOf(k, "deleteObject");
    ReentrantLock stripe = lockKey(segment, "deleteObject");
    try {
      byte[] present = map.get(k);
      // Objects compare with equals, as in the heap table, not by their encodings.
      if (present == null || !decodeValue(present).equals(value)) {
        return false;
      }
      map.remove(k);
      order.changed(segment);
      return true;
    } finally {
      stripe.unlock();
    }
  }

  @Override
  public List<V> take(K key) {
    checkWrite("take");
    byte[] k = encodeKey(key, "take");
    int segment = segmentOf(k, "take");
    ReentrantLock stripe = lockKey(segment, "take");
    try {
      byte[] removed = map.remove(k);
      if (removed == null) {
        return List.<V>of();
      }
      order.changed(segment);
      return List.of(decodeValue(removed));
    } finally {
      stripe.unlock();
    }
  }

  // ---- multi-object writes ----

  /** Encoded keys and values of a batch, and their segments; checked before anything changes. */
  private record Batch(byte[][] keys, byte[][] values, int[] segments) {}

  private Batch batch(
      Collection<? extends Map.Entry<? extends K, ? extends V>> objects, String operation) {
    requireArgument(objects, "object collection", operation);
    Object[] array = objects.toArray();
    byte[][] keys = new byte[array.length][];
    byte[][] values = new byte[array.length][];
    for (int i = 0; i < array.length; i++) {
      @SuppressWarnings("unchecked")
      Map.Entry<K, V> entry = (Map.Entry<K, V>) array[i];
      if (entry == null || entry.getKey() == null || entry.getValue() == null) {
        throw new BadArgumentException(
            name(),
            operation
                + ": object "
                + i
                + " is "
                + (entry == null ? "null" : "a null key or value: " + entry));
      }
      keys[i] = encodeKey(entry.getKey(), operation);
      values[i] = encodeValue(entry.getValue(), operation);
    }
    return new Batch(keys, values, new int[array.length]);
  }

  @Override
  public void insertAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertAll");
    Batch batch = batch(objects, "insertAll");
    writeBatch(batch, false, "insertAll");
  }

  @Override
  public boolean insertNewAll(Collection<? extends Map.Entry<? extends K, ? extends V>> objects) {
    checkWrite("insertNewAll");
    Batch batch = batch(objects, "insertNewAll");
    return writeBatch(batch, true, "insertNewAll");
  }

  private boolean writeBatch(Batch batch, boolean onlyNew, String operation) {
    int n = batch.keys().length;
    if (n == 0) {
      return true;
    }
    boolean[] wanted = new boolean[stripes.length];
    for (int i = 0; i < n; i++) {
      batch.segments()[i] = segmentOf(batch.keys()[i], operation);
      wanted[batch.segments()[i] % stripes.length] = true;
    }
    multiWriteLock.lock();
    int locked = 0;
    try {
      for (int s = 0; s < stripes.length; s++, locked++) {
        if (wanted[s]) {
          stripes[s].lock();
        }
      }
      checkNotDeletedLocked(operation);
      if (onlyNew) {
        for (byte[] key : batch.keys()) {
          if (map.containsKey(key)) {
            return false;
          }
        }
      }
      sequence.writeBegin();
      byte[][] previous = new byte[n][];
      int written = 0;
      try {
        for (; written < n; written++) {
          previous[written] = map.put(batch.keys()[written], batch.values()[written]);
        }
      } catch (IllegalStateException | IllegalArgumentException e) {
        // Undo in reverse order, so a key written twice in the batch gets its first previous value.
        for (int i = written - 1; i >= 0; i--) {
          if (previous[i] == null) {
            map.remove(batch.keys()[i]);
          } else {
            map.put(batch.keys()[i], previous[i]);
          }
        }
        throw full(operation, e);
      } finally {
        for (int i = 0; i < n; i++) {
          order.changed(batch.segments()[i]);
        }
        sequence.writeEnd();
      }
      return true;
    } finally {
      for (int s = locked - 1; s >= 0; s--) {
        if (wanted[s]) {
          stripes[s].unlock();
        }
      }
      multiWriteLock.unlock();
    }
  }

  @Override
  public void deleteAllObjects() {
    checkWrite("deleteAllObjects");
    lockAllWriters();
    try {
      checkNotDeletedLocked("deleteAllObjects");
      sequence.writeBegin();
      try {
        map.clear();
        order.changedAll();
      } finally {
        sequence.writeEnd();
      }
    } finally {
      unlockAllWriters();
    }
  }

  // ---- reads ----

  @Override
  public List<V> lookup(K key) {
    checkRead("lookup");
    byte[] k = encodeKey(key, "lookup");
    byte[] v = guarded("lookup", () -> read(k));
    return v == null ? List.of() : List.of(decodeValue(v));
  }

  @Override
  public boolean member(K key) {
    checkRead("member");
    byte[] k = encodeKey(key, "member");
    return guarded(
        "member",
        () -> {
          for (; ; ) {
            long stamp = sequence.readBegin();
            boolean present = map.containsKey(k);
            if (sequence.readValidate(stamp)) {
              return present;
            }
          }
        });
  }

  @Override
  public V get(K key) {
    checkRead("get");
    byte[] k = encodeKey(key, "get");
    return decodeValue(guarded("get", () -> read(k)));
  }

  @Override
  public long size() {
    checkRead("size");
    return guarded("size", map::longSize);
  }

  // ---- counters and updates (read-modify-write under the key's writer lock) ----

  @Override
  public long updateCounter(K key, long increment) {
    return updateCounter(key, List.of(CounterOp.increment(increment)), null)[0];
  }

  @Override
  public long updateCounter(K key, long increment, long threshold, long setValue) {
    return updateCounter(key, List.of(CounterOp.increment(increment, threshold, setValue)), null)[
        0];
  }

  @Override
  public long updateCounter(K key, long increment, V defaultValue) {
    checkWrite("updateCounter");
    requireArgument(defaultValue, "default value", "updateCounter");
    return updateCounter(key, List.of(CounterOp.increment(increment)), defaultValue)[0];
  }

  @Override
  public long[] updateCounter(K key, List<CounterOp> ops) {
    return updateCounter(key, ops, null);
  }

  @SuppressWarnings("unchecked")
  private long[] updateCounter(K key, List<CounterOp> ops, V defaultValue) {
    String operation = "updateCounter";
    checkWrite(operation);
    byte[] k = encodeKey(key, operation);
    requireArgument(ops, "operation list", operation);
    CounterOp[] steps = ops.toArray(new CounterOp[0]);
    for (CounterOp step : steps) {
      requireArgument(step, "counter operation", operation);
    }
    if (defaultValue != null) {
      // A bad default is rejected even when unused.
      CounterValues.read(name(), defaultValue, key, operation);
    }
    int segment = segmentOf(k, operation);
    ReentrantLock stripe = lockKey(segment, operation);
    try {
      byte[] present = map.get(k);
      Object current = present != null ? decodeValue(present) : defaultValue;
      if (current == null) {
        throw new MissingKeyException(name(), operation, key);
      }
      long value = CounterValues.read(name(), current, key, operation);
      long[] results = new long[steps.length];
      for (int i = 0; i < steps.length; i++) {
        value = CounterValues.apply(name(), steps[i], value, key, operation);
        results[i] = value;
      }
      if (steps.length > 0) {
        V stored = (V) CounterValues.boxLike(name(), current, value, key, operation);
        put(k, encodeValue(stored, operation), operation);
        order.changed(segment);
      }
      return results;
    } finally {
      stripe.unlock();
    }
  }

  @Override
  public boolean update(K key, UnaryOperator<V> function) {
    checkWrite("update");
    byte[] k = encodeKey(key, "update");
    requireArgument(function, "function", "update");
    int segment = segmentOf(k, "update");
    ReentrantLock stripe = lockKey(segment, "update");
    try {
      byte[] present = map.get(k);
      if (present == null) {
        return false;
      }
      V updated = function.apply(decodeValue(present));
      if (updated == null) {
        throw new BadArgumentException(name(), "update: the function returned null for key " + key);
      }
      put(k, encodeValue(updated, "update"), "update");
      order.changed(segment);
      return true;
    } finally {
      stripe.unlock();
    }
  }

  @Override
  public V update(K key, UnaryOperator<V> function, V defaultValue) {
    checkWrite("update");
    byte[] k = encodeKey(key, "update");
    requireArgument(function, "function", "update");
    requireArgument(defaultValue, "default value", "update");
    int segment = segmentOf(k, "update");
    ReentrantLock stripe = lockKey(segment, "update");
    try {
      byte[] present = map.get(k);
      V updated = function.apply(present == null ? defaultValue : decodeValue(present));
      if (updated == null) {
        throw new BadArgumentException(name(), "update: the function returned null for key " + key);
      }
      put(k, encodeValue(updated, "update"), "update");
      order.changed(segment);
      return updated;
    } finally {
      stripe.unlock();
    }
  }

  // ---- traversal ----

  /** The first (key, value) bytes positioned after {@code key} (all when null), or null. */
  private byte[][] stepAfter(byte[] key) {
    int segment = key == null ? 0 : order.segmentOf(key);
    for (int s = segment; s < order.segments(); s++) {
      byte[][] found = order.firstAfter(s, s == segment ? key : null);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private K keyAfter(byte[] key, String operation) {
    byte[][] found = guarded(operation, () -> stepAfter(key));
    return found == null ? null : decodeKey(found[0]);
  }

  private Map.Entry<K, List<V>> entryAfter(byte[] key, String operation) {
    byte[][] found = guarded(operation, () -> stepAfter(key));
    return found == null ? null : Map.entry(decodeKey(found[0]), List.of(decodeValue(found[1])));
  }

  @Override
  public K first() {
    checkRead("first");
    return keyAfter(null, "first");
  }

  @Override
  public K next(K key) {
    checkRead("next");
    return keyAfter(encodeKey(key, "next"), "next");
  }

  @Override
  public K last() {
    checkRead("last");
    return keyAfter(null, "last");
  }

  @Override
  public K prev(K key) {
    checkRead("prev");
    return keyAfter(encodeKey(key, "prev"), "prev");
  }

  @Override
  public Map.Entry<K, List<V>> firstLookup() {
    checkRead("firstLookup");
    return entryAfter(null, "firstLookup");
  }

  @Override
  public Map.Entry<K, List<V>> nextLookup(K key) {
    checkRead("nextLookup");
    return entryAfter(encodeKey(key, "nextLookup"), "nextLookup");
  }

  @Override
  public Map.Entry<K, List<V>> lastLookup() {
    checkRead("lastLookup");
    return entryAfter(null, "lastLookup");
  }

  @Override
  public Map.Entry<K, List<V>> prevLookup(K key) {
    checkRead("prevLookup");
    return entryAfter(encodeKey(key, "prevLookup"), "prevLookup");
  }

  @Override
  public <A> A foldl(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    checkRead("foldl");
    requireArgument(folder, "folder", "foldl");
    A accumulator = initial;
    for (int s = 0; s < order.segments(); s++) {
      int segment = s;
      SegmentSnapshots.Snapshot snapshot = guarded("foldl", () -> order.snapshot(segment));
      // The folder runs outside every lock and the gate, so it may read this table.
      for (int i = 0; i < snapshot.keys().length; i++) {
        accumulator =
            folder.apply(
                decodeKey(snapshot.keys()[i]), decodeValue(snapshot.values()[i]), accumulator);
      }
    }
    return accumulator;
  }

  @Override
  public <A> A foldr(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    checkRead("foldr");
    return foldl(initial, folder); // a hash table has no reverse order, as in ETS
  }

  @Override
  public List<Map.Entry<K, V>> toList() {
    checkRead("toList");
    List<Map.Entry<K, V>> objects = new ArrayList<>();
    return foldl(
        objects,
        (key, value, list) -> {
          list.add(Map.entry(key, value));
          return list;
        });
  }

  // ---- select hooks (the select family itself is table-core's) ----

  /**
   * A spec of exact keys is one lookup per key; any other spec walks the traversal order, one step
   * at a time from the last key visited, so it is weakly consistent like first/next.
   */
  @Override
  protected boolean scanObjects(
      MatchSpec<?, ?, ?> spec, boolean resume, K after, BiPredicate<? super K, ? super V> visitor) {
    List<Object> exact = exactKeysOf(spec);
    if (exact != null) {
      int start = resume ? exact.indexOf(after) + 1 : 0;
      for (int i = start; i < exact.size(); i++) {
        @SuppressWarnings("unchecked")
        K key = (K) exact.get(i);
        byte[] k = encodeKey(key, "select");
        byte[] v = guarded("select", () -> read(k));
        if (v != null && !visitor.test(key, decodeValue(v))) {
          return i == exact.size() - 1;
        }
      }
      return true;
    }
    byte[] position = resume ? encodeKey(after, "select") : null;
    for (; ; ) {
      byte[] from = position;
      byte[][] found = guarded("select", () -> stepAfter(from));
      if (found == null) {
        return true;
      }
      if (!visitor.test(decodeKey(found[0]), decodeValue(found[1]))) {
        return false;
      }
      position = found[0];
    }
  }

  @Override
  protected long deleteObjectsUnderLockIf(
      K key, BiPredicate<? super K, ? super V> test, String operation) {
    byte[] k = encodeKey(key, operation);
    int segment = segmentOf(k, operation);
    ReentrantLock stripe = lockKey(segment, operation);
    try {
      byte[] present = map.get(k);
      if (present == null || !test.test(key, decodeValue(present))) {
        return 0;
      }
      map.remove(k);
      order.changed(segment);
      return 1;
    } finally {
      stripe.unlock();
    }
  }

  @Override
  protected boolean replaceUnderLockIfUnchanged(
      K key, V expected, V replacement, String operation) {
    byte[] k = encodeKey(key, operation);
    byte[] v = encodeValue(replacement, operation);
    int segment = segmentOf(k, operation);
    ReentrantLock stripe = lockKey(segment, operation);
    try {
      byte[] present = map.get(k);
      if (present == null || !decodeValue(present).equals(expected)) {
        return false;
      }
      put(k, v, operation);
      order.changed(segment);
      return true;
    } finally {
      stripe.unlock();
    }
  }

  // ---- storage hooks ----

  @Override
  protected void lockAllWriters() {
    multiWriteLock.lock();
    for (ReentrantLock stripe : stripes) {
      stripe.lock();
    }
  }

  @Override
  protected void unlockAllWriters() {
    for (int s = stripes.length - 1; s >= 0; s--) {
      stripes[s].unlock();
    }
    multiWriteLock.unlock();
  }

  /**
   * Frees the off-heap memory (a file-backed table keeps its objects in its file and releases the
   * file lock). Waits for readers still inside the map: freeing memory under them would crash.
   */
  @Override
  protected void dropStorage() {
    gate.closeAndDrain();
    order.clearCache();
    try {
      map.close();
    } finally {
      if (fileLock != null) {
        fileLock.release();
      }
    }
  }

  @Override
  protected int lockStripes() {
    return stripes.length;
  }

  @Override
  protected long memoryBytes() {
    // The off-heap bytes in use (Chronicle's allocation times its used fraction, so the figure
    // grows with the objects), plus the heap side: locks, segment versions, the gate.
    long offHeap =
        guarded("info", () -> map.offHeapMemoryUsed() * (100 - map.percentageFreeSpace()) / 100);
    return offHeap + 64L * stripes.length + 8L * order.segments() + 1024;
  }
}
