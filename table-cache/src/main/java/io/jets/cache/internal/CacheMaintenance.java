package io.jets.cache.internal;

import io.jets.cache.internal.CachePolicy.Removal;
import io.jets.table.internal.hash.HashStore;
import io.jets.table.spi.StoredObject;
import io.jets.table.spi.WriteInUserCodeException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a cache table does after a write has released its stripes: keeps the policy in step with the
 * store, removes what expired or must be evicted, and notifies the listener.
 */
final class CacheMaintenance {
  /*
   * Design notes
   *
   * When. Every write of the cache engine (CacheStore) collects its changes in a CacheWrite while
   * it holds its stripes, and hands it to finish once it has released them. cleanUp and the
   * background thread call finish with an empty write. So the policy lock is never taken inside a
   * stripe by a write, and the only nesting left, in the table's deletion, is stripe then policy:
   * nobody takes a stripe while holding the policy lock.
   *
   * Write buffer. finish queues the write (a lock-free queue) and tries the policy lock. Whoever
   * holds it applies every queued write, runs the maintenance, removes what it retired, releases
   * the lock, and looks at the queue again, retrying while it is not empty. A writer that finds
   * the lock taken returns at once: its write was queued before its tryLock failed, which was
   * before the holder's unlock, so the holder's look at the queue after unlocking sees it (Caffeine
   * buffers writes the same way, and drains them on an executor). Writers wait for the lock only
   * when MAX_PENDING_WRITES are queued (the drainer is outrun) and for cleanUp and background
   * visits, which must run.
   *
   * Linking late. Because a write links its entry after releasing the stripe, a later write of the
   * same key may replace or delete that entry first, and finish first. Whoever takes an entry out
   * of the store retires it in the policy (CachePolicy.removed), and a retired entry is never
   * linked (CachePolicy.added), so in either order the policy ends up holding exactly the entries
   * in the store once every write has finished. The policy's weight and the store's count differ
   * only by the writes and removals in flight.
   *
   * Removals. Under the policy lock, maintenance expires what the wheel says is due and evicts past
   * the bound (W-TinyLFU, see CachePolicy), retiring those entries. Then, with no lock held, it
   * removes each from the store under its own stripe, and only if the store still holds that very
   * entry (identity): a newer write of the key always wins, and an entry is reported EXPIRED or
   * EVICTED only by the thread that removed it, once that thread has reported its write.
   *
   * The bound. Every queued write is applied, and its removals done, before the write that
   * applies it returns, and that write is still running when any writer whose work it took over
   * returns: whenever no write is running, the table holds at most the maximum. While writes run,
   * readers may see the objects of the writes in flight beyond it.
   *
   * Events. In this order, after every lock is released: the expired entries the write replaced
   * or cleared (EXPIRED, as if removed just before), the write's own changes (INSERTED, UPDATED,
   * DELETED; none for a touch), then the removals this thread made (for its own and other queued
   * writes), which all came after those changes: so a key's events from one thread arrive in the
   * order of its changes, INSERTED before the EVICTED of a new key evicted at once. A listener
   * may therefore use the table. A write whose maintenance another thread took over reports its
   * own changes, and that thread the removals.
   *
   * First deadlines. An Expiry may say never on create or update and give a time to live on a
   * read; the policy scheduled no such entry, and a reader may not take the policy lock. So the
   * one reader that moves a live entry's deadline from NEVER to a time (CacheClock.accessed; a CAS
   * on the entry makes it one per entry) queues the entry (a lock-free queue, like the writes')
   * and returns; whoever next holds the policy lock for maintenance (a write, cleanUp, a
   * background visit) schedules the queued entries after applying the queued writes, skipping
   * those retired or already scheduled meanwhile (CachePolicy.firstDeadline), then advances the
   * wheel. Other reads pay nothing: the test is on values the read computes anyway. The queue
   * holds at most one node per entry, and maintenance empties it.
   *
   * Background. With backgroundExpiry, finish asks the shared expiry thread (BackgroundExpiry) for
   * one visit when the wheel holds entries and none is pending; so does a reader that queues a
   * first deadline, since the wheel may be empty and no write may come. The visit is an empty
   * finish, and stops once the table is dropped. The scheduled task reaches this object only
   * through a weak reference, and deletion cancels it (the scheduler removes cancelled tasks at
   * once): the shared thread never keeps a deleted or unreferenced cache, or its frequency sketch,
   * reachable.
   */

  private final HashStore hashes;
  private final CachePolicy policy;
  private final CacheNotifier notifier;
  private final CacheClock clock;
  private final boolean backgroundExpiry;
  private final Executor executor;
  private final AtomicBoolean drainPending = new AtomicBoolean();
  private final Runnable drainReads = this::drainReads;
  // Writes whose policy work waits for whoever holds the policy lock (Caffeine's write buffer).
  private static final int MAX_PENDING_WRITES = 1_024;
  private final ConcurrentLinkedQueue<CacheWrite> pendingWrites = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingCount = new AtomicInteger();
  // Entries a read gave their first deadline, for the wheel (see "First deadlines").
  private final ConcurrentLinkedQueue<CacheEntry> firstDeadlines = new ConcurrentLinkedQueue<>();
  // Retired entries this thread could not remove: their stripe runs its user code (an update
  // function that wrote another key); the next maintenance removes them.
  private final ConcurrentLinkedQueue<Removal> deferredRemovals = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean visitPending = new AtomicBoolean();
  private volatile boolean dropped;
  private volatile ScheduledFuture<?> pendingVisit;

