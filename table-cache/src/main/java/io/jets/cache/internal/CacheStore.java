package io.jets.cache.internal;

import io.jets.cache.CacheStats;
import io.jets.cache.Weigher;
import io.jets.table.BadArgumentException;
import io.jets.table.MatchSpec;
import io.jets.table.internal.TableOptions;
import io.jets.table.internal.hash.BucketChain;
import io.jets.table.internal.hash.HashStore;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import java.util.Comparator;
import java.util.function.Supplier;

/**
 * The cache engine: a {@link Store} that adds expiry, a size or weight bound and listener
 * notification to the hash engine. The table facade ({@link CacheStoreTable}) sees a set table. One
 * subclass per configuration ({@link CacheEngines}) records the reads.
 */
abstract sealed class CacheStore implements Store
    permits CacheEngines.Eternal,
        CacheEngines.Expiring,
        CacheEngines.Bounded,
        CacheEngines.BoundedExpiring {
  /*
   * Design notes
   *
   * Layers. The objects live in a HashStore (the hash engine, unchanged) whose values are
   * CacheEntry objects: the user's value, its deadlines and weight, and the links of the policy.
   * A CacheEntry is a StoredObject holding the key and the user's value, so every read hands the
   * entry itself to the facade and allocates nothing. The hash engine gives storage, stripes,
   * resizing, consistent reads, atomic multi-object writes and traversal order; nothing of it is
   * repeated here. This class adds the deadline check of every read, the entries of every write,
   * and the weigher; CacheMaintenance keeps the policy (CachePolicy: bound and expiry) in step
   * after each write, and CacheNotifier tells the listener and the stats.
   *
   * Reads. find, step and scan are the hash engine's, then a deadline check: an entry whose
   * deadline has passed is absent to every read, whether or not it has been removed yet. The clock
   * is read only for entries that can expire, and once per step or scan. A read of one key by the
   * table (get, lookup, member, getOrLoad) also reports to lookedUp, which moves the access
   * deadline (expireAfterAccess; an entry whose first deadline this sets is queued for the wheel,
   * see CacheMaintenance), feeds the frequency sketch (a bound) and counts the hit or miss (stats).
   * Which of these a read does is fixed when the table is built: each configuration has its own
   * subclass (CacheEngines), so an unbounded cache without expiry pays for none of them. A bounded
   * cache's reads go through a striped, lossy ReadBuffer, never the policy itself; an access
   * deadline is an opaque, racy store. Traversals, folds and select read without counting as
   * accesses.
   *
   * Single-key writes. lock(key) takes the key's stripe and returns a CacheWrite, the token the
   * facade passes back to findLocked, putLocked and unlock. findLocked treats an expired entry as
   * absent. putLocked stores a new entry (a new value and new deadlines; an update keeps the
   * entry's own time to live, an insert brings its own in an Insertion, weighed before the lock)
   * and records the change in the token. unlock releases the stripe first, then hands the token to
   * CacheMaintenance.finish, which relinks the policy, removes what expired or must be evicted and
   * notifies the listener, with no stripe held.
   *
   * Counts. The store counts entries, expired ones not yet removed included (the size a cache
   * table reports), so putLocked ignores the facade's object delta, which treats an expired entry
   * as absent, and computes its own from the hash node it replaces.
   *
   * Multi-object writes. writeAll is the hash engine's atomic batch, with a merge that wraps each
   * value in a new entry and records the change; an expired entry counts as absent, also for
   * insertNewAll's check, which runs once every stripe of the batch is held. Values are weighed
   * before any lock, so a weigher that fails changes nothing. clear collects the entries it drops
   * while holding every stripe. Both then finish as a single-key write does, with one event per
   * object.
   *
   * Deletion. dropLocked clears the hash engine, then the policy (stripes before the policy lock),
   * and stops the background visits.
   */

  final HashStore hashes;
  final CacheClock clock;
  private final Weigher<Object, Object> weigher; // null: every object weighs 1
  final CacheNotifier notifier;
  final CacheMaintenance maintenance;

  @SuppressWarnings("unchecked")
  CacheStore(TableOptions options, CacheOptions cache) {
    this.hashes = new HashStore(options.writeConcurrency(), options.decentralizedCounters(), false);
    this.clock =
        new CacheClock(
            cache.ticker(),
            cache.expireAfterWriteNanos(),
            cache.expireAfterAccessNanos(),
            cache.refreshAfterWriteNanos(),
            cache.expiry());
    this.weigher = (Weigher<Object, Object>) cache.weigher();
    this.notifier = new CacheNotifier(cache.listener(), cache.recordStats());
    this.maintenance =
        new CacheMaintenance(
            hashes,
            new CachePolicy(cache.maximum(), 0),
            notifier,
            clock,
            cache.backgroundExpiry(),
            cache.executor());
  }

  /** Names the table in errors and logs; called once, before the table is published. */
  void attach(Supplier<String> tableName) {
    notifier.attach(tableName);
  }

  // ---- reads ----

  /** The live entry of a hash node, or null; reads the clock only for an entry that can expire. */
  private CacheEntry live(StoredObject node) {
    if (node == null) {
      return null;
    }
    CacheEntry entry = (CacheEntry) node.laValue();
    return entry.canExpire() && entry.isExpired(clock.now()) ? null : entry;
  }

  private static CacheEntry liveAt(StoredObject node, long now) {
    if (node == null) {
      return null;
    }
    CacheEntry entry = (CacheEntry) node.laValue(); // once: a write may replace it in place
    return entry.isExpired(now) ? null : entry;
  }

  @Override
  public StoredObject find(Object key) {
    return live(hashes.find(key));
  }

  @Override
  public StoredObject step(Object key, boolean forward) {
    long now = clock.now();
    StoredObject node = hashes.step(key, forward);
    CacheEntry live = null;
    while (node != null && (live = liveAt(node, now)) == null) {
      node = hashes.step(node.key, forward);
    }
    return live;
  }

  @Override
  public boolean scan(
      MatchSpec<?, ?, ?> spec, boolean reverse, boolean resume, Object after, Visitor visitor) {
    long now = clock.now();
    return hashes.scan(
        spec,
        reverse,
        resume,
        after,
        node -> {
          CacheEntry entry = liveAt(node, now);
          return entry == null || visitor.visit(entry);
        });
  }

  @Override
  public long slot(long index, Visitor visitor) {
    long now = clock.now();
    return hashes.slot(
        index,
        node -> {
          CacheEntry entry = liveAt(node, now);
          return entry == null || visitor.visit(entry);
        });
  }

  @Override
  public Comparator<Object> keyOrder() {
    return null;
  }

  /**
   * Records a read of one key by the table: {@code found} is what {@link #find} returned. Counts
   * the hit or miss; what else a read records depends on the configuration (see the subclasses).
   */
  abstract void lookedUp(StoredObject found);

  // ---- single-key writes: the token is a CacheWrite ----

  @Override
  public Object lock(Object key) {
    long now = clock.now();
    return new CacheWrite(hashes.lock(key), BucketChain.spread(key), now, 1);
  }

  @Override
  public StoredObject findLocked(Object lock, Object key) {
    CacheWrite write = (CacheWrite) lock;
    return write.live(stored(write, key));
  }

  /** The entry the write's key holds, as the write sees it; live or not. */
  private CacheEntry stored(CacheWrite write, Object key) {
    if (!write.lookedYet()) {
      StoredObject node = hashes.findLocked(write.stripe, key);
      write.node = node;
      write.looked(node == null ? null : (CacheEntry) node.laValue());
    }
    return write.current();
  }

  /**
   * Stores a new entry for {@code value}; the store counts entries (expired ones too), so it
   * ignores {@code objectDelta}, which the facade computes as if an expired entry were absent.
   */
  @Override
  public void putLocked(
      Object lock, StoredObject present, Object key, Object value, long objectDelta) {
    CacheWrite write = (CacheWrite) lock;
    CacheEntry old = stored(write, key);
    CacheEntry entry = null;
    if (value instanceof Insertion insertion) {
      entry =
          newEntry(
              write,
              write.hash,
              old,
              key,
              insertion.value(),
              insertion.ownTimeToLive(),
              insertion.weight());
    } else if (value != null) {
      CacheEntry live = write.live(old);
      long own = live != null ? live.ownTimeToLive : 0;
      entry = newEntry(write, write.hash, old, key, value, own, weigh(key, value, null));
    } else if (old == null) {
      return;
    }
    store(write, key, old, entry);
  }

  /**
   * A new entry written by {@code write} for a key with spread hash {@code hash}, holding {@code
   * old}; it keeps the key object the hash node holds, which traversal hands out.
   */
  CacheEntry newEntry(
      CacheWrite write, int hash, CacheEntry old, Object key, Object value, long own, int weight) {
    return clock.entry(
        old != null ? old.key : key, hash, value, own, weight, write.now, write.live(old));
  }

  private void store(CacheWrite write, Object key, CacheEntry old, CacheEntry entry) {
    hashes.putLocked(
        write.stripe, write.node, key, entry, old == null ? 1 : entry == null ? -1 : 0);
    write.record(old, entry);
  }

  /**
   * Restarts the deadlines of the live entry under the write's key, keeping its value, weight and
   * own time to live; fires no event. False if the key is absent or expired.
   */
  boolean touchLocked(Object lock, Object key) {
    CacheWrite write = (CacheWrite) lock;
    CacheEntry live = write.live(stored(write, key));
    if (live == null) {
      return false;
    }
    store(
        write,
        key,
        live,
        newEntry(write, write.hash, live, key, live.laValue(), live.ownTimeToLive, live.weight));
    write.silent = true;
    return true;
  }

  @Override
  public void userCode(Object lock, boolean running) {
    hashes.userCode(((CacheWrite) lock).stripe, running);
  }

  @Override
  public void unlock(Object lock) {
    CacheWrite write = (CacheWrite) lock;
    hashes.unlock(write.stripe);
    if (write.changes() > 0) {
      maintenance.finish(write);
    }
  }

  // ---- multi-object writes ----

  @Override
  public boolean writeAll(Object[] keys, Merge merge, boolean onlyNew, Runnable lockedCheck) {
    // A cache is a set: the value an object stores does not depend on what its key holds, so each
    // is weighed before any lock, as for an absent key. The locked merge reuses the weight when it
    // stores that same value (it always does for a set) and weighs anything else afresh.
    String operation = onlyNew ? "insertNewAll" : "insertAll";
    Object[] values = new Object[keys.length];
    int[] weights = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      values[i] = merge.merge(i, null);
      weights[i] = values[i] == null ? 0 : weigh(keys[i], values[i], operation);
    }
    CacheWrite write = new CacheWrite(null, 0, clock.now(), keys.length);
    boolean[] refused = {false};
    Merge entries =
        new Merge() {
          @Override
          public Object merge(int index, StoredObject node) {
            CacheEntry old = node == null ? null : (CacheEntry) node.laValue();
            Object value = refused[0] ? null : merge.merge(index, write.live(old));
            if (value == null) {
              return null;
            }
            int weight = value == values[index] ? weights[index] : weigh(keys[index], value, null);
            CacheEntry entry =
                newEntry(
                    write, BucketChain.spread(keys[index]), old, keys[index], value, 0, weight);
            write.record(old, entry);
            return entry;
          }

          @Override
          public long objectDelta(StoredObject node, Object merged) {
            return node == null ? 1 : 0; // the store counts entries, expired ones too
          }
        };
    // If a key's equals throws, the hash engine published nothing and the recorded changes never
    // happened: no maintenance, no event.
    hashes.writeAll(
        keys,
        entries,
        false,
        () -> {
          lockedCheck.run();
          refused[0] = onlyNew && anyLive(keys, write);
        });
    maintenance.finish(write);
    return !refused[0];
  }

  /** Whether any key holds a live entry; the caller holds every stripe of the keys. */
  private boolean anyLive(Object[] keys, CacheWrite write) {
    for (Object key : keys) {
      StoredObject node = hashes.find(key);
      if (node != null && write.live((CacheEntry) node.laValue()) != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void clear(Runnable lockedCheck) {
    CacheWrite write = new CacheWrite(null, 0, clock.now(), 16);
    hashes.clear(
        () -> {
          lockedCheck.run();
          // Every writer is locked out, so this walk sees exactly the entries being dropped.
          hashes.scan(
              null,
              false,
              false,
              null,
              node -> {
                write.record((CacheEntry) node.laValue(), null);
                return true;
              });
        });
    maintenance.finish(write);
  }

  /** Expires what is due and enforces the bound now, on the calling thread (cleanUp). */
  void maintainNow() {
    maintenance.maintainNow();
  }

  // ---- values ----

  /** The value an insert hands the facade: weighed, with its own time to live (0: the table's). */
  Insertion insertion(Object key, Object value, long ownTimeToLive, String operation) {
    return new Insertion(value, ownTimeToLive, weigh(key, value, operation));
  }

  /** selectReplace weighs every replacement before it replaces anything (Weigher's javadoc). */
  @Override
  public void checkStorable(Object key, Object value) {
    weigh(key, value, "selectReplace");
  }

  /** The weight of an object, checked; {@code operation} names the write, or null. */
  private int weigh(Object key, Object value, String operation) {
    if (weigher == null) {
      return 1;
    }
    String where = operation == null ? "" : operation + ": ";
    int weight;
    try {
      weight = weigher.weigh(key, value);
    } catch (Exception e) { // a checked one too, thrown past the compiler
      throw new BadArgumentException(
          notifier.tableName(), where + "the weigher threw for key " + key, e);
    }
    if (weight < 0) {
      throw new BadArgumentException(
          notifier.tableName(), where + "the weigher returned " + weight + " for key " + key);
    }
    return weight;
  }

  // ---- the table's lifecycle ----

  @Override
  public void lockAll() {
    hashes.lockAll();
  }

  @Override
  public void dropLocked() {
    hashes.dropLocked();
    maintenance.dropLocked();
  }

  @Override
  public void unlockAll() {
    hashes.unlockAll();
  }

  // ---- counts and stats ----

  /** Counts stored entries, expired ones not yet removed included. */
  @Override
  public long objects() {
    return hashes.objects();
  }

  /**
   * The hash engine's estimate, plus a cache entry per object (a 12-byte header, six references,
   * two ints, two bytes and five longs: 88 bytes aligned).
   */
  @Override
  public long memoryBytes() {
    return hashes.memoryBytes() + 88L * hashes.objects();
  }

  @Override
  public int lockCount() {
    return hashes.lockCount();
  }

  CacheStats stats() {
    return notifier.snapshot();
  }

  /**
   * Load time is measured on the system clock, as Caffeine's stats ticker is, not on the table's
   * ticker: a test's fake ticker drives expiry, not the measured cost of loads.
   */
  long loadStarted() {
    return notifier.timesLoads() ? System.nanoTime() : 0;
  }

  void loadEnded(boolean success, long started) {
    if (notifier.timesLoads()) {
      notifier.loaded(success, System.nanoTime() - started);
    }
  }

  CacheMaintenance maintenance() {
    return maintenance;
  }

  /** Whether {@code found}, a live entry just read, is due for a reload (refreshAfterWrite). */
  boolean dueForRefresh(StoredObject found) {
    return clock.refreshes() && clock.now() >= ((CacheEntry) found).refreshDeadline;
  }

  /** Counts a read of {@code key} that the load path settled: a hit or a miss, as Caffeine. */
  void countRead(boolean hit) {
    notifier.lookedUp(hit);
  }
}
