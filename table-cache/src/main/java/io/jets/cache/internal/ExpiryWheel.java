package io.jets.cache.internal;

import java.util.function.Consumer;

/**
 * A hierarchical timer wheel of cache entries, ordered by deadline, on the cache's own clock.
 * Confined to the holder of the policy lock.
 */
final class ExpiryWheel {
  /*
   * Design notes
   *
   * Structure. Varghese and Lauck's hierarchical timing wheels [1], with the level spans of
   * Caffeine's [2]: five levels of buckets, each bucket a circular list of entries.
   *
   * Cost. Scheduling and descheduling are O(1) (a bucket is chosen by shifting the deadline, then
   * the entry is linked into the bucket's circular list). Advancing the clock visits only the
   * buckets whose time has come; an entry in them is either expired, or cascaded to a finer level
   * (at most once per level, five levels), or rescheduled because it was read since it was
   * scheduled (expireAfterAccess). No operation scans the table or the entries that are not due.
   *
   * Resolution. Level 0 buckets span 2^30 ns (1.07 s), so advancing removes an entry up to about
   * a second after its deadline. Reads check the exact deadline, so this delays only the removal
   * and its EXPIRED event, never what a read returns. cleanUp and the background visits also look
   * at the current level 0 bucket (expireDue), which after advancing holds every entry due that
   * the wheel has not handed out (those due in the current tick, and those scheduled late): so
   * they remove every entry whose deadline has passed, for a look at the entries due within the
   * current tick. Writes do not, so that a write's cost does not grow with that bucket.
   *
   * [1] G. Varghese, T. Lauck, "Hashed and hierarchical timing wheels", SOSP 1987.
   * [2] ben-manes/caffeine, TimerWheel.
   */

  // Buckets per level: 64 x 1.07 s, 64 x 1.14 min, 32 x 36.6 min, 4 x 9.8 h, and one for the rest.
  private static final int[] BUCKETS = {64, 64, 32, 4, 1};
  // The span of one bucket at each level (powers of two, so a bucket index is a shift and a mask);
  // the last entry is the span of the whole top level.
  private static final long[] SPANS = {
    1L << 30, // 1.07 s
    1L << 36, // 1.14 min
    1L << 41, // 36.6 min
    1L << 45, // 9.77 h
    1L << 47, // 1.63 d
    4L << 47, // 6.5 d
  };
  private static final int[] SHIFTS = {30, 36, 41, 45, 47};

  private final CacheEntry[][] wheel = new CacheEntry[BUCKETS.length][];
  private long time; // the clock value the wheel was last advanced to
  private int size;

  ExpiryWheel(long now) {
    time = now;
    for (int level = 0; level < BUCKETS.length; level++) {
      wheel[level] = new CacheEntry[BUCKETS[level]];
      for (int b = 0; b < BUCKETS[level]; b++) {
        wheel[level][b] = CacheEntry.sentinel();
      }
    }
  }

  int size() {
    return size;
  }

  /** Schedules {@code entry} for its deadline; it must not be scheduled already. */
  void schedule(CacheEntry entry, long deadline) {
    entry.wheelTime = deadline;
    // A writer may have read the clock before another thread advanced the wheel past its deadline:
    // such an entry goes into the current bucket, which the next advance visits first.
    CacheEntry sentinel = bucketFor(Math.max(deadline, time));
    entry.wheelPrev = sentinel.wheelPrev;
    entry.wheelNext = sentinel;
    sentinel.wheelPrev.wheelNext = entry;
    sentinel.wheelPrev = entry;
    size++;
  }

  /**
   * Whether {@code entry} is on the wheel (between calls: advancing unlinks entries for a time).
   */
  static boolean scheduled(CacheEntry entry) {
    return entry.wheelNext != null;
  }

  /** Unlinks {@code entry} if it is scheduled. */
  void deschedule(CacheEntry entry) {
    if (!scheduled(entry)) {
      return;
    }
    entry.wheelPrev.wheelNext = entry.wheelNext;
    entry.wheelNext.wheelPrev = entry.wheelPrev;
    entry.wheelPrev = null;
    entry.wheelNext = null;
    size--;
  }

