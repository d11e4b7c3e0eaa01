package io.jets.table.internal.hash;

import io.jets.table.MatchSpec;
import io.jets.table.WriteConcurrency;
import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import io.jets.table.spi.WriteInUserCodeException;
import java.util.Comparator;

/**
 * The hash engine of {@code set}, {@code bag} and {@code duplicate_bag} tables: a {@link Store} on
 * {@link StripedBuckets}. Reads are lock-free; a single-key write holds the stripe of its key.
 *
 * <p>See {@link StripedBuckets} for the design (buckets, stripes, resizing, multi-object writes).
 */
public final class HashStore extends StripedBuckets implements Store {

  /** ETS's lock count for write_concurrency hash tables (DB_HASH_LOCK_CNT): 64. */
  static final int CONCURRENT_STRIPE_BITS = 6;

  /** AUTO starts with one lock, as cheap as OFF until contention shows. */
  static final int AUTO_MIN_STRIPE_BITS = 0;

  /** AUTO may reach 256 locks: four times ETS's fixed count, for many-core machines. */
  static final int AUTO_MAX_STRIPE_BITS = 8;

  private final boolean bag;
  private StripedBatch everyStripe; // held between lockAll and unlockAll, by the table's lifecycle
  private boolean dropped;

  /**
   * @param bag whether values are bags' {@code Object[]} (only the memory estimate cares)
   */
  public HashStore(WriteConcurrency writeConcurrency, boolean decentralizedCounters, boolean bag) {
    super(
        stripeBits(writeConcurrency, false),
        stripeBits(writeConcurrency, false),
        stripeBits(writeConcurrency, true),
        writeConcurrency != WriteConcurrency.OFF && !decentralizedCounters,
        !bag);
    this.bag = bag;
  }

  /**
   * The stripe bits a mode starts with and may shrink to ({@code most} false), or may grow to: one
   * lock for OFF, ETS's 64 for ON, from one to 256 for AUTO.
   */
  private static int stripeBits(WriteConcurrency writeConcurrency, boolean most) {
    return switch (writeConcurrency) {
      case OFF -> 0;
      case ON -> CONCURRENT_STRIPE_BITS;
      case AUTO -> most ? AUTO_MAX_STRIPE_BITS : AUTO_MIN_STRIPE_BITS;
    };
  }

  // ---- reads ----

  @Override
  public StoredObject find(Object key) {
    return find(key, BucketChain.spread(key));
  }

  @Override
  public StoredObject step(Object key, boolean forward) {
    return firstAfter(key == null ? 0 : BucketChain.order(key), key);
  }

  /**
   * Walks the table in traversal order, one bucket read at a time, continuing from the last key
   * visited, so a concurrent resize or delete never makes it skip or repeat a key. A hash table has
   * no reverse order, as in ETS.
   */
  @Override
  public boolean scan(
      MatchSpec<?, ?, ?> spec, boolean reverse, boolean resume, Object after, Visitor visitor) {
    StoredObject node = step(resume ? after : null, true);
    while (node != null) {
      if (!visitor.visit(node)) {
        return false;
      }
      // A chain read once keeps its keys (values may change, each read atomically): follow it to
      // its end, then step on (a tree bin's objects are reached by steps).
      node = node instanceof Node n && n.next != null ? n.next : step(node.key, true);
    }
    return true;
  }

  /**
   * A slot is a bucket, numbered in traversal order; one moved by a resize is read where it went.
   */
  @Override
  public long slot(long index, Visitor visitor) {
    Object[] tab = liveBuckets();
    while (index < tab.length) {
      Object bucket = laSlot(tab, bucketAt((int) index, bits(tab)));
      if (bucket instanceof Forward forward) {
        tab = forward.table;
        continue;
      }
      Object content = content(bucket);
      if (content instanceof TreeBin tree) {
        for (StoredObject object : tree.visit()) {
          visitor.visit(object);
        }
      } else {
        for (Node n = (Node) content; n != null; n = n.next) {
          visitor.visit(n);
        }
      }
      break;
    }
    return tab.length;
  }

