package io.jets.offheap;

import io.jets.table.BadArgumentException;
import io.jets.table.MatchSpec;
import io.jets.table.WriteConcurrency;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import io.jets.table.spi.TableSequence;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

/**
 * The off-heap engine of {@code set} tables: a {@link Store} on a Chronicle Map, optionally backed
 * by a file. The table facade ({@link OffHeapSetTable}) does everything else; see {@link
 * OffHeapTables} for the user contract.
 */
final class OffHeapStore implements Store {
  /*
   * Design notes
   *
   * Storage. Keys and values are encoded by their codecs and stored as byte[] in a
   * ChronicleMap<byte[], byte[]>: Chronicle compares keys by their bytes, so the key codec must be
   * canonical. Every insert copies the object out of the heap and every read decodes a new copy,
   * as ETS does; a StoredObject handed to the facade carries the decoded value (and the caller's
   * key, which equals the stored one, or the decoded key where the store found the key itself).
   *
   * Single-object atomicity. Chronicle makes each of its own operations atomic under a segment
   * lock, but a read-modify-write (updateCounter, update, insertNew, take) needs more: the facade
   * takes the key's writer lock (see WriterLocks) through lock(key), so writers of one key are
   * serialized.
   *
   * Multi-object atomicity. As in the heap table: writeAll and clear take multiWriteLock and then
   * the stripes they touch in ascending order, and bracket their stores with a TableSequence (a
   * seqlock [1]). Every single-key read and segment read validates the sequence and retries if a
   * multi-object write overlapped it, so no reader sees half of one. A batch that fails part-way
   * (full) restores the previous objects of the keys it had written before it releases its locks.
   *
   * Reads. Unlike the heap table, a read is not free of shared writes: Chronicle takes its
   * segment read lock (a CAS in off-heap memory), and the ReaderGate counts the read in a striped
   * counter so that deletion never frees memory a reader is using. Writers do not pass the gate
   * while they hold a writer lock: deletion takes every writer lock before it closes the gate, so
   * a writer holding one cannot meet freed memory, and a writer inside the gate waiting for a
   * lock would deadlock the deleter that drains the gate. A read that finds the gate closed
   * answers as an empty table would; the facade reports the deletion.
   *
   * Traversal. See SegmentSnapshots: positions are (segment, key bytes) and never move.
   *
   * [1] H. Boehm. Can seqlocks get along with programming language memory models? MSPC 2012.
   */

  private final ChronicleMap<byte[], byte[]> map;
  private final StoreCodecs codecs;
  private final long entries;
  private final double maxBloatFactor;
  private final TableFileLock fileLock; // null for a table only in memory
  private final WriterLocks locks;
  private final ReaderGate gate = new ReaderGate();
  private final SegmentSnapshots order;
  private final TableSequence sequence = new TableSequence();
  private volatile Supplier<String> tableName;

  /** A held writer lock: its stripe, and the key it was taken for, encoded, and its segment. */
  private record Held(ReentrantLock stripe, Object key, byte[] bytes, int segment) {}

  OffHeapStore(
      String name,
      ChronicleMap<byte[], byte[]> map,
      Codec<?> keyCodec,
      Codec<?> valueCodec,
      long entries,
      double maxBloatFactor,
      TableFileLock fileLock,
      WriteConcurrency writeConcurrency) {
    this.tableName = () -> name;
    this.map = map;
    this.codecs = new StoreCodecs(keyCodec, valueCodec, () -> tableName.get()); // current name
    this.entries = entries;
    this.maxBloatFactor = maxBloatFactor;
    this.fileLock = fileLock;
    this.locks = new WriterLocks(writeConcurrency);
    this.order = new SegmentSnapshots(map, sequence);
  }

  /** Names the table in this store's errors by its current name, which a rename changes. */
  void namedBy(Supplier<String> name) {
    this.tableName = name;
  }

