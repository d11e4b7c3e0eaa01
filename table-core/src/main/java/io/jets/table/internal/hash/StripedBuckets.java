package io.jets.table.internal.hash;

import static io.jets.table.internal.hash.BucketChain.copyBefore;
import static io.jets.table.internal.hash.BucketChain.skipThrough;
import static io.jets.table.internal.hash.BucketChain.tieOrder;

import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.spi.TableSequence;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A hash table whose readers never lock and never write shared memory, and whose writers lock one
 * stripe of keys each.
 *
 * <p>The caller (a table type) decides what a value is; this class keeps buckets, stripes, sizes
 * and the table-level sequence.
 */
public final class StripedBuckets {
  /*
   * Design notes
   *
   * Concurrency. A bucket holds an immutable chain of Nodes. A writer holding the stripe lock of a
   * key builds a new chain (copying the nodes before the changed one, sharing the rest) and
   * publishes it with a release store; a reader loads the bucket with an acquire load and walks a
   * chain nobody will ever change. Reads are therefore lock-free, allocation-free and write
   * nothing.
   *
   * Order. A key's bucket is the top `bits` bits of its mixed hash and chains are sorted by
   * unsigned mixed hash (BucketChain), so doubling never reorders anything: next(key) can continue
   * from a deleted key, and a traversal visits each long-lived key once across resizes [1].
   *
   * Stripes. The stripe of a key is the top `stripeBits` bits of its mixed hash, and the capacity
   * never has fewer bits than the stripes, so each bucket belongs to exactly one stripe and two
   * writers never build the same chain. ETS uses 64 locks for a write_concurrency hash table [2];
   * so do we.
   *
   * Resize. A writer that finds its stripe over the load threshold releases its lock and then
   * takes all stripes; the resizer builds the whole new table, then stores a Forward into every
   * old bucket, then publishes the new table. Readers holding the old table follow the Forward.
   * Building fully before forwarding means a traversal that has moved to the new table never meets
   * an unfilled bucket.
   *
   * Multi-object atomicity. Operations on many objects (insertAll, insertNewAll,
   * deleteAllObjects) serialize on multiWriteLock, take the stripes they touch in ascending order,
   * and bracket their stores with a sequence that goes odd, then even (a seqlock [3]). Readers
   * validate it: a read that overlapped such a write retries, so no reader sees half of one.
   * Single-object writers never touch the sequence.
   *
   * Snapshot publication (readConcurrency). With snapshotPublication, a multi-object write instead takes
   * every stripe, applies its changes to a private copy of the bucket array and publishes the copy
   * with one release store. A reader loads the array once and reads only immutable data from it,
   * so it never waits and never retries; a reader that loaded the old array is concurrent with the
   * write and may be ordered before it. The writer pays a copy of the bucket array (4 bytes per
   * bucket) and excludes every other writer while it runs.
   *
   * Adaptive stripes (AUTO). A writer first tries its stripe's lock; a failed try adds
   * CONTENDED_INCREMENT to the stripe's contention statistic, an uncontended acquisition subtracts
   * one, as in the CA tree's statistic [4]. A stripe whose statistic passes GROW_AT multiplies the
   * stripe count by four (up to maxStripeBits); a long quiet run halves it (down to
   * minStripeBits). Changing the stripe count takes every lock; writers waiting on a replaced
   * stripe notice the change and retry. Counts live in cells (CellCounters) indexed by the top
   * bits of the hash, as many bits as the table may ever have stripe bits, so every cell stays
   * covered by exactly one stripe whatever the current count.
   *
   * [1] O. Shalev, N. Shavit. Split-ordered lists: lock-free extensible hash tables. JACM 2006.
   * [2] erts/emulator/beam/erl_db_hash.c, DB_HASH_LOCK_CNT.
   * [3] H. Boehm. Can seqlocks get along with programming language memory models? MSPC 2012.
   * [4] K. Sagonas, K. Winblad. Contention adapting search trees. ISPDC 2015.
   */

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  /** A bucket, load-acquire: its chain is read only once fully built. */
  private static Object laSlot(Object[] tab, int i) {
    return SLOT.getAcquire(tab, i);
  }

  /** Publishes a bucket's new chain or a forward, store-release; the caller holds its stripe. */
  private static void srSlot(Object[] tab, int i, Object bucket) {
    SLOT.setRelease(tab, i, bucket);
  }

