package io.jets.table.internal;

import io.jets.table.BadArgumentException;
import io.jets.table.CacheEvent;
import io.jets.table.CacheListener;
import io.jets.table.CacheTable;
import io.jets.table.MatchSpec;
import io.jets.table.ObjectFolder;
import io.jets.table.Ticker;
import io.jets.table.Weigher;
import io.jets.table.internal.CachePolicy.Removal;
import io.jets.table.internal.hash.BucketChain;
import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.internal.hash.HashStore;
import io.jets.table.internal.hash.StripedBatch;
import io.jets.table.internal.hash.StripedBuckets;
import io.jets.table.internal.hash.StripedBuckets.Stripe;
import io.jets.table.internal.select.MatchEvaluation;
import io.jets.table.internal.select.SelectableTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

/**
 * The storage of a cache table: a {@code set} hash table on a {@link StripedBuckets} whose node
 * values are {@link CacheEntry} objects, its single-key write path, expiry and eviction, listener
 * notification, traversal and the select and storage hooks. The operations are in {@link
 * CacheHashTable}.
 *
 * <p>Design (implementer's notes; the user contract is on {@link CacheTable}):
 *
 * <ul>
 *   <li>Reads: as in {@link HashSetTable}, one lock-free validated bucket read, then a deadline
 *       check against the ticker (only for entries that can expire), an opaque store of the new
 *       access deadline (only with expireAfterAccess) and a racy increment of the frequency sketch
 *       (only with a size bound). No lock, no allocation, no read buffer.
 *   <li>Writes: every single-key write goes through {@link #write}: under the key's stripe lock it
 *       treats an expired entry as absent, stores a new entry, then takes the policy lock to relink
 *       the policy and collect the entries that expired or must be evicted. It releases both locks,
 *       removes those entries from the store (each under its own stripe lock, only if the store
 *       still holds that very entry, so a newer write of the key always wins), and only then
 *       notifies the listener. Lock order is stripe before policy, never the reverse.
 *   <li>Bound: enforced by the writer before its write returns (see CacheTable); the policy's
 *       weight counts entries it links, the store's size counts nodes, and they differ only by
 *       removals in flight.
 * </ul>
 */
abstract class AbstractCacheTable<K, V> extends SelectableTable<K, V> implements CacheTable<K, V> {

  private static final System.Logger LOG = System.getLogger(CacheHashTable.class.getName());

  /** What a {@link Change} returns to leave the table as it is. */
  static final Object UNCHANGED = new Object();

  /**
   * A single-key write: given the live value (null if absent or expired), the new value, null to
   * delete, or UNCHANGED.
   */
  @FunctionalInterface
  interface Change<V> {
    Object apply(V live);
  }

  /** The live value a write saw, and whether it changed the table. */
  record Written<V>(V previous, boolean changed) {}

  final StripedBuckets store;
  private final Ticker ticker;
  private final long origin;
  private final long writeNanos;
  private final long accessNanos;
  private final Weigher<K, V> weigher;
  final CachePolicy policy;
  final boolean bounded;
  final CacheStatsRecorder stats; // null when stats are off: one final-field check per read
  final CacheListener<K, V> listener; // null when there is none
  private final boolean backgroundExpiry;
  private final AtomicBoolean backgroundVisitPending = new AtomicBoolean();

  @SuppressWarnings("unchecked")
  AbstractCacheTable(TableOptions options, CacheOptions cache) {
    super(options);
    this.store =
        HashStore.newBuckets(
            options.writeConcurrency(), options.decentralizedCounters(), options.readConcurrency());
    this.ticker = cache.ticker();
    this.origin = ticker.read();
    this.writeNanos = cache.expireAfterWriteNanos();
    this.accessNanos = cache.expireAfterAccessNanos();
    this.weigher = (Weigher<K, V>) cache.weigher();
    this.policy = new CachePolicy(cache.maximum(), 0);
    this.bounded = policy.bounded();
    this.stats = cache.recordStats() ? new CacheStatsRecorder() : null;
    this.listener = (CacheListener<K, V>) cache.listener();
    this.backgroundExpiry = cache.backgroundExpiry();
  }

  // ---- time and entries ----

  /** The cache clock: ticker nanoseconds since the table was built, never negative. */
  long now() {
    return Math.max(0, ticker.read() - origin);
  }

  Ticker ticker() {
    return ticker;
  }

  CacheStatsRecorder statsRecorder() {
    return stats;
  }

  static long deadline(long now, long duration) {
    return duration == 0
        ? CacheEntry.NEVER
        : duration >= CacheEntry.NEVER - now ? CacheEntry.NEVER : now + duration;
  }