  @Override
  public Comparator<Object> keyOrder() {
    return null;
  }

  // ---- single-key writes ----

  @Override
  public Object lock(Object key) {
    Stripe stripe = lock(BucketChain.spread(key));
    if (stripe.userCode) { // held by this very thread, which is running an update's function
      release(stripe);
      throw new WriteInUserCodeException();
    }
    return stripe;
  }

  @Override
  public void userCode(Object lock, boolean running) {
    ((Stripe) lock).userCode = running;
  }

  /** Notes that the holder looked, so that the write that follows need not look again. */
  @Override
  public StoredObject findLocked(Object lock, Object key) {
    Stripe stripe = (Stripe) lock;
    stripe.looking = true;
    stripe.lookedAt = stripe.writes;
    return findLocked(key, BucketChain.spread(key));
  }

  /**
   * Trusts {@code present} (null included), as the contract allows, if no write under the lock came
   * between it and the {@link #findLocked} that returned it (user code run under the lock may write
   * the same key on this thread, which the reentrant stripe lets through); otherwise looks the key
   * up again. A key that its node holds then takes the new value in place: no allocation and no
   * chain copy, as {@code ConcurrentHashMap} writes a present key.
   */
  @Override
  public void putLocked(
      Object lock, StoredObject present, Object key, Object value, long objectDelta) {
    Stripe stripe = (Stripe) lock;
    boolean looked = stripe.looking && stripe.lookedAt == stripe.writes;
    stripe.writes++;
    stripe.looking = false;
    int spread =
        present instanceof Node node ? Integer.reverse(node.hash) : BucketChain.spread(key);
    putLocked(stripe, spread, looked, present, key, value, objectDelta);
  }

  @Override
  public void unlock(Object lock) {
    Stripe stripe = (Stripe) lock;
    stripe.looking = false;
    release(stripe);
  }

  // ---- a set's single-key writes in one call ----

  /** Whether a write may proceed; asked under the key's stripe, which ownership changes take. */
  public interface WriteGate {
    boolean mayWrite();
  }

  /** What {@link #writeSet} returns when it wrote nothing and the caller must take its own path. */
  public static final StoredObject REFUSED = new StoredObject(new Object(), null);

  /**
   * A set's insert (or, with a null {@code value}, delete) of one key as one call: the key hashed
   * once, its stripe locked, looked up and written with nothing between, as lock, findLocked,
   * putLocked and unlock would do it. Returns what the key held (null: nothing), or {@link
   * #REFUSED}, having changed nothing, if {@code gate} refuses under the lock or the stripe is
   * running user code on this thread (the caller's general path then reports why).
   */
  public StoredObject writeSet(Object key, int spread, Object value, WriteGate gate) {
    Stripe stripe = lockToWrite(spread, gate);
    if (stripe == null) {
      return REFUSED;
    }
    try {
      StoredObject present = findLocked(key, spread);
      if (present != null || value != null) {
        long delta = value == null ? -1 : present == null ? 1 : 0;
        writeLocked(stripe, spread, present, key, value, delta);
      }
      return present;
    } finally {
      release(stripe);
    }
  }

  /**
   * A set's {@code updateCounter(key, increment)} on a {@code Long} counter as one call, as {@link
   * #writeSet}: the sum is written in place. Returns the stored sum, or null, having changed
   * nothing, if {@code gate} refuses, the stripe runs user code, the key is missing, its value is
   * not a {@code Long} or the sum would overflow: the caller's general path then handles or reports
   * it.
   */
  public Long addToCounter(Object key, int spread, long increment, WriteGate gate) {
    Stripe stripe = lockToWrite(spread, gate);
    if (stripe == null) {
      return null;
    }
    try {
      StoredObject present = findLocked(key, spread);
      if (present == null || !(present.laValue() instanceof Long current)) {
        return null;
      }
      Long stored;
      try {
        stored = Math.addExact(current, increment);
      } catch (ArithmeticException overflow) {
        return null;
      }
      writeLocked(stripe, spread, present, key, stored, 0);
      return stored;
    } finally {
      release(stripe);
    }
  }

