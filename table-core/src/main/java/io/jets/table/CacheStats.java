package io.jets.table;

/**
 * A snapshot of a cache table's counters ({@link TableBuilder#recordStats()}); all zero when stats
 * are off. Counters are summed from striped cells, so a snapshot taken while the table is in use is
 * an estimate.
 *
 * @param hits reads that found a live object (get, lookup, member, getOrLoad)
 * @param misses reads that found none, or an expired one
 * @param loadSuccesses loads by getOrLoad that returned a value
 * @param loadFailures loads by getOrLoad that threw or returned null
 * @param totalLoadNanos the time spent in loaders, successful or not
 * @param evictions objects removed by the size bound
 * @param expirations objects removed because their time to live ran out
 */
public record CacheStats(
    long hits,
    long misses,
    long loadSuccesses,
    long loadFailures,
    long totalLoadNanos,
    long evictions,
    long expirations) {

  /** hits / (hits + misses), or 1.0 when there were no reads (as Caffeine). */
  public double hitRate() {
    long requests = hits + misses;
    return requests == 0 ? 1.0 : (double) hits / requests;
  }
}
