package io.jets.table.internal.hash;

import io.jets.table.internal.CommitMarker;
import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.spi.StoredObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A hash table whose readers never lock and never write shared memory, and whose writers lock one
 * stripe of keys each.
 *
 * <p>The subclass (the hash engine, {@link HashStore}) decides what a value is; this class keeps
 * buckets, stripes and sizes. A base class rather than a field of the engine, so a read reaches the
 * bucket array with one load fewer.
 */
public abstract class StripedBuckets {
  /*
   * Design notes
   *
   * Concurrency. A bucket holds a chain of Nodes whose keys and links never change. A writer
   * holding the stripe lock of a key that inserts or removes it builds a new chain (copying the
   * nodes before the changed one, sharing the rest) and publishes it with a release store; one
   * that gives a present key a new value writes the node's value in place with a release store,
   * as ConcurrentHashMap does (no allocation, no copy). A reader loads the bucket with an acquire
   * load, walks links nobody will change and loads the value it returns once, with an acquire
   * load, so it sees the old value or the new one. Reads are therefore lock-free,
   * allocation-free and write nothing. Only single-key writers write in place: a multi-object
   * write builds new nodes for every key it changes, so the old chain a marker hands out stays
   * as it was (see below).
   *
   * Order. A key's bucket is the low `bits` bits of its spread hash (a mask, as in
   * ConcurrentHashMap); its order is the spread hash bit-reversed, chains are sorted by order
   * (BucketChain), and a traversal visits buckets by the top bits of the order (the bucket index
   * reversed). So doubling splits bucket i into i and i + capacity without reordering anything,
   * next(key) can continue from a deleted key, and a traversal visits each long-lived key once
   * across resizes [1]. A read computes the order beside its loads, so the reversal costs it no
   * latency.
   *
   * Tree bins. A bucket whose chain reaches TreeBin.TREE_AT keys, all of one Comparable class
   * that tells every two of them apart, becomes a TreeBin: an AVL tree in the same order as the
   * chain, so colliding hash codes cost O(log n) instead of O(n) per operation (as
   * ConcurrentHashMap's tree bins). Keys that cannot be ordered stay in chains. Writers change a
   * tree in place under its stripe in ways a lock-free reader cannot misread (TreeBin says how);
   * readers meet it as they meet a chain: one acquire load of the bucket, then acquire loads.
   *
   * Stripes. The stripe of a key is the low `stripeBits` bits of its spread hash, and the capacity
   * never has fewer bits than the stripes, so each bucket belongs to exactly one stripe and two
   * writers never build the same chain. ETS uses 64 locks for a write_concurrency hash table [2];
   * so do we.
   *
   * Resize (StripedMaintenance). A writer that finds its stripe over the load threshold releases
   * its lock and then takes all stripes; the resizer builds the whole new table, then stores a
   * Forward into every old bucket, then publishes the new table. Readers holding the old table
   * follow the Forward. Building fully before forwarding means a traversal that has moved to the
   * new table never meets an unfilled bucket. A writer whose thread holds another stripe (user
   * code, such as an update function, writing a key of another stripe) leaves the resize to that
   * stripe's release: the outer write has looked its key up in the live array and must write there.
   *
   * Multi-object atomicity: staging and a commit marker. Operations on many objects (insertAll,
   * insertNewAll) serialize on multiWriteLock and take the stripes they touch in ascending order.
   * The batch (StripedBatch) then stages: it computes every new bucket chain privately, running all
   * user code (keys' equals, the facade's merge), and publishes nothing. If staging throws, the
   * batch is dropped and nothing changed. Otherwise it stores in each touched bucket a
   * CommitMarker holding the old chain, the new chain and the batch's shared Commit; one
   * store-release of the commit flag is the linearization point; then it replaces each marker by
   * its new chain. A reader that meets a marker takes the old or the new chain by the flag, so it
   * never waits, never retries and never sees half a batch, even across two reads of its own (the
   * flag, once seen set, stays set, and every marker is in place before it is set).
   * deleteAllObjects publishes a fresh empty bucket array with one store: a reader that loaded the
   * old array reads a frozen pre-clear state, since no writer stores into a replaced array.
   * Single-object writers never meet a marker: the batch holds their stripe while one is in place.
   * readConcurrency therefore changes nothing here: reads never wait in any mode.
   *
   * Batch sizing. A batch that would push the table past its load factor first doubles it (as a
   * resize, under every lock), so one insertAll of n new keys writes into buckets of the right
   * size and costs O(n).
   *
   * Adaptive stripes (AUTO). A writer first tries its stripe's lock; a failed try adds
   * CONTENDED_INCREMENT to the stripe's contention statistic, an uncontended acquisition subtracts
   * one, as in the CA tree's statistic [3]. A stripe whose statistic passes GROW_AT multiplies the
   * stripe count by four (up to maxStripeBits); a long quiet run halves it (down to minStripeBits).
   * Changing the stripe count (StripedMaintenance) takes every lock; writers waiting on a replaced
   * stripe notice the change and retry.
   *
   * Counts. Object counts live in cells (CellCounters) indexed by the low bits of the spread
   * hash, as many bits as the table may ever have stripe bits, so every cell stays covered by
   * exactly one stripe whatever the current count. Resizing reads key counts: each stripe counts
   * its cells' keys, and a writer whose stripe reaches its share of the limit sums the stripes, one
   * read per stripe (an AUTO table nobody contends has one stripe, so an exact count and no sum); a
   * set with a central count (a LongAdder) also reads it near the limit, so it doubles exactly
   * there (see count). A change of stripes sums the cells into the new stripes.
   *
   * [1] O. Shalev, N. Shavit. Split-ordered lists: lock-free extensible hash tables. JACM 2006.
   * [2] erts/emulator/beam/erl_db_hash.c, DB_HASH_LOCK_CNT.
   * [3] K. Sagonas, K. Winblad. Contention adapting search trees. ISPDC 2015.
   */

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  /** A bucket, load-acquire: its chain is read only once fully built. */
  static Object laSlot(Object[] tab, int i) {
    return SLOT.getAcquire(tab, i);
  }