  CacheMaintenance(
      HashStore hashes,
      CachePolicy policy,
      CacheNotifier notifier,
      CacheClock clock,
      boolean backgroundExpiry,
      Executor executor) {
    this.hashes = hashes;
    this.policy = policy;
    this.notifier = notifier;
    this.clock = clock;
    this.backgroundExpiry = backgroundExpiry;
    this.executor = executor;
  }

  /**
   * With no stripe held: reports the expired entries the write replaced, queues the write's policy
   * work and runs the maintenance if the policy lock is free (see "Write buffer"), then notifies
   * the write's own changes, then the removals the maintenance made.
   */
  void finish(CacheWrite write) {
    int changes = write.changes();
    if (policyFree(write, changes)) {
      if (!write.silent) {
        for (int i = 0; i < changes; i++) {
          notifier.changed(write.beforeLive(i) ? write.before(i) : null, write.after(i));
        }
      }
      return;
    }
    for (int i = 0; i < changes; i++) {
      if (write.before(i) != null && !write.beforeLive(i)) {
        notifier.expired(write.before(i));
      }
    }
    List<Removal> removed;
    if (changes > 0) {
      pendingWrites.add(write);
      if (pendingCount.incrementAndGet() > MAX_PENDING_WRITES) {
        // Writers outrun the one applying them: wait, as Caffeine's do.
        removed = maintain(true, false);
      } else {
        removed = maintain(false, false);
      }
    } else {
      // cleanUp or a background visit: runs now, whoever holds the lock, and removes every object
      // whose deadline has passed, not only those the wheel's tick has reached
      removed = maintain(true, true);
    }
    if (!write.silent) {
      for (int i = 0; i < changes; i++) {
        notifier.changed(write.beforeLive(i) ? write.before(i) : null, write.after(i));
      }
    }
    if (removed != null) {
      for (Removal removal : removed) {
        notifier.removed(removal.entry(), removal.expired());
      }
    }
  }

  /**
   * Applies every pending write to the policy and runs its maintenance, then removes what it
   * retired and schedules a background visit if one is due; again while writes are pending. Waits
   * for the policy lock only if {@code mustRun}; otherwise, if another thread holds it, returns at
   * once: that thread checks for pending writes after it unlocks, before its own write returns.
   * With {@code exact}, expires every entry whose deadline has passed (see ExpiryWheel,
   * "Resolution").
   *
   * @return the entries this thread removed from the store, to report; null if none
   */
  private List<Removal> maintain(boolean mustRun, boolean exact) {
    List<Removal> removed = null;
    boolean wait = mustRun;
    do {
      if (wait) {
        policy.lock.lock();
      } else if (!policy.lock.tryLock()) {
        return removed;
      }
      wait = false;
      List<Removal> removals;
      long visitDelay = Long.MAX_VALUE;
      try {
        for (CacheWrite pending; (pending = pendingWrites.poll()) != null; ) {
          pendingCount.decrementAndGet();
          apply(pending);
        }
        for (CacheEntry entry; (entry = firstDeadlines.poll()) != null; ) {
          policy.firstDeadline(entry);
        }
        removals = policy.maintain(clock.now(), exact);
        if (backgroundExpiry && !visitPending.get()) {
          visitDelay = policy.delayToNextCheck();
        }
      } finally {
        policy.lock.unlock();
      }
      for (Removal deferred; (deferred = deferredRemovals.poll()) != null; ) {
        if (removals == null) {
          removals = new ArrayList<>();
        }
        removals.add(deferred);
      }
      if (removals != null) {
        remove(removals);
        if (removed == null) {
          removed = removals;
        } else {
          removed.addAll(removals);
        }
      }
      if (visitDelay != Long.MAX_VALUE) {
        requestVisit(visitDelay);
      }
    } while (!pendingWrites.isEmpty());
    return removed;
  }

  /** Asks the expiry thread for a visit after {@code delayNanos}, unless one is pending. */
  private void requestVisit(long delayNanos) {
    if (visitPending.compareAndSet(false, true)) {
      pendingVisit = BackgroundExpiry.schedule(new Visit(this), delayNanos);
      if (dropped) { // dropped meanwhile: dropLocked may have missed this visit
        pendingVisit.cancel(false);
      }
    }
  }

  /**
   * A read gave a live entry its first deadline ({@link CacheClock#accessed} returned true): queues
   * it for the wheel, once per entry, and with backgroundExpiry asks for a visit at once if none is
   * pending, which schedules it; the visits then follow the wheel. Never waits for the policy lock
   * (asking for a visit takes only the scheduler's queue lock, at most once per pending visit).
   */
  void firstDeadline(CacheEntry entry) {
    if (entry.casHandedToWheel()) {
      firstDeadlines.add(entry);
      if (backgroundExpiry && !visitPending.get() && !dropped) {
        requestVisit(0);
      }
    }
  }