  int weigh(K key, V value, String operation) {
    if (weigher == null) {
      return 1;
    }
    int weight;
    try {
      weight = weigher.weigh(key, value);
    } catch (RuntimeException e) {
      throw new BadArgumentException(name(), operation + ": the weigher threw for key " + key, e);
    }
    if (weight < 0) {
      throw new BadArgumentException(
          name(), operation + ": the weigher returned " + weight + " for key " + key);
    }
    return weight;
  }

  CacheEntry newEntry(K key, int hash, V value, long ownTimeToLive, long now, int weight) {
    long timeToLive = ownTimeToLive != 0 ? ownTimeToLive : writeNanos;
    return new CacheEntry(
        key,
        hash,
        value,
        ownTimeToLive,
        deadline(now, timeToLive),
        deadline(now, accessNanos),
        weight);
  }

  /** The entry of {@code node} if it is live at {@code now}, else null. */
  static CacheEntry liveAt(Node node, long now) {
    if (node == null) {
      return null;
    }
    CacheEntry entry = (CacheEntry) node.value;
    return entry.isExpired(now) ? null : entry;
  }

  /**
   * The live entry for {@code key}, recording the access (deadline, sketch, stats). Lock-free: a
   * validated bucket read, one ticker read for entries that can expire, plain or opaque stores.
   */
  CacheEntry readLive(K key) {
    Node node = store.findConsistent(key, BucketChain.mix(key));
    CacheEntry entry = node == null ? null : (CacheEntry) node.value;
    if (entry != null && (accessNanos != 0 || entry.writeDeadline != CacheEntry.NEVER)) {
      long now = now();
      if (entry.isExpired(now)) {
        entry = null;
      } else if (accessNanos != 0) {
        entry.setAccessDeadline(deadline(now, accessNanos));
      }
    }
    countLookup(entry != null);
    if (entry == null) {
      if (stats != null) {
        stats.miss();
      }
      return null;
    }
    if (bounded) {
      policy.recordRead(entry.hash);
    }
    if (stats != null) {
      stats.hit();
    }
    return entry;
  }

  // ---- the single-key write path ----

  /**
   * Applies {@code change} to {@code key} under its stripe lock, relinks the policy, then (locks
   * released) removes what expired or was evicted and notifies the listener.
   *
   * @param ownTimeToLive the new entry's own time to live, 0 for the table's
   * @param keepTimeToLive keep the replaced live entry's own time to live (updates, touch)
   * @param notify false for touch, which changes no value
   * @param weight the new value's weight if known before locking, or -1 to weigh under the lock
   */
  @SuppressWarnings("unchecked")
  Written<V> write(
      K key,
      String operation,
      long ownTimeToLive,
      boolean keepTimeToLive,
      boolean notify,
      int weight,
      Change<V> change) {
    int hash = BucketChain.mix(key);
    long now = now();
    V previous;
    CacheEntry old;
    CacheEntry added = null;
    CacheEntry
        replacedExpired; // an expired entry this write replaced or deleted: reported as expired
    List<Removal> removals;
    Stripe stripe = store.lock(hash);
    try {
      checkNotDeletedLocked(operation);
      Node node = store.findLocked(key, hash);
      old = node == null ? null : (CacheEntry) node.value;
      boolean oldLive = old != null && !old.isExpired(now);
      previous = oldLive ? (V) old.value : null;
      Object result = change.apply(previous);
      if (result == UNCHANGED || (result == null && old == null)) {
        return new Written<>(previous, false);
      }
      if (result != null) {
        V value = (V) result;
        long timeToLive = keepTimeToLive && oldLive ? old.ownTimeToLive : ownTimeToLive;
        int w = weight >= 0 ? weight : weigh(key, value, operation);
        added = newEntry(key, hash, value, timeToLive, now, w);
      }
      store.putLocked(stripe, hash, key, added, old == null ? 1 : added == null ? -1 : 0);
      replacedExpired = oldLive ? null : old;
      policy.lock.lock();
      try {
        if (old != null) {
          policy.removed(old);
        }
        if (added != null) {
          policy.added(added);
        }
        removals = policy.maintain(now);
      } finally {
        policy.lock.unlock();
      }
    } finally {
      store.release(stripe);
    }
    if (replacedExpired != null) {
      reportExpired(replacedExpired);
    }
    afterWrite(removals);
    if (notify && listener != null) {
      if (added == null) {
        notifyListener(CacheEvent.Kind.DELETED, key, previous, null);
      } else {
        notifyListener(
            previous == null ? CacheEvent.Kind.INSERTED : CacheEvent.Kind.UPDATED,
            key,
            (V) added.value,
            previous);
      }
    }
    return new Written<>(previous, true);
  }