  /** Publishes a bucket's chain, marker or forward, store-release; the caller holds its stripe. */
  static void srSlot(Object[] tab, int i, Object bucket) {
    SLOT.setRelease(tab, i, bucket);
  }

  private static final int MIN_BITS = 4; // 16 buckets: small tables cost little, doubling is cheap

  final int minStripeBits; // the bounds of adaptation, read by StripedMaintenance
  final int maxStripeBits;
  private final boolean adaptive;
  private final CellCounters counts;
  private final int initialBits;
  private final ReentrantLock multiWriteLock = new ReentrantLock();

  private volatile Stripe[] stripes;
  private int keysPerStripeLimit; // written under every stripe, read under one
  private long keysLimit; // the load limit; written under every stripe, read under one
  private final boolean centralKeys; // a set with a central count: it counts keys exactly
  private volatile Object[] table;

  /**
   * @param stripeBits log2 of the initial number of writer stripes (0 for a single lock)
   * @param minStripeBits the fewest stripe bits adaptation may reach
   * @param maxStripeBits the most stripe bits adaptation may reach; equal to the minimum for a
   *     fixed stripe count
   * @param centralCount keep a central object count besides the per-cell ones
   * @param set every key holds one object, so a central count also counts keys
   */
  public StripedBuckets(
      int stripeBits, int minStripeBits, int maxStripeBits, boolean centralCount, boolean set) {
    this.minStripeBits = minStripeBits;
    this.maxStripeBits = maxStripeBits;
    this.adaptive = minStripeBits < maxStripeBits;
    this.stripes = Stripe.array(stripeBits);
    this.counts = new CellCounters(maxStripeBits, centralCount);
    this.centralKeys = centralCount && set;
    this.initialBits = Math.max(MIN_BITS, maxStripeBits);
    install(new Object[1 << initialBits]);
  }

  // ---- hashing and order ----

  public static int bits(Object[] tab) {
    return Integer.numberOfTrailingZeros(tab.length);
  }

  /** The position in traversal order of order {@code hash} in a table of 2^bits buckets. */
  private static int position(int hash, int bits) {
    return hash >>> (32 - bits); // bits >= MIN_BITS > 0, so the shift is never 32
  }

  /** The bucket at traversal {@code position} in a table of 2^bits buckets. */
  static int bucketAt(int position, int bits) {
    return Integer.reverse(position) >>> (32 - bits);
  }

  // ---- reads: lock-free, wait-free of writers ----

  /** The content (chain or tree) a bucket that is not a forward holds for a reader now. */
  static Object content(Object bucket) {
    return bucket instanceof CommitMarker marker ? marker.content() : bucket;
  }