  Codec<Object> keyCodec() {
    return codecs.keyCodec();
  }

  Codec<Object> valueCodec() {
    return codecs.valueCodec();
  }

  long configuredEntries() {
    return entries;
  }

  /** The file behind the table, if any. */
  Optional<Path> file() {
    return fileLock == null ? Optional.empty() : Optional.of(fileLock.dataFile());
  }

  // ---- encoding: see StoreCodecs ----

  /**
   * The bytes of {@code key}, or null if the codec rejects it and the table is deleted: the facade
   * then reports the deletion, as a heap table does, rather than the key.
   */
  private byte[] encodeKeyUnlessDeleted(Object key) {
    try {
      return codecs.encodeKey(key);
    } catch (BadArgumentException e) {
      if (gate.isClosed()) {
        return null;
      }
      throw e;
    }
  }

  // ---- reads: inside the gate, which a closed table no longer opens ----

  /** The segment of {@code key}, or -1 if the table's memory is being freed. */
  private int segmentOf(byte[] key) {
    if (!gate.enter()) {
      return -1;
    }
    try {
      return order.segmentOf(key);
    } finally {
      gate.exit();
    }
  }

  @Override
  public StoredObject find(Object key) {
    byte[] k = encodeKeyUnlessDeleted(key);
    if (k == null || !gate.enter()) {
      return null;
    }
    byte[] value;
    try {
      for (; ; ) {
        long stamp = sequence.readBegin();
        value = map.get(k);
        if (sequence.readValidate(stamp)) {
          break;
        }
      }
    } finally {
      gate.exit();
    }
    return codecs.decoded(key, value);
  }

  /** A hash order: there is no reverse, as in ETS, so {@code forward} is ignored. */
  @Override
  public StoredObject step(Object key, boolean forward) {
    byte[] from = key == null ? null : encodeKeyUnlessDeleted(key);
    if ((key != null && from == null) || !gate.enter()) {
      return null;
    }
    byte[][] found = null;
    try {
      int start = from == null ? 0 : order.segmentOf(from);
      for (int s = start; s < order.segments() && found == null; s++) {
        found = order.firstAfter(s, s == start ? from : null);
      }
    } finally {
      gate.exit();
    }
    return codecs.decoded(found);
  }

  /**
   * Copies one segment at a time to the heap (a sorted snapshot, under Chronicle's segment lock)
   * and visits it outside the gate and every lock, so the visitor may use this table. Positions
   * never move, so a key present for the whole scan is visited once, none twice.
   */
  @Override
  public boolean scan(
      MatchSpec<?, ?, ?> spec, boolean reverse, boolean resume, Object after, Visitor visitor) {
    byte[] from = resume ? encodeKeyUnlessDeleted(after) : null;
    if (resume && from == null) {
      return true; // deleted: the facade reports it
    }
    int start = from == null ? 0 : segmentOf(from);
    if (start < 0) {
      return true; // deleted meanwhile: the facade reports it
    }
    for (int s = start; s < order.segments(); s++) {
      SegmentSnapshots.Snapshot snapshot = snapshot(s);
      if (snapshot == null) {
        return true; // deleted meanwhile: the facade reports it
      }
      byte[][] keys = snapshot.keys();
      for (int i = from != null && s == start ? snapshot.indexAfter(from) : 0;
          i < keys.length;
          i++) {
        if (!visitor.visit(codecs.decoded(new byte[][] {keys[i], snapshot.values()[i]}))) {
          return false;
        }
      }
    }
    return true;
  }

  /** A slot is a Chronicle segment, read whole under its lock. */
  @Override
  public long slot(long index, Visitor visitor) {
    int segments = order.segments();
    SegmentSnapshots.Snapshot snapshot = index < segments ? snapshot((int) index) : null;
    for (int i = 0; snapshot != null && i < snapshot.keys().length; i++) {
      visitor.visit(codecs.decoded(new byte[][] {snapshot.keys()[i], snapshot.values()[i]}));
    }
    return segments; // a deleted table reads as empty: the facade reports it
  }

