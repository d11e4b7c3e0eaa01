package io.jets.cache.internal;

import io.jets.table.spi.StoredObject;
import java.util.Arrays;

/**
 * What one write of a cache table changed, collected under the writer locks and acted on after they
 * are released (see {@link CacheStore}): each change is the entry a key held before it (and whether
 * that entry was live), and the entry stored (null: removed). A single-key write also carries its
 * stripe lock: the object {@link CacheStore#lock} returns is this token.
 */
final class CacheWrite {

  /** The hash engine's lock of the key; null for a multi-object write. */
  final Object stripe;

  /** The key's spread hash (single-key writes). */
  final int hash;

  /** The cache time the write runs at. */
  final long now;

  /** A touch: fires no event. */
  boolean silent;

  // The entry under the key when a single-key write first looked (may be expired).
  private boolean looked;
  private CacheEntry found;

  /**
   * The hash node under the key when the write first looked, for the hash store to write in place
   * (it checks that it still holds the node).
   */
  StoredObject node;

  // The changes, allocated by the first one: a write that changes nothing allocates no more.
  private final int expected;
  private CacheEntry[] before;
  private boolean[] beforeLive;
  private CacheEntry[] after;
  private int count;

  /**
   * @param expected how many changes the write will likely make
   */
  CacheWrite(Object stripe, int hash, long now, int expected) {
    this.stripe = stripe;
    this.hash = hash;
    this.now = now;
    this.expected = expected;
  }

  /** The entry the single key holds now, as this write sees it, or null; may be expired. */
  CacheEntry current() {
    return count > 0 ? after[count - 1] : found;
  }

  boolean lookedYet() {
    return looked || count > 0;
  }

  /** Notes what the single key held when the write first looked. */
  void looked(CacheEntry entry) {
    if (!lookedYet()) {
      looked = true;
      found = entry;
    }
  }

  /** The live entry in {@code entry} at this write's time, or null. */
  CacheEntry live(CacheEntry entry) {
    return entry == null || entry.isExpired(now) ? null : entry;
  }

  /** Records that a key holding {@code old} now holds {@code stored} (null: removed). */
  void record(CacheEntry old, CacheEntry stored) {
    if (after == null) {
      before = new CacheEntry[expected];
      beforeLive = new boolean[expected];
      after = new CacheEntry[expected];
    }
    if (count == after.length) {
      int grown = Math.max(1, count * 2);
      before = Arrays.copyOf(before, grown);
      beforeLive = Arrays.copyOf(beforeLive, grown);
      after = Arrays.copyOf(after, grown);
    }
    before[count] = old;
    beforeLive[count] = live(old) != null; // fixed now: a later read may move the deadline
    after[count] = stored;
    count++;
  }

  int changes() {
    return count;
  }

  /** The entry the {@code i}th change replaced, or null. */
  CacheEntry before(int i) {
    return before[i];
  }

  /** Whether that entry was live when it was replaced. */
  boolean beforeLive(int i) {
    return beforeLive[i];
  }

  /** The entry the {@code i}th change stored, or null if it removed the key. */
  CacheEntry after(int i) {
    return after[i];
  }
}
