package io.jets.cache.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The eviction and expiry bookkeeping of one cache table: which entries are live, in what order
 * they would be evicted, their total weight, the frequency sketch, the read buffer and the expiry
 * wheel. Every method except {@link #recordRead} requires the policy {@link #lock}.
 */
final class CachePolicy {
  /*
   * Design notes
   *
   * Eviction. W-TinyLFU [1] with a segmented LRU main, as Caffeine's: a new entry enters a small
   * LRU window (1% of the bound); the window's overflow moves to the back of main's probation
   * segment, and these newly moved entries are the candidates. While the total is over the bound,
   * the oldest candidate duels with the oldest entry of probation (the victim; of protected if
   * probation is empty). The sketch decides: the victim is evicted only if the candidate has been
   * used more often recently; otherwise the candidate is evicted and the next candidate meets the
   * same victim. An entry heavier than the whole bound can never fit: it is evicted alone as it
   * leaves the window, before any duel, as Caffeine's is (a popular one would otherwise win every
   * duel and empty the cache before meeting itself as the victim). An entry of zero weight is
   * never a victim or a candidate, as in Caffeine and Guava: evicting it frees nothing. The search
   * for a victim steps over such entries, so their number bounds its cost (as Caffeine's).
   *
   * Reads. A read offers its entry to the ReadBuffer (lock-free, lossy, striped); whoever holds
   * this lock drains the buffer before maintenance (every bounded write does, and a reader that
   * fills its stripe does if the lock is free). Draining a read feeds the sketch and moves the
   * entry: to the back of the window, or from probation to the back of protected (80% of main; its
   * overflow goes back to probation's tail), or to the back of protected. So an entry read since it
   * arrived is not a victim until it has gone unread for a while, and a scan of one-time keys
   * meets only probation.
   *
   * Expiry. Every entry with a deadline is on the ExpiryWheel; maintain advances the wheel to the
   * cache time before it evicts, so what the wheel finds due is retired as expired before anything
   * is evicted. An entry gets a deadline when written, or, with an Expiry that said never on create
   * or update, from a read: that reader hands it to the next maintenance (CacheMaintenance,
   * "First deadlines"), which schedules it here. An entry is scheduled at most once: its link and
   * that hand-off each skip an entry already on the wheel.
   *
   * Retirement. An entry leaves the policy once (retire): evicted or expired by maintain, or
   * removed by a write that took it out of the store. A retired entry is never linked again, so a
   * write that links its entry after a later write already replaced it links nothing (see
   * CacheMaintenance).
   *
   * Lock order. The caller takes the policy lock with no stripe held, or (the table's deletion)
   * after every stripe; nobody takes a stripe lock while holding it. Removals chosen here are
   * therefore applied to the store after the policy lock is released.
   *
   * [1] G. Einziger, R. Friedman, B. Manes, "TinyLFU: A Highly Efficient Cache Admission Policy",
   * ACM ToS 2017.
   */

  /**
   * An entry the policy retired because it expired or was evicted; to be removed from the store.
   */
  record Removal(CacheEntry entry, boolean expired) {}

  // The window holds 1% of the bound: W-TinyLFU's default, best for frequency-skewed traces.
  private static final int WINDOW_PERCENT = 1;
  // Protected holds up to 80% of main: the segmented LRU of W-TinyLFU and Caffeine.
  private static final int PROTECTED_PERCENT = 80;

  final ReentrantLock lock = new ReentrantLock();
  private final long maximum; // -1: unbounded, no queues are kept
  private final long windowMaximum;
  private final FrequencySketch sketch;
  private final ReadBuffer reads; // null when unbounded
  private final ExpiryWheel wheel;
  private final long protectedMaximum;
  private final CacheEntry window = CacheEntry.sentinel();
  private final CacheEntry probation = CacheEntry.sentinel();
  private final CacheEntry protectedQueue = CacheEntry.sentinel();
  private long weight;
  private long windowWeight;
  private long protectedWeight;

  CachePolicy(long maximum, long now) {
    this.maximum = maximum;
    this.windowMaximum = maximum < 0 ? 0 : Math.max(1, maximum * WINDOW_PERCENT / 100);
    this.protectedMaximum = maximum < 0 ? 0 : (maximum - windowMaximum) * PROTECTED_PERCENT / 100;
    this.sketch = maximum < 0 ? null : new FrequencySketch(maximum);
    this.reads = maximum < 0 ? null : new ReadBuffer();
    this.wheel = new ExpiryWheel(now);
    for (CacheEntry queue : new CacheEntry[] {window, probation, protectedQueue}) {
      queue.queuePrev = queue;
      queue.queueNext = queue;
    }
  }

  boolean bounded() {
    return sketch != null;
  }

  /**
   * Records a read of a live entry (bounded tables only); lock-free, never waits. Returns {@link
   * ReadBuffer#FULL} when the reader's stripe is full, and the buffer should be drained.
   */
  int recordRead(CacheEntry entry) {
    return reads.offer(entry);
  }

  /** Applies the buffered reads: each feeds the sketch and moves its entry to its queue's back. */
  void drainReads() {
    if (reads != null) {
      reads.drain(this::accessed);
    }
  }

  private void accessed(CacheEntry entry) {
    if (entry.retired || entry.queue == CacheEntry.NO_QUEUE) {
      return; // gone, or its writer has not linked it yet
    }
    sketch.increment(entry.hash);
    switch (entry.queue) {
      case CacheEntry.WINDOW -> moveToBack(window, entry, CacheEntry.WINDOW);
      case CacheEntry.PROBATION -> {
        moveToBack(protectedQueue, entry, CacheEntry.PROTECTED);
        protectedWeight += entry.weight;
        while (protectedWeight > protectedMaximum && protectedQueue.queueNext != protectedQueue) {
          CacheEntry demoted = protectedQueue.queueNext;
          protectedWeight -= demoted.weight;
          moveToBack(probation, demoted, CacheEntry.PROBATION);
        }
      }
      default -> moveToBack(protectedQueue, entry, CacheEntry.PROTECTED);
    }
  }

  private static void moveToBack(CacheEntry queue, CacheEntry entry, byte which) {
    unlink(entry);
    link(queue, entry, which);
  }

  /** Links a newly stored entry, unless a later write already took it out of the store. */
  void added(CacheEntry entry) {
    if (entry.retired) {
      return;
    }
    // A read may have given it its first deadline, and handed it to the wheel, before this link.
    if (entry.deadline() != CacheEntry.NEVER && !ExpiryWheel.scheduled(entry)) {
      wheel.schedule(entry, entry.deadline());
    }
    if (sketch != null) {
      sketch.increment(entry.hash);
      link(window, entry, CacheEntry.WINDOW);
      weight += entry.weight;
      windowWeight += entry.weight;
    }
  }

  /**
   * Schedules an entry that a read gave its first deadline (CacheMaintenance.firstDeadline), unless
   * it is retired or already scheduled (its writer's link came after the read and saw the
   * deadline). It is scheduled whatever its deadline is now (a later read may have set it back to
   * NEVER, and another to a time again): once on the wheel, an entry stays there until retired, and
   * the wheel reads its deadline whenever it meets it.
   */
  void firstDeadline(CacheEntry entry) {
    if (!entry.retired && !ExpiryWheel.scheduled(entry)) {
      wheel.schedule(entry, entry.deadline());
    }
  }

  /**
   * Retires an entry that a write replaced, deleted or cleared, linked or not yet; nothing if the
   * policy already retired it.
   */
  void removed(CacheEntry entry) {
    if (!entry.retired) {
      retire(entry);
    }
  }

  private List<Removal> pending = new ArrayList<>();

  /**
   * Expires due entries, then evicts past the bound; returns what it retired (to be removed from
   * the store by the caller once it has released its locks), or null if nothing. With {@code
   * exact}, every entry whose deadline has passed; otherwise those the wheel's tick has reached.
   */
  List<Removal> maintain(long now, boolean exact) {
    drainReads();
    List<Removal> out = pending;
    Consumer<CacheEntry> expired =
        entry -> {
          retire(entry);
          out.add(new Removal(entry, true));
        };
    wheel.advance(now, expired);
    if (exact) {
      wheel.expireDue(expired);
    }
    evict(out);
    if (out.isEmpty()) {
      return null;
    }
    pending = new ArrayList<>();
    return out;
  }

  private void evict(List<Removal> out) {
    if (sketch == null) {
      return;
    }
    sketch.ageIfDue();
    // The window's overflow moves to probation's back whatever the total: these are the candidates.
    CacheEntry candidate = null;
    while (windowWeight > windowMaximum && window.queueNext != window) {
      CacheEntry moved = window.queueNext;
      if (moved.weight > maximum) {
        evictEntry(moved, out);
        continue;
      }
      windowWeight -= moved.weight;
      moveToBack(probation, moved, CacheEntry.PROBATION);
      if (candidate == null) {
        candidate = moved;
      }
    }
    while (weight > maximum) {
      CacheEntry victim = firstWeighed(probation);
      if (victim == null) {
        victim = firstWeighed(protectedQueue);
      }
      if (victim == null) { // main weighs nothing: the window alone is over the bound
        evictEntry(firstWeighed(window), out);
        continue;
      }
      candidate = weighed(candidate);
      if (candidate == null || candidate == victim) {
        candidate = candidate == null ? null : following(candidate);
        evictEntry(victim, out);
        continue;
      }
      CacheEntry nextCandidate = following(candidate);
      if (sketch.frequency(candidate.hash) > sketch.frequency(victim.hash)) {
        evictEntry(victim, out);
      } else {
        evictEntry(candidate, out);
        candidate = nextCandidate;
      }
    }
  }

  /**
   * The oldest entry of {@code queue} that weighs something, or null. Each entry of no weight it
   * passes goes to the queue's back: it is never a victim, and an eviction that searched from the
   * front past every such entry each time cost O(pinned entries) (a weigher that answers 0 pins an
   * object, as in Caffeine).
   */
  private static CacheEntry firstWeighed(CacheEntry queue) {
    CacheEntry firstMoved = null;
    for (CacheEntry entry = queue.queueNext; entry != queue && entry != firstMoved; ) {
      if (entry.weight > 0) {
        return entry;
      }
      CacheEntry next = entry.queueNext;
      moveToBack(queue, entry, entry.queue);
      if (firstMoved == null) {
        firstMoved = entry;
      }
      entry = next;
    }
    return null;
  }

  /** The first candidate from {@code candidate} on that weighs something, or null. */
  private CacheEntry weighed(CacheEntry candidate) {
    while (candidate != null && candidate.weight == 0) {
      candidate = following(candidate);
    }
    return candidate;
  }

  /** The next candidate after {@code entry}, which is in probation. */
  private CacheEntry following(CacheEntry entry) {
    return entry.queueNext == probation ? null : entry.queueNext;
  }

  private void evictEntry(CacheEntry entry, List<Removal> out) {
    retire(entry);
    out.add(new Removal(entry, false));
  }

  private void retire(CacheEntry entry) {
    wheel.deschedule(entry);
    if (entry.queue != CacheEntry.NO_QUEUE) {
      if (entry.queue == CacheEntry.WINDOW) {
        windowWeight -= entry.weight;
      } else if (entry.queue == CacheEntry.PROTECTED) {
        protectedWeight -= entry.weight;
      }
      weight -= entry.weight;
      unlink(entry);
    }
    entry.retired = true;
  }

  private static void link(CacheEntry queue, CacheEntry entry, byte which) {
    entry.queuePrev = queue.queuePrev;
    entry.queueNext = queue;
    queue.queuePrev.queueNext = entry;
    queue.queuePrev = entry;
    entry.queue = which;
  }

  private static void unlink(CacheEntry entry) {
    entry.queuePrev.queueNext = entry.queueNext;
    entry.queueNext.queuePrev = entry.queuePrev;
    entry.queuePrev = null;
    entry.queueNext = null;
    entry.queue = CacheEntry.NO_QUEUE;
  }

  /** Forgets every entry (the store was cleared). */
  void clear() {
    if (reads != null) {
      reads.clear(); // drops the buffered entries, so a deleted cache holds none
    }
    wheel.clear();
    for (CacheEntry queue : new CacheEntry[] {window, probation, protectedQueue}) {
      for (CacheEntry e = queue.queueNext; e != queue; ) {
        CacheEntry next = e.queueNext;
        e.queuePrev = null;
        e.queueNext = null;
        e.queue = CacheEntry.NO_QUEUE;
        e.retired = true;
        e = next;
      }
      queue.queuePrev = queue;
      queue.queueNext = queue;
    }
    weight = 0;
    windowWeight = 0;
    protectedWeight = 0;
  }

  /** The total weight of the live entries (bounded tables only). */
  long weight() {
    return weight;
  }

  /** See {@link ExpiryWheel#delayToNextCheck()}. */
  long delayToNextCheck() {
    return wheel.delayToNextCheck();
  }
}