  /**
   * The key's stripe, locked, if {@code gate} lets the write proceed and no user code runs under
   * the stripe on this thread; otherwise null, with the stripe released.
   */
  private Stripe lockToWrite(int spread, WriteGate gate) {
    Stripe stripe = lock(spread);
    if (stripe.userCode || !gate.mayWrite()) {
      release(stripe);
      return null;
    }
    return stripe;
  }

  /** As {@link #putLocked(Object, StoredObject, Object, Object, long)}, after a look just made. */
  private void writeLocked(
      Stripe stripe, int spread, StoredObject present, Object key, Object value, long delta) {
    stripe.writes++;
    stripe.looking = false;
    putLocked(stripe, spread, true, present, key, value, delta);
  }

  // ---- multi-object writes ----

  /**
   * Stages every object (running the keys' {@code equals} and the merge) before publishing any,
   * then commits them at one point; if staging throws, nothing was published and the exception
   * reaches the caller. A batch that would crowd the table grows it first, so n new keys cost O(n).
   */
  @Override
  public boolean writeAll(Object[] keys, Merge merge, boolean onlyNew, Runnable lockedCheck) {
    if (keys.length == 0) {
      return true;
    }
    int[] hashes = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      hashes[i] = BucketChain.spread(keys[i]);
    }
    resizeIfCrowded(keys.length);
    StripedBatch write = StripedBatch.lockMany(this, hashes);
    try {
      write.refuseUserCode();
      lockedCheck.run();
      if (onlyNew) {
        for (int i = 0; i < keys.length; i++) {
          if (write.find(keys[i], hashes[i]) != null) {
            write.abandon();
            return false;
          }
        }
      }
      for (int i = 0; i < keys.length; i++) {
        StoredObject present = write.find(keys[i], hashes[i]);
        Object merged = merge.merge(i, present);
        if (merged != null) {
          write.put(hashes[i], keys[i], merged, merge.objectDelta(present, merged));
        }
      }
    } catch (Throwable e) { // a checked one too, thrown past the compiler by user code
      write.abandon(); // user code threw while staging: nothing was published
      throw e;
    }
    write.commit();
    return true;
  }

  @Override
  public void clear(Runnable lockedCheck) {
    StripedBatch.refuseNested(this);
    StripedBatch all = StripedBatch.lockAll(this);
    try {
      all.refuseUserCode();
      lockedCheck.run();
    } catch (RuntimeException | Error e) {
      all.abandon();
      throw e;
    }
    all.clear();
    all.commit();
  }

  // ---- the table's lifecycle ----

  @Override
  public void lockAll() {
    everyStripe = StripedBatch.lockAll(this);
    dropped = false;
  }

  @Override
  public void dropLocked() {
    everyStripe.clear();
    dropped = true;
  }

  @Override
  public void unlockAll() {
    StripedBatch all = everyStripe;
    everyStripe = null;
    if (dropped) {
      all.commit();
    } else {
      all.abandon();
    }
  }

  // ---- counts ----

  @Override
  public long memoryBytes() {
    // References are 4 bytes with compressed oops; a node is a 12-byte header and four fields
    // (32 bytes aligned); a bag's value array adds a 16-byte header and 4 bytes per value.
    long keys = keys();
    long bytes = 16L + 4L * capacity() + 32L * keys + 128L * (stripeCount() + cellCount());
    if (bag) {
      bytes += 16L * keys + 4L * objects();
    }
    return bytes;
  }

  @Override
  public int lockCount() {
    return stripeCount();
  }
}
