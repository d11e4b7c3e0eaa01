package io.jets.table.internal.cache;

import io.jets.table.Ticker;

/**
 * The time of one cache table: ticker nanoseconds since the table was built (never negative, so a
 * deadline of {@link CacheEntry#NEVER} never passes), and the deadlines of new entries.
 */
final class CacheClock {

  private final Ticker ticker;
  private final long origin;
  private final long writeNanos;
  private final long accessNanos;
  private final long refreshNanos;

  CacheClock(
      Ticker ticker,
      long expireAfterWriteNanos,
      long expireAfterAccessNanos,
      long refreshAfterWriteNanos) {
    this.ticker = ticker;
    this.origin = ticker.read();
    this.writeNanos = expireAfterWriteNanos;
    this.accessNanos = expireAfterAccessNanos;
    this.refreshNanos = refreshAfterWriteNanos;
  }

  /** Whether reads of old entries start reloads (refreshAfterWrite). */
  boolean refreshes() {
    return refreshNanos != 0;
  }

  /** The cache time now. */
  long now() {
    return Math.max(0, ticker.read() - origin);
  }

  /** The raw ticker, for load times. */
  long ticks() {
    return ticker.read();
  }

  /** Whether reads move deadlines (expireAfterAccess). */
  boolean expiresAfterAccess() {
    return accessNanos != 0;
  }

  /** Moves the access deadline of an entry read at {@code now}. */
  void accessed(CacheEntry entry, long now) {
    entry.soAccessDeadline(deadline(now, accessNanos));
  }

  /**
   * A new entry written at {@code now}, which expires after {@code ownTimeToLive} (0: the table's
   * expireAfterWrite) or after the table's expireAfterAccess without a read.
   */
  CacheEntry entry(Object key, int hash, Object value, long ownTimeToLive, int weight, long now) {
    long timeToLive = ownTimeToLive != 0 ? ownTimeToLive : writeNanos;
    return new CacheEntry(
        key,
        hash,
        value,
        ownTimeToLive,
        deadline(now, timeToLive),
        deadline(now, accessNanos),
        deadline(now, refreshNanos),
        weight);
  }

  private static long deadline(long now, long duration) {
    return duration == 0
        ? CacheEntry.NEVER
        : duration >= CacheEntry.NEVER - now ? CacheEntry.NEVER : now + duration;
  }
}