  /** Segment {@code s}'s sorted snapshot, or null if the table was deleted. */
  private SegmentSnapshots.Snapshot snapshot(int s) {
    if (!gate.enter()) {
      return null;
    }
    try {
      return order.snapshot(s);
    } finally {
      gate.exit();
    }
  }

  @Override
  public Comparator<Object> keyOrder() {
    return null; // keys are equal when their bytes are
  }

  // ---- single-key writes: under a stripe, so outside the gate ----

  @Override
  public Object lock(Object key) {
    byte[] k = encodeKeyUnlessDeleted(key);
    int segment = k == null ? -1 : segmentOf(k); // -1 once deleted: the facade's re-check fails
    return new Held(locks.lock(segment), key, k, segment);
  }

  /** The bytes of {@code key}: those encoded by {@link #lock} when it is the same key object. */
  private byte[] bytesOf(Held held, Object key) {
    return key == held.key() ? held.bytes() : codecs.encodeKey(key);
  }

  @Override
  public StoredObject findLocked(Object lock, Object key) {
    return codecs.decoded(key, map.get(bytesOf((Held) lock, key)));
  }

  @Override
  public void putLocked(
      Object lock, StoredObject present, Object key, Object value, long objectDelta) {
    Held held = (Held) lock;
    byte[] k = bytesOf(held, key);
    byte[] v = value == null ? null : codecs.encodeValue(value);
    if (gate.isClosed()) {
      // Deletion takes every writer lock, so under this one only this thread can have deleted
      // the table: an update's function did. The write is lost with the table, as on heap.
      return;
    }
    try (ExternalMapQueryContext<byte[], byte[], ?> context = map.queryContext(k)) {
      context.writeLock().lock();
      MapEntry<byte[], byte[]> entry = context.entry();
      if (v == null) {
        if (entry != null) {
          context.remove(entry);
        }
      } else if (entry != null) {
        context.replaceValue(entry, context.wrapValueAsData(v));
      } else {
        context.insert(context.absentEntry(), context.wrapValueAsData(v));
      }
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw full(e);
    } finally {
      order.changed(held.segment());
    }
  }

  @Override
  public void unlock(Object lock) {
    ((Held) lock).stripe().unlock();
  }

  /** Equal, or equal once encoded: see {@link StoreCodecs#sameValue}. */
  @Override
  public boolean sameValue(Object stored, Object expected) {
    return codecs.sameValue(stored, expected);
  }

  /** Encodes {@code value} and drops the bytes: a value the codec refuses fails here. */
  @Override
  public void checkStorable(Object key, Object value) {
    codecs.encodeValue(value);
  }

  /** Chronicle's "full", as an error that names the settings to raise. */
  private OffHeapCapacityException full(RuntimeException cause) {
    return OffHeapCapacityException.full(
        tableName.get(), entries, maxBloatFactor, map.longSize(), cause);
  }

  // ---- multi-object writes ----

  /**
   * Encodes every key before taking a lock and every merged value before the first store, so a key
   * or value that cannot be encoded changes nothing.
   */
  @Override
  public boolean writeAll(Object[] keys, Merge merge, boolean onlyNew, Runnable lockedCheck) {
    int n = keys.length;
    if (n == 0) {
      return true;
    }
    byte[][] bytes = new byte[n][];
    int[] segments = new int[n];
    boolean[] wanted = new boolean[locks.count()];
    for (int i = 0; i < n; i++) {
      bytes[i] = codecs.encodeKey(keys[i]);
      segments[i] = segmentOf(bytes[i]);
      wanted[locks.stripeOf(segments[i])] = true;
    }
    locks.refuseNested();
    locks.lockMany(wanted);
    try {
      lockedCheck.run();
      if (onlyNew) {
        for (byte[] key : bytes) {
          if (map.containsKey(key)) {
            return false;
          }
        }
      }
      write(bytes, merged(keys, bytes, merge), segments);
      return true;
    } finally {
      locks.unlockMany(wanted);
    }
  }

