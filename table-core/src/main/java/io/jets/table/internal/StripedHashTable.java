package io.jets.table.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A hash table whose readers never lock and never write shared memory, and whose writers lock one
 * stripe of keys each.
 *
 * <p>The caller (a table type) decides what a value is; this class keeps buckets, stripes, sizes
 * and the table-level sequence.
 */
final class StripedHashTable {
  /*
   * Design notes
   *
   * Concurrency. A bucket holds an immutable chain of Nodes. A writer holding the stripe lock of a
   * key builds a new chain (copying the nodes before the changed one, sharing the rest) and
   * publishes it with a release store; a reader loads the bucket with an acquire load and walks a
   * chain nobody will ever change. Reads are therefore lock-free, allocation-free and write
   * nothing.
   *
   * Order. Hashes are mixed (murmur3 fmix32) and a key's bucket is the top `bits` bits of its
   * mixed hash; chains are sorted by unsigned mixed hash. Traversal order is thus the order of
   * mixed hashes whatever the capacity: doubling splits bucket i into 2i and 2i+1 without
   * reordering anything (the "split-ordered" idea of Shalev and Shavit [1], here applied to a
   * locked table). That is what lets next(key) continue from a key that has been deleted, and
   * lets a traversal visit each long-lived key exactly once across resizes. Keys with equal mixed
   * hashes are ordered by class name, then by compareTo (Comparable keys) or by the identity hash
   * of the stored key instance (other keys), and by insertion when all of these tie (tieOrder).
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
   * Snapshot writes (readConcurrency). With snapshotWrites, a multi-object write instead takes
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
   * stripe notice the change and retry. Counts live in cells indexed by the top cellBits bits of
   * the hash, cellBits being the most stripe bits the table may ever have, so every cell stays
   * covered by exactly one stripe whatever the current count.
   *
   * [1] O. Shalev, N. Shavit. Split-ordered lists: lock-free extensible hash tables. JACM 2006.
   * [2] erts/emulator/beam/erl_db_hash.c, DB_HASH_LOCK_CNT.
   * [3] H. Boehm. Can seqlocks get along with programming language memory models? MSPC 2012.
   * [4] K. Sagonas, K. Winblad. Contention adapting search trees. ISPDC 2015.
   */

  /** An immutable chain link. */
  static final class Node {
    final int hash;
    final Object key;
    final Object value;
    final Node next;

    Node(int hash, Object key, Object value, Node next) {
      this.hash = hash;
      this.key = key;
      this.value = value;
      this.next = next;
    }
  }

  /** Left in every bucket of a table that has been replaced: continue in {@code table}. */
  static final class Forward {
    final Object[] table;

    Forward(Object[] table) {
      this.table = table;
    }
  }