  /** 16 buckets: a small table costs little, and the first doublings are cheap. */
  private static final int MIN_BITS = 4;

  /** 2^30 buckets: beyond that an array of references no longer fits comfortably. */
  private static final int MAX_BITS = 30;

  /** Added to a stripe's statistic per contended acquisition (the CA tree's value [4]). */
  private static final int CONTENDED_INCREMENT = 250;

  /** About four net contended acquisitions on one stripe make the table grow its stripes. */
  private static final int GROW_AT = 1000;

  /** About 100,000 net uncontended acquisitions on one stripe make the table halve its stripes. */
  private static final int SHRINK_AT = -100_000;

  /** Stripes grow fourfold at a time: contention that shows on one stripe is rarely local. */
  private static final int GROW_STEP_BITS = 2;

  private final int minStripeBits;
  private final int maxStripeBits;
  private final boolean adaptive;
  private final boolean snapshotPublication;
  private final CellCounters counts;
  private final int initialBits;
  private final ReentrantLock multiWriteLock = new ReentrantLock();

  private volatile Stripe[] stripes;
  private volatile Object[] table;
  private final TableSequence sequence = new TableSequence();

  /**
   * @param stripeBits log2 of the initial number of writer stripes (0 for a single lock)
   * @param minStripeBits the fewest stripe bits adaptation may reach
   * @param maxStripeBits the most stripe bits adaptation may reach; equal to the minimum for a
   *     fixed stripe count
   * @param centralCount keep an exact central object count besides the per-cell ones
   * @param snapshotPublication make multi-object writes publish a new bucket array, so readers
   *     never wait or retry (readConcurrency)
   */
  public StripedBuckets(
      int stripeBits,
      int minStripeBits,
      int maxStripeBits,
      boolean centralCount,
      boolean snapshotPublication) {
    this.minStripeBits = minStripeBits;
    this.maxStripeBits = maxStripeBits;
    this.adaptive = minStripeBits < maxStripeBits;
    this.snapshotPublication = snapshotPublication;
    this.stripes = newStripes(stripeBits);
    this.counts = new CellCounters(maxStripeBits, centralCount);
    this.initialBits = Math.max(MIN_BITS, maxStripeBits);
    install(new Object[1 << initialBits]);
  }