  /** The encoded value to store for each key (null: leave it), as the write sees the keys. */
  private byte[][] merged(Object[] keys, byte[][] bytes, Merge merge) {
    byte[][] values = new byte[keys.length][];
    Map<ByteBuffer, StoredObject> written = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      ByteBuffer id = ByteBuffer.wrap(bytes[i]);
      StoredObject present =
          written.containsKey(id) ? written.get(id) : codecs.decoded(keys[i], map.get(bytes[i]));
      Object value = merge.merge(i, present);
      if (value != null) {
        values[i] = codecs.encodeValue(value);
        written.put(id, new StoredObject(keys[i], value));
      }
    }
    return values;
  }

  /** Stores a batch inside the sequence's bracket; undoes it all if the map fills up. */
  private void write(byte[][] keys, byte[][] values, int[] segments) {
    sequence.writeBegin();
    byte[][] previous = new byte[keys.length][];
    int written = 0;
    try {
      for (; written < keys.length; written++) {
        if (values[written] != null) {
          previous[written] = map.put(keys[written], values[written]);
        }
      }
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Undo in reverse order, so a key written twice in the batch gets its first previous value.
      for (int i = written - 1; i >= 0; i--) {
        if (values[i] == null) {
          continue;
        }
        if (previous[i] == null) {
          map.remove(keys[i]);
        } else {
          map.put(keys[i], previous[i]);
        }
      }
      throw full(e);
    } finally {
      for (int segment : segments) {
        order.changed(segment);
      }
      sequence.writeEnd();
    }
  }

  @Override
  public void clear(Runnable lockedCheck) {
    locks.refuseNested();
    lockAll();
    try {
      lockedCheck.run();
      sequence.writeBegin();
      try {
        map.clear();
        order.changedAll();
      } finally {
        sequence.writeEnd();
      }
    } finally {
      unlockAll();
    }
  }

  // ---- the table's lifecycle ----

  @Override
  public void lockAll() {
    locks.lockAll();
  }

  @Override
  public void unlockAll() {
    locks.unlockAll();
  }

  /**
   * Frees the off-heap memory (a file-backed table keeps its objects in its file and releases the
   * file lock). Waits for readers still inside the map: freeing memory under them would crash.
   */
  @Override
  public void dropLocked() {
    gate.closeAndDrain();
    order.clearCache();
    close();
  }

  /** Closes the map and releases the file lock; for a store no table uses. */
  void close() {
    discard(false, null);
  }

  /**
   * As {@link #close}, for a store whose table never opened: deletes the data file first if the
   * build created it ({@code createdFile}; see {@link TableFileLock#releaseDeletingFile}).
   */
  void discard(boolean createdFile, Throwable failure) {
    try {
      map.close();
    } finally {
      if (fileLock != null) {
        fileLock.releaseDeletingFile(createdFile, failure);
      }
    }
  }

  // ---- counts ----

  @Override
  public long objects() {
    if (!gate.enter()) {
      return 0;
    }
    try {
      return map.longSize();
    } finally {
      gate.exit();
    }
  }

  @Override
  public long memoryBytes() {
    // The off-heap bytes in use (Chronicle's allocation times its used fraction, so the figure
    // grows with the objects), plus the heap side: locks, segment versions, the gate.
    long heap = 64L * locks.count() + 8L * order.segments() + 1024;
    if (!gate.enter()) {
      return heap;
    }
    try {
      return heap + map.offHeapMemoryUsed() * (100 - map.percentageFreeSpace()) / 100;
    } finally {
      gate.exit();
    }
  }

  @Override
  public int lockCount() {
    return locks.count();
  }
}
