package io.jets.offheap;

import io.jets.table.spi.TableSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import net.openhft.chronicle.bytes.RandomDataInput;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.MapSegmentContext;

/**
 * Traversal order for an off-heap table: a key's position is (Chronicle segment of its bytes, its
 * bytes in unsigned lexicographic order). A key's segment depends only on the hash of its bytes and
 * the segment count, fixed when the map is created, and Chronicle never rehashes (it grows by
 * chaining tiers to a segment), so a key's position never changes. That is what makes next(key)
 * work for a deleted key and keeps a walk strictly increasing.
 *
 * <p>A segment is read whole, under Chronicle's segment lock, into a sorted snapshot on the heap;
 * the snapshot stays valid while the segment's version (bumped by every writer after it changes the
 * segment) is unchanged. A few recent snapshots are cached so that a first/next walk reads each
 * segment once; only one segment's objects are ever held on the heap per cache slot.
 *
 * <p>Each read of a segment is validated against the table's sequence, as a lookup is, so that no
 * traversal step sees a multi-object write before it ends (one that fails is undone unseen).
 */
final class SegmentSnapshots {

  /** Cache slots: a walk needs one; a few more let concurrent walks on other segments coexist. */
  private static final int CACHE_SLOTS = 8;

  /** One segment, sorted by key bytes; keys[i] has value values[i]. */
  record Snapshot(int segment, long version, byte[][] keys, byte[][] values) {

    /** The index of the first key after {@code key}, or keys.length. */
    int indexAfter(byte[] key) {
      int lo = 0;
      int hi = keys.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (Codecs.compareBytes(keys[mid], key) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  private final ChronicleMap<byte[], byte[]> map;
  private final TableSequence sequence;
  private final AtomicLongArray versions;
  private final AtomicReferenceArray<Snapshot> cache = new AtomicReferenceArray<>(CACHE_SLOTS);

  SegmentSnapshots(ChronicleMap<byte[], byte[]> map, TableSequence sequence) {
    this.map = map;
    this.sequence = sequence;
    this.versions = new AtomicLongArray(map.segments());
  }

  int segments() {
    return versions.length();
  }

  /** The segment of {@code key}; takes no lock. */
  int segmentOf(byte[] key) {
    try (var context = map.queryContext(key)) {
      return context.segmentIndex();
    }
  }

  /**
   * Records that {@code segment} changed; call after the change, before releasing the writer lock.
   */
  void changed(int segment) {
    versions.incrementAndGet(segment);
  }

  /** Records that every segment changed. */
  void changedAll() {
    for (int s = 0; s < versions.length(); s++) {
      versions.incrementAndGet(s);
    }
  }

  /**
   * The first {key, value} of {@code segment} positioned after {@code key} (the first of the
   * segment when {@code key} is null), or null, as of some instant during the call.
   *
   * <p>A segment that has not changed since the previous step looked at it gets a sorted snapshot
   * (so a walk of a quiet table costs one scan per segment and a binary search per step); a segment
   * that keeps changing is scanned for the minimum instead, without sorting or copying it (so a
   * walk under churn costs one segment scan per step, not a sort).
   */
  byte[][] firstAfter(int segment, byte[] key) {
    for (; ; ) {
      long stamp = sequence.readBegin();
      byte[][] found = firstAfterOnce(segment, key);
      if (sequence.readValidate(stamp)) {
        return found;
      }
    }
  }

  private byte[][] firstAfterOnce(int segment, byte[] key) {
    int slot = segment & (CACHE_SLOTS - 1);
    Snapshot cached = cache.get(slot);
    long version = versions.get(segment);
    if (cached != null && cached.segment() == segment && cached.version() == version) {
      if (cached.keys() == null) {
        cached = snapshotOnce(segment); // unchanged since the last look: worth sorting
      }
      int i = key == null ? 0 : cached.indexAfter(key);
      return i < cached.keys().length ? new byte[][] {cached.keys()[i], cached.values()[i]} : null;
    }
    cache.set(slot, new Snapshot(segment, version, null, null)); // remember the look
    byte[][] best = new byte[2][];
    try (MapSegmentContext<byte[], byte[], ?> context = map.segmentContext(segment)) {
      context.forEachSegmentEntry(
          entry -> {
            Data<byte[]> k = entry.key();
            if ((key == null || compare(k, key) > 0)
                && (best[0] == null || compare(k, best[0]) < 0)) {
              best[0] = k.getUsing(null);
              best[1] = entry.value().getUsing(null);
            }
          });
    }
    return best[0] == null ? null : best;
  }

  /** Unsigned lexicographic comparison of stored key bytes with {@code b}, without copying them. */
  private static int compare(Data<byte[]> stored, byte[] b) {
    RandomDataInput in = stored.bytes();
    long offset = stored.offset();
    long size = stored.size();
    long common = Math.min(size, b.length);
    for (int i = 0; i < common; i++) {
      int d = in.readUnsignedByte(offset + i) - (b[i] & 0xff);
      if (d != 0) {
        return d;
      }
    }
    return Long.compare(size, b.length);
  }

  /** A sorted snapshot of {@code segment} no older than the segment's last completed change. */
  Snapshot snapshot(int segment) {
    for (; ; ) {
      long stamp = sequence.readBegin();
      Snapshot snapshot = snapshotOnce(segment);
      if (sequence.readValidate(stamp)) {
        return snapshot;
      }
    }
  }

  private Snapshot snapshotOnce(int segment) {
    int slot = segment & (CACHE_SLOTS - 1);
    Snapshot cached = cache.get(slot);
    if (cached != null
        && cached.keys() != null
        && cached.segment() == segment
        && cached.version() == versions.get(segment)) {
      return cached;
    }
    long version = versions.get(segment); // read before the scan: a change during it invalidates
    List<byte[][]> entries = new ArrayList<>();
    try (MapSegmentContext<byte[], byte[], ?> context = map.segmentContext(segment)) {
      context.forEachSegmentEntry(
          entry ->
              entries.add(new byte[][] {entry.key().getUsing(null), entry.value().getUsing(null)}));
    }
    entries.sort((a, b) -> Codecs.compareBytes(a[0], b[0]));
    byte[][] keys = new byte[entries.size()][];
    byte[][] values = new byte[entries.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = entries.get(i)[0];
      values[i] = entries.get(i)[1];
    }
    Snapshot fresh = new Snapshot(segment, version, keys, values);
    cache.set(slot, fresh);
    return fresh;
  }

  /** Forgets every cached snapshot (the table's storage is gone). */
  void clearCache() {
    for (int i = 0; i < CACHE_SLOTS; i++) {
      cache.set(i, null);
    }
  }
}
