package io.jets.cache;

import io.jets.table.TableBuilder;

/**
 * A snapshot of a cache table's counters ({@link TableBuilder#recordStats()}); all zero when stats
 * are off. Counters are summed from striped cells, so a snapshot taken while the table is in use is
 * an estimate.
 *
 * <p>The definitions are Caffeine's, so that figures compare: a caller of {@code getOrLoad} (or of
 * a read-through {@code get}) that waits for another thread's load of the key counts a hit, and
 * only the caller that runs the loader a miss; evictions count every removal by the cache itself,
 * expirations included; load time is measured on the system clock whatever the table's ticker.
 *
 * @param hits reads that found a live object (get, lookup, member, getOrLoad), or waited for
 *     another caller's load of it
 * @param misses reads that found none, or an expired one
 * @param loadSuccesses loads that returned a value
 * @param loadFailures loads that threw or returned null
 * @param totalLoadNanos the time spent in loaders, successful or not, on the system clock
 * @param evictions objects the cache removed itself, by the size bound or because their time to
 *     live ran out (Caffeine's {@code evictionCount})
 * @param evictionWeight the total weight of those objects (1 each without a weigher)
 * @param expirations the part of {@code evictions} whose time to live ran out
 */
public record CacheStats(
    long hits,
    long misses,
    long loadSuccesses,
    long loadFailures,
    long totalLoadNanos,
    long evictions,
    long evictionWeight,
    long expirations) {

  /**
   * The share of reads that found a live object.
   *
   * @return hits / (hits + misses), or 1.0 when there were no reads (as Caffeine)
   */
  public double hitRate() {
    long requests = hits + misses;
    return requests == 0 ? 1.0 : (double) hits / requests;
  }
}