  @SuppressWarnings("unchecked")
  void reportExpired(CacheEntry entry) {
    if (stats != null) {
      stats.removed(true);
    }
    if (listener != null) {
      notifyListener(CacheEvent.Kind.EXPIRED, (K) entry.key, (V) entry.value, null);
    }
  }

  /**
   * Locks released: applies the removals the policy chose, notifies them, schedules the background.
   */
  void afterWrite(List<Removal> removals) {
    if (removals != null) {
      applyRemovals(removals);
    }
    scheduleBackgroundVisit();
  }

  /** Removes each retired entry from the store if the store still holds it, and reports it. */
  @SuppressWarnings("unchecked")
  private void applyRemovals(List<Removal> removals) {
    for (Removal removal : removals) {
      CacheEntry entry = removal.entry();
      boolean removed = false;
      Stripe stripe = store.lock(entry.hash);
      try {
        if (!isDeleted()) {
          Node node = store.findLocked(entry.key, entry.hash);
          if (node != null && node.value == entry) {
            store.putLocked(stripe, entry.hash, entry.key, null, -1);
            removed = true;
          }
        }
      } finally {
        store.release(stripe);
      }
      if (removed) {
        if (stats != null) {
          stats.removed(removal.expired());
        }
        if (listener != null) {
          notifyListener(
              removal.expired() ? CacheEvent.Kind.EXPIRED : CacheEvent.Kind.EVICTED,
              (K) entry.key,
              (V) entry.value,
              null);
        }
      }
    }
  }

