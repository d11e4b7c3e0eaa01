package io.jets.table.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The eviction and expiry bookkeeping of one cache table: which entries are live, in what order
 * they would be evicted, their total weight, the frequency sketch and the expiry wheel. Every
 * method except {@link #recordRead} requires the policy lock.
 *
 * <p>Eviction is W-TinyLFU [1] simplified: a new entry enters a small FIFO window (1% of the
 * bound); when the window is over its share, its oldest entry (the candidate) duels with the
 * oldest entry of the main FIFO (the victim). The sketch's frequency decides: the candidate is
 * admitted to main and the victim evicted only if the candidate has been used more often
 * recently; otherwise the candidate is evicted and the victim, having proved itself, goes to the
 * back of main (a second chance, so that one popular entry at the head does not shield the main
 * queue from every duel). Reads do not reorder the queues; they only feed the sketch, which is
 * what makes reads cheap (no read buffer, no lock).
 *
 * <p>Lock order: a writer takes its stripe lock, then the policy lock; nobody takes a stripe lock
 * while holding the policy lock. Removals chosen here are therefore applied to the store after the
 * policy lock is released (see {@link CacheHashTable}).
 *
 * <p>[1] G. Einziger, R. Friedman, B. Manes, "TinyLFU: A Highly Efficient Cache Admission Policy",
 * ACM ToS 2017.
 */
final class CachePolicy {

  /** An entry the policy retired because it expired or was evicted; to be removed from the store. */
  record Removal(CacheEntry entry, boolean expired) {}

  // The window holds 1% of the bound: W-TinyLFU's default, best for frequency-skewed traces.
  private static final int WINDOW_PERCENT = 1;

  final ReentrantLock lock = new ReentrantLock();
  private final long maximum; // -1: unbounded, no queues are kept
  private final long windowMaximum;
  private final FrequencySketch sketch;
  private final ExpiryWheel wheel;
  private final CacheEntry window = CacheEntry.sentinel();
  private final CacheEntry main = CacheEntry.sentinel();
  private long weight;
  private long windowWeight;

  CachePolicy(long maximum, long now) {
    this.maximum = maximum;
    this.windowMaximum = maximum < 0 ? 0 : Math.max(1, maximum * WINDOW_PERCENT / 100);
    this.sketch = maximum < 0 ? null : new FrequencySketch(maximum);
    this.wheel = new ExpiryWheel(now);
    window.queuePrev = window;
    window.queueNext = window;
    main.queuePrev = main;
    main.queueNext = main;
  }

  boolean bounded() {
    return sketch != null;
  }

  /** Feeds a read to the frequency sketch; lock-free and racy (see {@link FrequencySketch}). */
  void recordRead(int hash) {
    sketch.increment(hash);
  }

  /** Links a newly stored entry. */
  void added(CacheEntry entry) {
    if (entry.deadline() != CacheEntry.NEVER) {
      wheel.schedule(entry, entry.deadline());
    }
    if (sketch != null) {
      sketch.increment(entry.hash);
      link(window, entry, CacheEntry.WINDOW);
      weight += entry.weight;
      windowWeight += entry.weight;
    }
  }

  /** Unlinks an entry that a write replaced or deleted; nothing if the policy already retired it. */
  void removed(CacheEntry entry) {
    if (!entry.retired) {
      retire(entry);
    }
  }

  private List<Removal> pending = new ArrayList<>();

  /**
   * Expires due entries, then evicts past the bound; returns what it retired (to be removed from
   * the store by the caller once it has released its locks), or null if nothing.
   */
  List<Removal> maintain(long now) {
    List<Removal> out = pending;
    wheel.advance(now, entry -> {
      retire(entry);
      out.add(new Removal(entry, true));
    });
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
    while (weight > maximum) {
      CacheEntry candidate = window.queueNext != window ? window.queueNext : null;
      CacheEntry victim = main.queueNext != main ? main.queueNext : null;
      if (candidate != null && (windowWeight > windowMaximum || victim == null)) {
        if (victim == null || sketch.frequency(candidate.hash) > sketch.frequency(victim.hash)) {
          unlink(candidate);
          windowWeight -= candidate.weight;
          link(main, candidate, CacheEntry.MAIN);
          if (victim != null) {
            evictEntry(victim, out);
          }
        } else {
          evictEntry(candidate, out);
          unlink(victim);
          link(main, victim, CacheEntry.MAIN);
        }
      } else {
        evictEntry(victim != null ? victim : candidate, out);
      }
    }
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
    wheel.clear();
    for (CacheEntry queue : new CacheEntry[] {window, main}) {
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
