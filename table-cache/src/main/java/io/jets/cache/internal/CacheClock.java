package io.jets.cache.internal;

import io.jets.cache.Expiry;
import io.jets.cache.Ticker;

/**
 * The time of one cache table: ticker nanoseconds since the table was built (never negative, so a
 * deadline of {@link CacheEntry#NEVER} never passes), and the deadlines of new entries. An {@link
 * Expiry} is given the ticker's own time, as its javadoc (and Caffeine's) says: {@link #tickerTime}
 * converts at that boundary.
 */
final class CacheClock {

  private final Ticker ticker;
  private final long origin;
  private final long writeNanos;
  private final long accessNanos;
  private final long refreshNanos;
  private final Expiry<Object, Object> expiry; // null: the fixed durations above

  @SuppressWarnings("unchecked")
  CacheClock(
      Ticker ticker,
      long expireAfterWriteNanos,
      long expireAfterAccessNanos,
      long refreshAfterWriteNanos,
      Expiry<?, ?> expiry) {
    this.expiry = (Expiry<Object, Object>) expiry;
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

  /** Whether reads move deadlines (expireAfterAccess, or an Expiry's expireAfterRead). */
  boolean expiresAfterAccess() {
    return accessNanos != 0 || expiry != null;
  }

  /**
   * Moves the access deadline of an entry read at {@code now}. Returns true if the entry had none
   * and now has one: an Expiry that said never on create or update gave a time to live on this
   * read, and the entry, which the policy did not schedule, must reach the wheel (see {@code
   * CacheMaintenance.firstDeadline}). A fixed expireAfterAccess never does this: its deadline is
   * the same duration from every read.
   */
  boolean accessed(CacheEntry entry, long now) {
    if (expiry == null) {
      entry.soAccessDeadline(deadline(now, accessNanos));
    } else if (entry.ownTimeToLive == 0) {
      long remaining = remaining(entry, now);
      long next = expiry.expireAfterRead(entry.key, entry.laValue(), tickerTime(now), remaining);
      if (next != remaining) {
        // deadline(now, 0) is NEVER (no duration set): a read's zero or less expires at once.
        long deadline = next <= 0 ? now : deadline(now, next);
        entry.soAccessDeadline(deadline);
        return remaining == Long.MAX_VALUE && deadline != CacheEntry.NEVER;
      }
    }
    return false;
  }

  /** The ticker's reading at cache time {@code now}, for the {@link Expiry}. */
  private long tickerTime(long now) {
    return origin + now;
  }

  /** What is left of an entry's time to live at {@code now}; Long.MAX_VALUE for never. */
  private static long remaining(CacheEntry entry, long now) {
    long deadline = entry.deadline();
    return deadline == CacheEntry.NEVER ? Long.MAX_VALUE : Math.max(0, deadline - now);
  }

  /**
   * A new entry written at {@code now}, which expires after {@code ownTimeToLive} (0: the table's
   * expireAfterWrite) or after the table's expireAfterAccess without a read.
   */
  CacheEntry entry(
      Object key,
      int hash,
      Object value,
      long ownTimeToLive,
      int weight,
      long now,
      CacheEntry previous) {
    if (expiry != null && ownTimeToLive == 0) {
      // The Expiry's time to live rides on the access deadline, which reads may move.
      long timeToLive =
          previous == null
              ? expiry.expireAfterCreate(key, value, tickerTime(now))
              : expiry.expireAfterUpdate(key, value, tickerTime(now), remaining(previous, now));
      return new CacheEntry(
          key,
          hash,
          value,
          0,
          CacheEntry.NEVER,
          timeToLive <= 0 ? now : deadline(now, timeToLive),
          deadline(now, refreshNanos),
          weight);
    }
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