  /** A writer lock, padded against false sharing, with its contention statistic. */
  @SuppressWarnings("unused")
  static final class Stripe extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    long p01, p02, p03, p04, p05, p06, p07;
    int contention; // guarded by this lock
    boolean crowded; // guarded by this lock: a write under it passed the load limit
    long q01, q02, q03, q04, q05, q06, q07;
  }

  /** The counts of the keys whose hashes share the cell's top bits, padded against false sharing. */
  @SuppressWarnings("unused")
  static final class Cell {
    long p01, p02, p03, p04, p05, p06, p07;
    int keys; // guarded by the stripe covering this cell
    long objects; // written under that stripe with setRelease, read racily with getAcquire
    long q01, q02, q03, q04, q05, q06, q07;
  }

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final VarHandle SEQUENCE;
  private static final VarHandle OBJECTS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      SEQUENCE = lookup.findVarHandle(StripedHashTable.class, "sequence", long.class);
      OBJECTS = lookup.findVarHandle(Cell.class, "objects", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** 16 buckets: a small table costs little, and the first doublings are cheap. */
  private static final int MIN_BITS = 4;
  /** 2^30 buckets: beyond that an array of references no longer fits comfortably. */
  private static final int MAX_BITS = 30;
  /** Spins before a reader waiting on a multi-object write starts yielding the processor. */
  private static final int SPINS_BEFORE_YIELD = 64;
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
  private final boolean snapshotWrites;
  private final Cell[] cells;
  private final int cellBits;
  private final int initialBits;
  private final ReentrantLock multiWriteLock = new ReentrantLock();
  private final AtomicLong centralObjects; // null when the counts stay in the cells only

  private volatile Stripe[] stripes;
  private volatile Object[] table;
  private volatile int keysPerCellLimit; // racy read by writers: a stale limit only delays a resize
  @SuppressWarnings("unused")
  private volatile long sequence; // accessed through SEQUENCE

  /**
   * @param stripeBits log2 of the initial number of writer stripes (0 for a single lock)
   * @param minStripeBits the fewest stripe bits adaptation may reach
   * @param maxStripeBits the most stripe bits adaptation may reach; equal to the minimum for a
   *     fixed stripe count
   * @param centralCount keep an exact central object count besides the per-cell ones
   * @param snapshotWrites make multi-object writes publish a new bucket array, so readers never
   *     wait or retry (readConcurrency)
   */
  StripedHashTable(
      int stripeBits, int minStripeBits, int maxStripeBits, boolean centralCount, boolean snapshotWrites) {
    this.minStripeBits = minStripeBits;
    this.maxStripeBits = maxStripeBits;
    this.adaptive = minStripeBits < maxStripeBits;
    this.snapshotWrites = snapshotWrites;
    this.stripes = newStripes(stripeBits);
    this.cellBits = maxStripeBits;
    this.cells = new Cell[1 << cellBits];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = new Cell();
    }
    this.initialBits = Math.max(MIN_BITS, maxStripeBits);
    this.centralObjects = centralCount ? new AtomicLong() : null;
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

  static int mix(Object key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int bits(Object[] tab) {
    return Integer.numberOfTrailingZeros(tab.length);
  }

  private static int index(int hash, int bits) {
    return hash >>> (32 - bits); // bits >= MIN_BITS > 0, so the shift is never 32
  }

  /**
   * Orders two keys with equal mixed hashes, so that next() can find where a deleted key stood:
   * by class name, then by compareTo for Comparable keys, otherwise by the identity hash of the
   * key instance. Returns 0 only when no order is known (same-named classes of two loaders,
   * compareTo 0, equal identity hashes); such keys keep insertion order.
   *
   * <p>The identity hash works because the stored key instance is the one first/next hand out, so
   * a walk that deleted the key it stands on passes that very instance back to next(). Before,
   * keys without an order all tied, and next() of a deleted one skipped the rest of the run,
   * missing keys present for the whole walk.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int tieOrder(Object a, Object b) {
    Class<?> ca = a.getClass();
    Class<?> cb = b.getClass();
    if (ca != cb) {
      return Integer.signum(ca.getName().compareTo(cb.getName()));
    }
    if (a instanceof Comparable) {
      return Integer.signum(((Comparable) a).compareTo(b));
    }
    return Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
  }

  // ---- reads ----

  /** The node holding {@code key}, or null. Lock-free; follows forwards. */
  Node find(Object key, int hash) {
    Object[] tab = table;
    for (; ; ) {
      Object bucket = SLOT.getAcquire(tab, index(hash, bits(tab)));
      if (bucket instanceof Forward forward) {
        tab = forward.table;
        continue;
      }
      for (Node n = (Node) bucket; n != null; n = n.next) {
        if (n.hash == hash) {
          if (n.key == key || n.key.equals(key)) {
            return n;
          }
        } else if (Integer.compareUnsigned(n.hash, hash) > 0) {
          return null;
        }
      }
      return null;
    }
  }

  /** A stamp to validate a read against multi-object writes; waits while one is in flight. */
  long readBegin() {
    long s = (long) SEQUENCE.getAcquire(this);
    int spins = 0;
    while ((s & 1) != 0) {
      if (++spins < SPINS_BEFORE_YIELD) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
      s = (long) SEQUENCE.getAcquire(this);
    }
    return s;
  }

  /** True if no multi-object write started since {@code stamp} was taken. */
  boolean readValidate(long stamp) {
    return (long) SEQUENCE.getAcquire(this) == stamp;
  }

  /**
   * The first node positioned after {@code (hash, key)} in traversal order, or the first node of
   * all when {@code key} is null. Each call reads each bucket once, lock-free.
   */
  Node firstAfter(int hash, Object key) {
    Object[] tab = table;
    int i = key == null ? 0 : index(hash, bits(tab));
    while (i < tab.length) {
      Object bucket = SLOT.getAcquire(tab, i);
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

  /** The first node of {@code chain} positioned after {@code (hash, key)}. */
  private static Node skipThrough(Node chain, int hash, Object key) {
    Node n = chain;
    while (n != null && Integer.compareUnsigned(n.hash, hash) < 0) {
      n = n.next;
    }
    if (n == null || n.hash != hash) {
      return n;
    }
    // A run of equal hashes: continue after the key if it is there, otherwise after every run
    // member ordered before it or tied with it.
    for (Node m = n; m != null && m.hash == hash; m = m.next) {
      if (m.key == key || m.key.equals(key)) {
        return m.next;
      }
    }
    while (n != null && n.hash == hash && tieOrder(n.key, key) <= 0) {
      n = n.next;
    }
    return n;
  }

  /** Visits every node in traversal order; weakly consistent, each long-lived node exactly once. */
  void forEach(java.util.function.Consumer<Node> visitor) {
    Object[] tab = table;
    int i = 0;
    Node last = null; // the last node visited: after a forward, resume strictly after it
    while (i < tab.length) {
      Object bucket = SLOT.getAcquire(tab, i);
      if (bucket instanceof Forward forward) {
        i = rescale(i, tab, forward.table);
        tab = forward.table;
        if (last != null) {
          i = Math.max(i, index(last.hash, bits(tab)));
        }
        continue;
      }
      Node n = last == null ? (Node) bucket : skipThrough((Node) bucket, last.hash, last.key);
      for (; n != null; n = n.next) {
        visitor.accept(n);
        last = n;
      }
      i++;
    }
  }

  // ---- consistent reads ----

  /**
   * The node holding {@code key}, never part of a multi-object write: with snapshot writes a plain
   * lock-free read, otherwise a read validated against the sequence (retried if it overlapped).
   */
  Node findConsistent(Object key, int hash) {
    if (snapshotWrites) {
      return find(key, hash);
    }
    for (; ; ) {
      long stamp = readBegin();
      Node node = find(key, hash);
      if (readValidate(stamp)) {
        return node;
      }
    }
  }

  /** {@link #firstAfter} made consistent with multi-object writes, as {@link #findConsistent}. */
  Node firstAfterConsistent(int hash, Object key) {
    if (snapshotWrites) {
      return firstAfter(hash, key);
    }
    for (; ; ) {
      long stamp = readBegin();
      Node node = firstAfter(hash, key);
      if (readValidate(stamp)) {
        return node;
      }
    }
  }

  // ---- single-object writes: lock(hash), findLocked/putLocked, release(stripe) ----

  private static int stripeIndex(int hash, Stripe[] in) {
    return in.length == 1 ? 0 : hash >>> (32 - Integer.numberOfTrailingZeros(in.length));
  }

  private Cell cellOf(int hash) {
    return cellBits == 0 ? cells[0] : cells[hash >>> (32 - cellBits)];
  }

  /** Locks and returns the stripe that now covers {@code hash}. */
  Stripe lock(int hash) {
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
  void release(Stripe stripe) {
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
  Node findLocked(Object key, int hash) {
    return find(key, hash);
  }

  /**
   * Stores {@code value} under {@code key}, or removes the key when {@code value} is null, and
   * adds {@code objectDelta} to the object count. The caller holds the key's stripe.
   */
  void putLocked(Stripe stripe, int hash, Object key, Object value, long objectDelta) {
    if (put(table, hash, key, value, objectDelta)) {
      stripe.crowded = true;
    }
  }

  /** Stores into {@code tab}; returns true if the key's cell has passed its load limit. */
  private boolean put(Object[] tab, int hash, Object key, Object value, long objectDelta) {
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
    SLOT.setRelease(tab, i, newHead);
    Cell cell = cellOf(hash);
    cell.keys += keyDelta;
    if (objectDelta != 0) {
      OBJECTS.setRelease(cell, cell.objects + objectDelta);
      if (centralObjects != null) {
        centralObjects.addAndGet(objectDelta);
      }
    }
    return keyDelta > 0 && cell.keys > keysPerCellLimit;
  }

  /** Copies the nodes of {@code head} before {@code stop}, ending the copy with {@code tail}. */
  private static Node copyBefore(Node head, Node stop, Node tail) {
    int count = 0;
    for (Node n = head; n != stop; n = n.next) {
      count++;
    }
    if (count == 0) {
      return tail;
    }
    Node[] prefix = new Node[count];
    int k = 0;
    for (Node n = head; n != stop; n = n.next) {
      prefix[k++] = n;
    }
    Node result = tail;
    for (int j = count - 1; j >= 0; j--) {
      Node n = prefix[j];
      result = new Node(n.hash, n.key, n.value, result);
    }
    return result;
  }

  // ---- multi-object writes ----

  /**
   * A multi-object write in progress: the locks it holds and the bucket array it writes to. Use
   * as {@code lockMany} / {@code lockAll}, then {@link #put}, then {@link #commit}.
   */
  final class Batch {
    private final Stripe[] locked;
    private final Object[] target; // the live table, or a private copy with snapshot writes
    private boolean crowded;
    private boolean begun;

    private Batch(Stripe[] locked, Object[] target) {
      this.locked = locked;
      this.target = target;
    }

    /** The node holding {@code key} as this batch sees it, its own earlier puts included. */
    Node find(Object key, int hash) {
      Object bucket = target[index(hash, bits(target))];
      for (Node n = (Node) bucket; n != null; n = n.next) {
        if (n.hash == hash && (n.key == key || n.key.equals(key))) {
          return n;
        }
        if (Integer.compareUnsigned(n.hash, hash) > 0) {
          return null;
        }
      }
      return null;
    }

    /** As {@link StripedHashTable#putLocked}, within the batch. */
    void put(int hash, Object key, Object value, long objectDelta) {
      if (!begun && !snapshotWrites) {
        writeBegin();
        begun = true;
      }
      crowded |= StripedHashTable.this.put(target, hash, key, value, objectDelta);
    }

    /** Drops every object, within the batch; the batch must hold every stripe. */
    void clear() {
      if (!snapshotWrites) {
        if (!begun) {
          writeBegin();
          begun = true;
        }
        forwardAll(table, new Object[1 << initialBits]);
      } else {
        Arrays.fill(target, null);
      }
      for (Cell cell : cells) {
        cell.keys = 0;
        OBJECTS.setRelease(cell, 0L);
      }
      if (centralObjects != null) {
        centralObjects.set(0);
      }
    }

    /** Makes the batch visible (if anything was written) and releases its locks. */
    void commit() {
      try {
        if (snapshotWrites) {
          install(target);
        } else if (begun) {
          writeEnd();
        }
      } finally {
        unlock(locked);
      }
      if (crowded) {
        resizeIfCrowded();
      }
    }

    /** Releases the locks; nothing written is undone (call only before any put). */
    void abandon() {
      if (begun) {
        writeEnd();
      }
      unlock(locked);
    }
  }

  /**
   * Starts a batch on the keys with {@code hashes}: with snapshot writes it locks every stripe and
   * works on a copy; otherwise it locks the keys' stripes in ascending order.
   */
  Batch lockMany(int[] hashes) {
    multiWriteLock.lock();
    Stripe[] current = stripes; // stable: changing the stripes needs multiWriteLock
    if (snapshotWrites) {
      return new Batch(lockEvery(current), table.clone());
    }
    boolean[] wanted = new boolean[current.length];
    int count = 0;
    for (int hash : hashes) {
      int s = stripeIndex(hash, current);
      if (!wanted[s]) {
        wanted[s] = true;
        count++;
      }
    }
    Stripe[] locked = new Stripe[count];
    int k = 0;
    for (int s = 0; s < current.length; s++) {
      if (wanted[s]) {
        current[s].lock();
        locked[k++] = current[s];
      }
    }
    return new Batch(locked, table);
  }

  /** Starts a batch that holds every stripe (deleteAllObjects). */
  Batch lockAll() {
    multiWriteLock.lock();
    Stripe[] current = stripes;
    return new Batch(lockEvery(current), snapshotWrites ? new Object[1 << initialBits] : table);
  }

  private static Stripe[] lockEvery(Stripe[] current) {
    for (Stripe stripe : current) {
      stripe.lock();
    }
    return current;
  }

  private void unlock(Stripe[] locked) {
    for (int k = locked.length - 1; k >= 0; k--) {
      locked[k].unlock();
    }
    multiWriteLock.unlock();
  }

  /** Starts a multi-object write: readers that overlap it will retry. Caller holds multiWriteLock. */
  private void writeBegin() {
    long s = (long) SEQUENCE.getOpaque(this);
    SEQUENCE.setOpaque(this, s + 1);
    VarHandle.storeStoreFence();
  }

  /** Ends a multi-object write. */
  private void writeEnd() {
    long s = (long) SEQUENCE.getOpaque(this);
    SEQUENCE.setRelease(this, s + 1);
  }

  /** Points every bucket of {@code old} at {@code replacement} and installs it. */
  private void forwardAll(Object[] old, Object[] replacement) {
    Forward forward = new Forward(replacement);
    for (int i = 0; i < old.length; i++) {
      SLOT.setRelease(old, i, forward);
    }
    install(replacement);
  }

  // ---- resizing and adaptation: both take every lock ----

  /**
   * Doubles the table until it is no longer crowded; call with no lock held. One multi-object
   * write can add many times the capacity, so a single doubling would leave long chains behind it.
   */
  void resizeIfCrowded() {
    // Racy pre-check, so that a cell over its share in a table that is not over its load factor
    // (random skew between cells) does not make every insert take every lock. Each doubling
    // takes and releases every lock, so writers and readers progress in between.
    while (keys() > (3L << bits(table)) / 4 && doubleIfCrowded()) {
      // one multi-object write can add many times the capacity: keep doubling
    }
  }

  private boolean doubleIfCrowded() {
    Batch all = lockAllForMaintenance();
    try {
      Object[] old = table;
      int oldBits = bits(old);
      if (oldBits >= MAX_BITS || keys() <= (3L << oldBits) / 4) {
        return false; // another writer resized first, or the crowding was one cell's bad luck
      }
      forwardAll(old, doubled(old));
      return true;
    } finally {
      unlock(all.locked);
    }
  }

  private Batch lockAllForMaintenance() {
    multiWriteLock.lock();
    return new Batch(lockEvery(stripes), null);
  }

  /** A table of twice the capacity holding the same chains, split; {@code old} is unchanged. */
  private static Object[] doubled(Object[] old) {
    int oldBits = bits(old);
    Object[] grown = new Object[old.length << 1];
    for (int i = 0; i < old.length; i++) {
      Node head = (Node) old[i];
      // Chains are sorted by hash, so the nodes whose next bit is 0 form a prefix: copy it,
      // share the rest.
      Node split = head;
      while (split != null && ((split.hash >>> (31 - oldBits)) & 1) == 0) {
        split = split.next;
      }
      grown[2 * i] = copyBefore(head, split, null);
      grown[2 * i + 1] = split;
    }
    return grown;
  }

  /** Multiplies the stripes by four, or halves them, if a stripe still asks for it. */
  private void adaptStripes(boolean grow) {
    Batch all = lockAllForMaintenance();
    try {
      Stripe[] current = all.locked;
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
      int target = grow ? Math.min(maxStripeBits, bits + GROW_STEP_BITS) : Math.max(minStripeBits, bits - 1);
      if (stillWanted && target != bits) {
        stripes = newStripes(target); // the capacity has at least maxStripeBits bits already
      } else {
        for (Stripe stripe : current) {
          stripe.contention = 0; // the signal is stale: start measuring afresh
        }
      }
    } finally {
      unlock(all.locked);
    }
  }

  private void install(Object[] tab) {
    // A cell's fair share of the 0.75 load factor, plus slack for the random variation between
    // cells (about three standard deviations of a binomial count), so that skew alone rarely
    // asks for a resize that the table-wide count then refuses.
    long share = ((3L << bits(tab)) / 4) / cells.length;
    keysPerCellLimit = (int) Math.max(1, share + 3 * (long) Math.sqrt(share) + 2);
    table = tab;
  }

  // ---- sizes ----

  /** The number of objects: exact when quiescent; while only inserts run, never decreasing. */
  long objects() {
    if (centralObjects != null) {
      return centralObjects.get();
    }
    long sum = 0;
    for (Cell cell : cells) {
      sum += (long) OBJECTS.getAcquire(cell);
    }
    return sum;
  }

  /** The number of keys; a racy estimate while writers run. */
  long keys() {
    long sum = 0;
    for (Cell cell : cells) {
      sum += cell.keys; // racy read: an estimate is all the callers need
    }
    return sum;
  }

  int capacity() {
    return table.length;
  }

  int stripeCount() {
    return stripes.length;
  }

  int cellCount() {
    return cells.length;
  }
}