  /**
   * The node holding {@code key}, whose spread hash is {@code spread}, or null. Lock-free and never
   * waits; follows forwards. The bucket is a mask of the spread hash; the order it compares is
   * computed beside the loads, off their path.
   */
  public StoredObject find(Object key, int spread) {
    Object[] tab = table;
    int order = Integer.reverse(spread);
    for (; ; ) {
      Object bucket = laSlot(tab, spread & (tab.length - 1));
      if (bucket == null) {
        return null;
      } else if (bucket instanceof Node chain) {
        return BucketChain.find(chain, order, key);
      } else if (bucket instanceof Forward forward) {
        tab = forward.table;
      } else if (bucket instanceof TreeBin tree) {
        return tree.find(order, key);
      } else {
        return BucketChain.find(((CommitMarker) bucket).content(), order, key);
      }
    }
  }

  /**
   * The first node positioned after {@code (hash, key)} in traversal order, or the first node of
   * all when {@code key} is null. Each call reads each bucket once, lock-free.
   */
  public StoredObject firstAfter(int hash, Object key) {
    Object[] tab = table;
    int i = key == null ? 0 : position(hash, bits(tab));
    while (i < tab.length) {
      Object bucket = laSlot(tab, bucketAt(i, bits(tab)));
      if (bucket instanceof Forward forward) {
        i = rescale(i, tab, forward.table);
        tab = forward.table;
        if (key != null) {
          i = Math.max(i, position(hash, bits(tab)));
        }
        continue;
      }
      Object content = content(bucket);
      StoredObject n =
          key == null ? BucketChain.first(content) : BucketChain.skipThrough(content, hash, key);
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

  // ---- single-object writes: lock(hash), findLocked/putLocked, release(stripe) ----

  /**
   * The stripe of a key: the low bits of its spread hash, so of its bucket index (the capacity
   * never has fewer bits than the stripes).
   */
  static int stripeIndex(int spread, Stripe[] in) {
    return spread & (in.length - 1);
  }

  /** Locks and returns the stripe that now covers the key with spread hash {@code spread}. */
  public Stripe lock(int spread) {
    if (!adaptive) {
      Stripe[] fixed = stripes; // never replaced: only adaptation replaces the stripes
      Stripe stripe = fixed[stripeIndex(spread, fixed)];
      stripe.lock();
      return stripe;
    }
    for (; ; ) {
      Stripe[] current = stripes;
      Stripe stripe = current[stripeIndex(spread, current)];
      stripe.lockMeasuringContention();
      if (stripes == current) {
        return stripe;
      }
      stripe.unlock(); // the stripes were replaced while we waited: find the new one
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
      resizeIfCrowded(0);
    }
    if (ContentionStatistic.wantsMore(contention) && stripes.length < (1 << maxStripeBits)) {
      StripedMaintenance.adaptStripes(this, true);
    } else if (ContentionStatistic.wantsFewer(contention)
        && stripes.length > (1 << minStripeBits)) {
      StripedMaintenance.adaptStripes(this, false);
    }
  }

  /** The object holding {@code key}, of spread hash {@code spread}; the caller holds its stripe. */
  public StoredObject findLocked(Object key, int spread) {
    // The live array has no forwards and no markers while the key's stripe is held.
    Object[] tab = table;
    return BucketChain.find(tab[spread & (tab.length - 1)], Integer.reverse(spread), key);
  }

  /**
   * Stores {@code value} under {@code key}, or removes the key when {@code value} is null, and adds
   * {@code objectDelta} to the object count. With {@code looked}, {@code present} is what the key
   * holds now (null: nothing), as the caller found it under this lock; otherwise the key is looked
   * up again. A chain node that holds the key takes a new value in place, with one release store.
   * The caller holds the key's stripe.
   */
  public void putLocked(
      Stripe stripe,
      int spread,
      boolean looked,
      StoredObject present,
      Object key,
      Object value,
      long objectDelta) {
    Object[] tab = table;
    int i = spread & (tab.length - 1);
    Object bucket = tab[i];
    int order = Integer.reverse(spread);
    StoredObject node = looked ? present : BucketChain.find(bucket, order, key);
    if (node instanceof Node chained && value != null) {
      chained.replaceValue(value);
    } else {
      Object edited = BucketChain.edit(bucket, order, key, value, node, null);
      if (edited != bucket) {
        srSlot(tab, i, edited);
      }
    }
    int keyDelta = BucketChain.keyDelta(node, value);
    if ((keyDelta | objectDelta) != 0 && count(stripe, spread, keyDelta, objectDelta)) {
      stripe.crowded = true;
    }
  }

  /** As {@link #count(Stripe, int, int, long)}, for a batch that holds the stripe of spread. */
  boolean count(int spread, int keyDelta, long objectDelta) {
    Stripe[] held = stripes; // stable: the caller holds a stripe
    return count(held[stripeIndex(spread, held)], spread, keyDelta, objectDelta);
  }

  /**
   * Adds to the counts of {@code spread}, whose stripe the caller holds; true if a key was added
   * and the table may now be crowded: the stripe reached its share of the load limit (ceil(limit /
   * stripes): when the keys reach the limit some stripe has, so the stripes' sum is never skipped,
   * though it may come a few keys late), or, for a set with a central count (a LongAdder), the
   * stripe is past three quarters of its share and that count reached the limit, so the set doubles
   * exactly there, as ConcurrentHashMap does. Nothing every writer writes decides: a central
   * AtomicLong did, and two threads writing different keys passed its cache line back and forth.
   */
  private boolean count(Stripe stripe, int spread, int keyDelta, long objectDelta) {
    int keys = stripe.keys += keyDelta;
    counts.add(spread, keyDelta, objectDelta);
    if (keyDelta <= 0) {
      return false;
    }
    int share = keysPerStripeLimit;
    return keys >= share
        || (centralKeys && keys >= share - (share >>> 2) && counts.objects() >= keysLimit);
  }

  // ---- multi-object writes: see StripedBatch ----

  /**
   * Takes the lock that serializes multi-object writes and stripe changes; see {@link
   * StripedBatch}.
   */
  Stripe[] lockMultiWrite() {
    multiWriteLock.lock();
    return stripes; // stable: changing the stripes needs multiWriteLock
  }

  /**
   * The live bucket array: stable for a batch or a resize, which hold the multi-object write lock;
   * a racy look otherwise.
   */
  Object[] liveBuckets() {
    return table;
  }

  /** A stripe this thread holds (user code running under it), or null; see StripedBatch. */
  Stripe heldStripe() {
    return Stripe.heldByThisThread(stripes); // stable while this thread holds one of them
  }

  /** Releases the stripes of a batch, then multiWriteLock. */
  void unlock(Stripe[] locked) {
    for (int k = locked.length - 1; k >= 0; k--) {
      locked[k].unlock();
    }
    multiWriteLock.unlock();
  }

  // ---- resizing and adaptation: both take every lock, see StripedMaintenance ----

  /**
   * Doubles the table until {@code extra} more keys would not crowd it; call with no lock held. See
   * {@link StripedMaintenance#resizeIfCrowded}.
   */
  public void resizeIfCrowded(long extra) {
    StripedMaintenance.resizeIfCrowded(this, extra);
  }

  /** Publishes {@code tab} as the live bucket array. Caller holds every stripe. */
  void install(Object[] tab) {
    limitStripes(stripes, bits(tab));
    table = tab;
  }

  /**
   * Publishes {@code fresh} as the stripes, their key counts summed from the cells. Caller holds
   * multiWriteLock and every stripe it replaces.
   */
  void installStripes(Stripe[] fresh) {
    counts.addKeysTo(fresh);
    limitStripes(fresh, bits(table));
    stripes = fresh;
  }

  /** Sets each stripe's share of the load limit of 2^tableBits buckets, rounded up. */
  private void limitStripes(Stripe[] all, int tableBits) {
    keysLimit = StripedMaintenance.loadLimit(tableBits);
    keysPerStripeLimit = (int) -Math.floorDiv(-keysLimit, all.length);
  }

  /** A new, empty bucket array of the initial capacity. */
  Object[] emptyBuckets() {
    return new Object[1 << initialBits];
  }

  /** Sets every count to zero. Caller holds every stripe. */
  void clearCounts() {
    counts.clear();
    for (Stripe stripe : stripes) {
      stripe.keys = 0;
    }
  }

  // ---- sizes ----

  /** The number of objects: exact when quiescent; while only inserts run, never decreasing. */
  public long objects() {
    return counts.objects();
  }

  /** The number of keys; a racy estimate while writers run. */
  public long keys() {
    long sum = 0;
    for (Stripe stripe : stripes) {
      sum += stripe.keys; // racy read of other stripes: an estimate is all the callers need
    }
    return sum;
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