  private static Stripe[] newStripes(int bits) {
    Stripe[] fresh = new Stripe[1 << bits];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = new Stripe();
    }
    return fresh;
  }

  // ---- hashing and order ----

  public static int bits(Object[] tab) {
    return Integer.numberOfTrailingZeros(tab.length);
  }

  public static int index(int hash, int bits) {
    return hash >>> (32 - bits); // bits >= MIN_BITS > 0, so the shift is never 32
  }

  // ---- reads ----

  /** The node holding {@code key}, or null. Lock-free; follows forwards. */
  public Node find(Object key, int hash) {
    Object[] tab = table;
    for (; ; ) {
      Object bucket = laSlot(tab, index(hash, bits(tab)));
      if (bucket instanceof Forward forward) {
        tab = forward.table;
        continue;
      }
      return BucketChain.find((Node) bucket, hash, key);
    }
  }

  /**
   * The first node positioned after {@code (hash, key)} in traversal order, or the first node of
   * all when {@code key} is null. Each call reads each bucket once, lock-free.
   */
  public Node firstAfter(int hash, Object key) {
    Object[] tab = table;
    int i = key == null ? 0 : index(hash, bits(tab));
    while (i < tab.length) {
      Object bucket = laSlot(tab, i);
      if (bucket instanceof Forward forward) {
        i = rescale(i, tab, forward.table);
        tab = forward.table;
        if (key != null) {
          i = Math.max(i, index(hash, bits(tab)));
        }
        continue;
      }
      Node n = key == null ? (Node) bucket : skipThrough((Node) bucket, hash, key);
      if (n != null) {
        return n;
      }
      i++;
    }
    return null;
  }

  private static int rescale(int i, Object[] from, Object[] to) {
    int shift = bits(to) - bits(from);
    return shift >= 0 ? i << shift : i >>> -shift;
  }

  // ---- consistent reads ----

  /**
   * The node holding {@code key}, never part of a multi-object write: with snapshot publication a
   * plain lock-free read, otherwise a read validated against the sequence (retried if it
   * overlapped).
   */
  public Node findConsistent(Object key, int hash) {
    if (snapshotPublication) {
      return find(key, hash);
    }
    for (; ; ) {
      long stamp = sequence.readBegin();
      Node node = find(key, hash);
      if (sequence.readValidate(stamp)) {
        return node;
      }
    }
  }

  /** {@link #firstAfter} made consistent with multi-object writes, as {@link #findConsistent}. */
  public Node firstAfterConsistent(int hash, Object key) {
    if (snapshotPublication) {
      return firstAfter(hash, key);
    }
    for (; ; ) {
      long stamp = sequence.readBegin();
      Node node = firstAfter(hash, key);
      if (sequence.readValidate(stamp)) {
        return node;
      }
    }
  }

  // ---- single-object writes: lock(hash), findLocked/putLocked, release(stripe) ----

  static int stripeIndex(int hash, Stripe[] in) {
    return in.length == 1 ? 0 : hash >>> (32 - Integer.numberOfTrailingZeros(in.length));
  }

  /** Locks and returns the stripe that now covers {@code hash}. */
  public Stripe lock(int hash) {
    for (; ; ) {
      Stripe[] current = stripes;
      Stripe stripe = current[stripeIndex(hash, current)];
      acquire(stripe);
      if (stripes == current) {
        return stripe;
      }
      stripe.unlock(); // the stripes were replaced while we waited: find the new one
    }
  }

  private void acquire(Stripe stripe) {
    if (!adaptive) {
      stripe.lock();
    } else if (stripe.tryLock()) {
      if (stripe.contention > SHRINK_AT) {
        stripe.contention--;
      }
    } else {
      stripe.lock();
      stripe.contention += CONTENDED_INCREMENT;
    }
  }

  /**
   * Unlocks {@code stripe}, then grows the table or adapts the stripe count if the writes under it
   * asked for that. Call exactly once per {@link #lock}.
   */
  public void release(Stripe stripe) {
    boolean crowded = stripe.crowded;
    stripe.crowded = false;
    int contention = stripe.contention;
    stripe.unlock();
    if (crowded) {
      resizeIfCrowded();
    }
    if (contention > GROW_AT && stripes.length < (1 << maxStripeBits)) {
      adaptStripes(true);
    } else if (contention <= SHRINK_AT && stripes.length > (1 << minStripeBits)) {
      adaptStripes(false);
    }
  }

  /** The node holding {@code key}; the caller holds its stripe. */
  public Node findLocked(Object key, int hash) {
    return find(key, hash);
  }

  /**
   * Stores {@code value} under {@code key}, or removes the key when {@code value} is null, and adds
   * {@code objectDelta} to the object count. The caller holds the key's stripe.
   */
  public void putLocked(Stripe stripe, int hash, Object key, Object value, long objectDelta) {
    if (put(table, hash, key, value, objectDelta)) {
      stripe.crowded = true;
    }
  }

  /**
   * Stores into {@code tab} (the live bucket array or a batch's copy); returns true if the key's
   * cell has passed its load limit. The caller holds the key's stripe.
   */
  public boolean put(Object[] tab, int hash, Object key, Object value, long objectDelta) {
    int i = index(hash, bits(tab));
    Node head = (Node) tab[i];
    Node match = null;
    Node after = head; // the first node that follows the key's position
    while (after != null && Integer.compareUnsigned(after.hash, hash) < 0) {
      after = after.next;
    }
    for (Node m = after; m != null && m.hash == hash; m = m.next) {
      if (m.key == key || m.key.equals(key)) {
        match = m;
        break;
      }
    }
    Node newHead;
    int keyDelta = 0;
    if (match != null) {
      Node tail = value == null ? match.next : new Node(hash, match.key, value, match.next);
      newHead = copyBefore(head, match, tail);
      keyDelta = value == null ? -1 : 0;
    } else if (value != null) {
      while (after != null && after.hash == hash && tieOrder(after.key, key) <= 0) {
        after = after.next;
      }
      newHead = copyBefore(head, after, new Node(hash, key, value, after));
      keyDelta = 1;
    } else {
      return false;
    }
    srSlot(tab, i, newHead);
    return counts.add(hash, keyDelta, objectDelta);
  }

  // ---- multi-object writes ----

  /**
   * Takes the lock that serializes multi-object writes and stripe changes; see {@link
   * StripedBatch}.
   */
  Stripe[] lockMultiWrite() {
    multiWriteLock.lock();
    return stripes; // stable: changing the stripes needs multiWriteLock
  }

  /** The live bucket array, for a batch that holds the multi-object write lock. */
  Object[] liveBuckets() {
    return table;
  }

  /** Releases the stripes of a batch, then multiWriteLock. */
  public void unlock(Stripe[] locked) {
    for (int k = locked.length - 1; k >= 0; k--) {
      locked[k].unlock();
    }
    multiWriteLock.unlock();
  }

  /**
   * Starts a multi-object write: readers that overlap it will retry. Caller holds multiWriteLock.
   */
  public void writeBegin() {
    sequence.writeBegin();
  }

  /** Ends a multi-object write. */
  public void writeEnd() {
    sequence.writeEnd();
  }

  /** Points every bucket of {@code old} at {@code replacement} and installs it. */
  public void forwardAll(Object[] old, Object[] replacement) {
    Forward forward = new Forward(replacement);
    for (int i = 0; i < old.length; i++) {
      srSlot(old, i, forward);
    }
    install(replacement);
  }

  // ---- resizing and adaptation: both take every lock ----

  /**
   * Doubles the table until it is no longer crowded; call with no lock held. One multi-object write
   * can add many times the capacity, so a single doubling would leave long chains behind it.
   */
  public void resizeIfCrowded() {
    // Racy pre-check, so that a cell over its share in a table that is not over its load factor
    // (random skew between cells) does not make every insert take every lock. Each doubling
    // takes and releases every lock, so writers and readers progress in between.
    while (keys() > (3L << bits(table)) / 4 && doubleIfCrowded()) {
      // one multi-object write can add many times the capacity: keep doubling
    }
  }

  private boolean doubleIfCrowded() {
    StripedBatch all = lockAllForMaintenance();
    try {
      Object[] old = table;
      int oldBits = bits(old);
      if (oldBits >= MAX_BITS || keys() <= (3L << oldBits) / 4) {
        return false; // another writer resized first, or the crowding was one cell's bad luck
      }
      forwardAll(old, BucketChain.doubled(old, oldBits));
      return true;
    } finally {
      unlock(all.locked());
    }
  }

  private StripedBatch lockAllForMaintenance() {
    return new StripedBatch(this, StripedBatch.lockEvery(lockMultiWrite()), null);
  }

  /** Multiplies the stripes by four, or halves them, if a stripe still asks for it. */
  private void adaptStripes(boolean grow) {
    StripedBatch all = lockAllForMaintenance();
    try {
      Stripe[] current = all.locked();
      int bits = Integer.numberOfTrailingZeros(current.length);
      // Growing: one hot stripe is enough. Shrinking: every stripe quiet, and one long so.
      boolean anyHot = false;
      boolean anyWarm = false;
      boolean anyCold = false;
      for (Stripe stripe : current) {
        anyHot |= stripe.contention > GROW_AT;
        anyWarm |= stripe.contention > 0;
        anyCold |= stripe.contention <= SHRINK_AT;
      }
      boolean stillWanted = grow ? anyHot : anyCold && !anyWarm;
      int target =
          grow ? Math.min(maxStripeBits, bits + GROW_STEP_BITS) : Math.max(minStripeBits, bits - 1);
      if (stillWanted && target != bits) {
        stripes = newStripes(target); // the capacity has at least maxStripeBits bits already
      } else {
        for (Stripe stripe : current) {
          stripe.contention = 0; // the signal is stale: start measuring afresh
        }
      }
    } finally {
      unlock(all.locked());
    }
  }

  /** Publishes {@code tab} as the live bucket array. Caller holds every stripe. */
  public void install(Object[] tab) {
    counts.limitFor(bits(tab));
    table = tab;
  }

  /** The live bucket array. */
  public Object[] buckets() {
    return table;
  }

  /** A new, empty bucket array of the initial capacity. */
  public Object[] emptyBuckets() {
    return new Object[1 << initialBits];
  }

  public boolean snapshotPublication() {
    return snapshotPublication;
  }

  /** Sets every count to zero. Caller holds every stripe. */
  public void clearCounts() {
    counts.clear();
  }

  // ---- sizes ----

  /** The number of objects: exact when quiescent; while only inserts run, never decreasing. */
  public long objects() {
    return counts.objects();
  }

  /** The number of keys; a racy estimate while writers run. */
  public long keys() {
    return counts.keys();
  }

  public int capacity() {
    return table.length;
  }

  public int stripeCount() {
    return stripes.length;
  }

  public int cellCount() {
    return counts.count();
  }
}