  /** Relinks the policy for one write's changes; under the policy lock. */
  private void apply(CacheWrite write) {
    for (int i = 0; i < write.changes(); i++) {
      if (write.before(i) != null) {
        policy.removed(write.before(i));
      }
      if (write.after(i) != null) {
        policy.added(write.after(i));
      }
    }
  }

  /**
   * Whether the write can skip the policy lock: with no bound and no deadline that reads move, the
   * policy has nothing to do for entries that never expire (nothing to link, schedule or retire),
   * so an unbounded cache without expiry takes no lock beyond its stripe's. A write that stores or
   * replaces an entry with a deadline (an insert with its own time to live) still does.
   */
  private boolean policyFree(CacheWrite write, int changes) {
    if (changes == 0 || policy.bounded() || clock.expiresAfterAccess()) {
      return false; // a maintenance run (cleanUp, a background visit), or a policy with work
    }
    for (int i = 0; i < changes; i++) {
      CacheEntry before = write.before(i);
      CacheEntry after = write.after(i);
      if ((before != null && before.deadline() != CacheEntry.NEVER)
          || (after != null && after.deadline() != CacheEntry.NEVER)) {
        return false;
      }
    }
    return true;
  }

  /** The writes whose policy work is queued, for tests. */
  int pendingWrites() {
    return pendingCount.get();
  }

  /** The entries reads queued for the wheel, for tests. */
  int queuedFirstDeadlines() {
    return firstDeadlines.size();
  }

  /** The policy's lock, for tests that check which writes take it. */
  java.util.concurrent.locks.ReentrantLock policyLock() {
    return policy.lock;
  }

  /**
   * Removes each retired entry from the store if the store still holds it; keeps in {@code
   * removals} only those it removed, which the caller reports.
   */
  private void remove(List<Removal> removals) {
    int removed = 0;
    for (Removal removal : removals) {
      try {
        if (removeFromStore(removal.entry())) {
          removals.set(removed++, removal);
        }
      } catch (WriteInUserCodeException underThisThreadsUpdate) {
        deferredRemovals.add(removal); // reported by whoever removes it
      }
    }
    removals.subList(removed, removals.size()).clear();
  }

  /** Whether the store still held {@code entry}, which it no longer does. */
  private boolean removeFromStore(CacheEntry entry) {
    Object stripe = hashes.lock(entry.key);
    try {
      StoredObject node = hashes.findLocked(stripe, entry.key);
      if (node != null && node.laValue() == entry) {
        hashes.putLocked(stripe, node, entry.key, null, -1);
        return true;
      }
      return false;
    } finally {
      hashes.unlock(stripe);
    }
  }

  /** Expires what is due and enforces the bound, on the calling thread. */
  void maintainNow() {
    finish(new CacheWrite(null, 0, clock.now(), 0));
  }

  /** A background visit, holding its cache weakly. */
  private static final class Visit implements Runnable {
    private final WeakReference<CacheMaintenance> maintenance;

    Visit(CacheMaintenance maintenance) {
      this.maintenance = new WeakReference<>(maintenance);
    }

    @Override
    public void run() {
      CacheMaintenance target = maintenance.get();
      if (target != null) {
        target.backgroundVisit();
      }
    }
  }

  private void backgroundVisit() {
    pendingVisit = null;
    visitPending.set(false);
    if (!dropped) {
      maintainNow();
    }
  }

  /**
   * Records a read of a live entry of a bounded table in the read buffer. When the reader's stripe
   * is full, the reader hands one drain to the executor (unless one is pending) and returns; the
   * drain applies the buffered reads if the policy lock is free (a write holding it drains them
   * itself). No reader waits for the lock; a read that finds its stripe full is dropped.
   */
  void read(CacheEntry entry) {
    if (policy.recordRead(entry) == ReadBuffer.FULL && drainPending.compareAndSet(false, true)) {
      try {
        executor.execute(drainReads);
      } catch (RuntimeException rejected) {
        drainPending.set(false); // a shut-down executor: writes still drain the reads
      }
    }
  }

  private void drainReads() {
    try {
      if (policy.lock.tryLock()) {
        try {
          policy.drainReads();
        } finally {
          policy.lock.unlock();
        }
      }
    } finally {
      drainPending.set(false);
    }
  }

  /** Forgets every entry; the caller holds every stripe and has dropped the store. */
  void dropLocked() {
    dropped = true;
    ScheduledFuture<?> visit = pendingVisit;
    if (visit != null) {
      visit.cancel(false);
    }
    policy.lock.lock(); // stripes, then the policy: the lock order
    try {
      pendingWrites.clear();
      pendingCount.set(0);
      firstDeadlines.clear();
      deferredRemovals.clear();
      policy.clear();
    } finally {
      policy.lock.unlock();
    }
  }
}