  void notifyListener(CacheEvent.Kind kind, K key, V value, V previous) {
    try {
      listener.onEvent(
          new CacheEvent<>(kind, key, value, kind == CacheEvent.Kind.UPDATED ? previous : null));
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "table '" + name() + "': the cache listener threw on " + kind + " of key " + key,
          e);
    }
  }

  /** Asks the background thread for a visit if the wheel holds entries and none is pending. */
  private void scheduleBackgroundVisit() {
    if (!backgroundExpiry || backgroundVisitPending.get()) {
      return;
    }
    long delay;
    policy.lock.lock();
    try {
      delay = policy.delayToNextCheck();
    } finally {
      policy.lock.unlock();
    }
    if (delay != Long.MAX_VALUE && backgroundVisitPending.compareAndSet(false, true)) {
      BackgroundExpiry.schedule(this::backgroundVisit, delay);
    }
  }

  private void backgroundVisit() {
    backgroundVisitPending.set(false);
    if (!isDeleted()) {
      maintainNow();
    }
  }

  void maintainNow() {
    List<Removal> removals;
    policy.lock.lock();
    try {
      removals = policy.maintain(now());
    } finally {
      policy.lock.unlock();
    }
    afterWrite(removals);
  }

  // ---- accessors for CacheBulkOperations and LoadOnce ----

  final K requireKey(K key, String operation) {
    return requireArgument(key, "key", operation);
  }

  /** The live value under {@code key} without recording an access; for the load path. */
  abstract V peekLive(K key);

  /** Stores a loaded value unless a live one appeared meanwhile; returns the value now live. */
  abstract V storeLoaded(K key, V value);

  CacheEntry newEntryForBatch(K key, int hash, V value, long now, int weight) {
    return newEntry(key, hash, value, 0, now, weight);
  }

  int weighForBatch(K key, V value, String operation) {
    return weigh(key, value, operation);
  }

  void notifyBatch(List<CacheEvent<K, V>> events) {
    for (CacheEvent<K, V> event : events) {
      notifyListener(event.kind(), event.key(), event.value(), event.previousValue());
    }
  }

  boolean hasListener() {
    return listener != null;
  }

  @SuppressWarnings("unchecked")
  final V value(CacheEntry entry) {
    return (V) entry.value;
  }

  // ---- traversal ----

  Node liveAfter(K key) {
    long now = now();
    Node node = store.firstAfterConsistent(key == null ? 0 : BucketChain.mix(key), key);
    while (node != null && liveAt(node, now) == null) {
      node = store.firstAfterConsistent(node.hash, node.key);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  K keyOf(Node node) {
    return node == null ? null : (K) node.key;
  }

  Map.Entry<K, List<V>> entryOf(Node node) {
    return node == null ? null : Map.entry(keyOf(node), List.of(value((CacheEntry) node.value)));
  }

  @Override
  public K first() {
    checkRead("first");
    return keyOf(liveAfter(null));
  }

  @Override
  public K next(K key) {
    checkRead("next");
    return keyOf(liveAfter(requireKey(key, "next")));
  }

  @Override
  public K last() {
    checkRead("last");
    return keyOf(liveAfter(null));
  }

  @Override
  public K prev(K key) {
    checkRead("prev");
    return keyOf(liveAfter(requireKey(key, "prev")));
  }

  @Override
  public Map.Entry<K, List<V>> firstLookup() {
    checkRead("firstLookup");
    return entryOf(liveAfter(null));
  }

  @Override
  public Map.Entry<K, List<V>> nextLookup(K key) {
    checkRead("nextLookup");
    return entryOf(liveAfter(requireKey(key, "nextLookup")));
  }

  @Override
  public Map.Entry<K, List<V>> lastLookup() {
    checkRead("lastLookup");
    return entryOf(liveAfter(null));
  }

  @Override
  public Map.Entry<K, List<V>> prevLookup(K key) {
    checkRead("prevLookup");
    return entryOf(liveAfter(requireKey(key, "prevLookup")));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A> A foldl(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    checkRead("foldl");
    requireArgument(folder, "folder", "foldl");
    long now = now();
    Object[] accumulator = {initial};
    store.forEach(
        node -> {
          CacheEntry entry = liveAt(node, now);
          if (entry != null) {
            accumulator[0] = folder.apply((K) node.key, value(entry), (A) accumulator[0]);
          }
        });
    return (A) accumulator[0];
  }

  @Override
  public <A> A foldr(A initial, ObjectFolder<? super K, ? super V, A> folder) {
    checkRead("foldr");
    return foldl(initial, folder);
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

  // ---- select hooks ----

  @Override
  @SuppressWarnings("unchecked")
  protected final boolean scan(
      MatchSpec<?, ?, ?> spec,
      boolean reverse,
      boolean resume,
      K after,
      ObjectVisitor<K, V> visitor) {
    long now = now();
    List<Object> exact = MatchEvaluation.exactKeys(spec);
    if (exact != null) {
      int start = resume ? exact.indexOf(after) + 1 : 0;
      for (int i = start; i < exact.size(); i++) {
        K key = (K) exact.get(i);
        CacheEntry entry = liveAt(store.findConsistent(key, BucketChain.mix(key)), now);
        if (entry != null && !visitor.visit(key, value(entry))) {
          return i == exact.size() - 1;
        }
      }
      return true;
    }
    Node node = liveAfter(resume ? after : null);
    while (node != null) {
      if (!visitor.visit((K) node.key, value((CacheEntry) node.value))) {
        return false;
      }
      node =
          node.next != null && liveAt(node.next, now) != null ? node.next : liveAfter(keyOf(node));
    }
    return true;
  }

  @Override
  protected final long deleteObjectsIf(
      K key, BiPredicate<? super K, ? super V> test, String operation) {
    Written<V> written =
        write(
            key,
            operation,
            0,
            false,
            true,
            -1,
            live -> live != null && test.test(key, live) ? null : UNCHANGED);
    return written.changed() ? 1 : 0;
  }

  @Override
  protected final boolean replaceIfUnchanged(K key, V expected, V replacement, String operation) {
    return write(
            key,
            operation,
            0,
            true,
            true,
            -1,
            live -> live != null && live.equals(expected) ? replacement : UNCHANGED)
        .changed();
  }

  @Override
  protected final Comparator<Object> keyOrder() {
    return null;
  }

  // ---- storage hooks ----

  private StripedBatch deletion; // guarded by the admin lock, between the two hooks

  @Override
  protected void lockAllWriters() {
    deletion = store.lockAll();
  }

  @Override
  protected void unlockAllWriters() {
    StripedBatch all = deletion;
    deletion = null;
    all.commit();
  }

  @Override
  protected void dropStorage() {
    deletion.clear();
    policy.lock.lock();
    try {
      policy.clear();
    } finally {
      policy.lock.unlock();
    }
  }

  @Override
  protected int lockStripes() {
    return store.stripeCount();
  }

  @Override
  protected long memoryBytes() {
    // As HashTable's set estimate, plus a cache entry per key (12-byte header, 4 references,
    // 4 longs, an int and two bytes: 64 bytes aligned) and the frequency sketch (8 bytes per key
    // of the bound).
    long keys = store.keys();
    return 16L
        + 4L * store.capacity()
        + 96L * keys
        + 128L * (store.stripeCount() + store.cellCount());
  }
}
