package io.jets.cache.internal;

import io.jets.cache.CacheStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of a cache table that records stats, in {@link LongAdder}s so that readers on
 * different cores do not contend. A table without stats holds no recorder at all (a null final
 * field), so stats cost nothing when off.
 */
final class CacheStatsRecorder {

  static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0, 0, 0, 0);

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder loadSuccesses = new LongAdder();
  private final LongAdder loadFailures = new LongAdder();
  private final LongAdder loadNanos = new LongAdder();
  private final LongAdder evictions = new LongAdder(); // every cause, as Caffeine's evictionCount
  private final LongAdder evictionWeight = new LongAdder();
  private final LongAdder expirations = new LongAdder();

  void hit() {
    hits.increment();
  }

  void miss() {
    misses.increment();
  }

  void loaded(boolean success, long nanos) {
    (success ? loadSuccesses : loadFailures).increment();
    loadNanos.add(nanos);
  }

  void removed(boolean expired, int weight) {
    evictions.increment();
    evictionWeight.add(weight);
    if (expired) {
      expirations.increment();
    }
  }

  CacheStats snapshot() {
    return new CacheStats(
        hits.sum(),
        misses.sum(),
        loadSuccesses.sum(),
        loadFailures.sum(),
        loadNanos.sum(),
        evictions.sum(),
        evictionWeight.sum(),
        expirations.sum());
  }
}