  /**
   * Advances the clock to {@code now} and hands each entry whose deadline has passed to {@code
   * expired}, unlinked. Entries not yet due are moved to the bucket their deadline now falls in; an
   * entry whose actual deadline moved later (it was read) is scheduled for that deadline.
   */
  void advance(long now, Consumer<CacheEntry> expired) {
    long previous = time;
    if (now <= previous) {
      return;
    }
    time = now;
    for (int level = 0; level < SHIFTS.length; level++) {
      long previousTicks = previous >>> SHIFTS[level];
      long delta = (now >>> SHIFTS[level]) - previousTicks;
      if (delta <= 0) {
        break;
      }
      expireLevel(level, previousTicks, delta, expired);
    }
  }

  /**
   * Hands each entry of the current level 0 bucket whose deadline has passed at the wheel's time to
   * {@code expired}, unlinked; call after {@link #advance}. The entries left are not due yet.
   */
  void expireDue(Consumer<CacheEntry> expired) {
    CacheEntry sentinel = wheel[0][(int) ((time >>> SHIFTS[0]) & (BUCKETS[0] - 1))];
    for (CacheEntry entry = sentinel.wheelNext; entry != sentinel; ) {
      CacheEntry next = entry.wheelNext;
      if (entry.deadline() <= time) {
        deschedule(entry);
        expired.accept(entry);
      }
      entry = next;
    }
  }

  private void expireLevel(
      int level, long previousTicks, long delta, Consumer<CacheEntry> expired) {
    CacheEntry[] buckets = wheel[level];
    int mask = buckets.length - 1;
    // The bucket of the previous tick too: it may hold entries due between its start and now.
    int steps = (int) Math.min(1 + delta, buckets.length);
    int start = (int) (previousTicks & mask);
    for (int i = start; i < start + steps; i++) {
      CacheEntry sentinel = buckets[i & mask];
      CacheEntry entry = sentinel.wheelNext;
      sentinel.wheelPrev = sentinel;
      sentinel.wheelNext = sentinel;
      while (entry != sentinel) {
        CacheEntry next = entry.wheelNext;
        entry.wheelPrev = null;
        entry.wheelNext = null;
        size--;
        long deadline = entry.deadline();
        if (deadline <= time) {
          expired.accept(entry);
        } else {
          schedule(entry, deadline);
        }
        entry = next;
      }
    }
  }

  private CacheEntry bucketFor(long deadline) {
    long duration = deadline - time;
    int top = BUCKETS.length - 1;
    for (int level = 0; level < top; level++) {
      if (duration < SPANS[level + 1]) {
        long ticks = deadline >>> SHIFTS[level];
        return wheel[level][(int) (ticks & (BUCKETS[level] - 1))];
      }
    }
    return wheel[top][0];
  }

  /**
   * Roughly how long until the next scheduled entry may be due, for the background thread: the time
   * to the next level 0 tick if any entry is due within a level 0 revolution, otherwise to the next
   * level 1 tick. Never less than one level 0 tick; {@code Long.MAX_VALUE} when empty.
   */
  long delayToNextCheck() {
    if (size == 0) {
      return Long.MAX_VALUE;
    }
    for (CacheEntry sentinel : wheel[0]) {
      if (sentinel.wheelNext != sentinel) {
        return SPANS[0] - (time & (SPANS[0] - 1));
      }
    }
    return Math.max(SPANS[0], SPANS[1] - (time & (SPANS[1] - 1)));
  }

  /** Unlinks every entry. */
  void clear() {
    for (CacheEntry[] level : wheel) {
      for (CacheEntry sentinel : level) {
        for (CacheEntry e = sentinel.wheelNext; e != sentinel; ) {
          CacheEntry next = e.wheelNext;
          e.wheelPrev = null;
          e.wheelNext = null;
          e = next;
        }
        sentinel.wheelPrev = sentinel;
        sentinel.wheelNext = sentinel;
      }
    }
    size = 0;
  }
}
