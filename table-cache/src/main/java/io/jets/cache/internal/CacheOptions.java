package io.jets.cache.internal;

import io.jets.cache.CacheListener;
import io.jets.cache.Expiry;
import io.jets.cache.Ticker;
import io.jets.cache.Weigher;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The validated cache settings of a new cache table.
 *
 * @param expireAfterWriteNanos 0 for none
 * @param expireAfterAccessNanos 0 for none
 * @param maximum the most objects, or the most weight with a weigher; -1 for no bound
 * @param weigher null: every object weighs 1
 * @param listener null for none
 * @param executor where a bounded cache's buffered reads are applied to its policy
 * @param refreshAfterWriteNanos 0 for none: how long after a write a read triggers a reload
 * @param expiry null for none: a per-entry time to live (then no expireAfterWrite or Access)
 * @param loader null for none: the build-time loader behind read-through {@code get}
 * @param bulkLoader null for none: loads the missing keys of {@code getAll} in one call
 */
public record CacheOptions(
    long expireAfterWriteNanos,
    long expireAfterAccessNanos,
    long maximum,
    Weigher<?, ?> weigher,
    Ticker ticker,
    boolean recordStats,
    CacheListener<?, ?> listener,
    boolean backgroundExpiry,
    Executor executor,
    long refreshAfterWriteNanos,
    Expiry<?, ?> expiry,
    Function<?, ?> loader,
    Function<?, ? extends Map<?, ?>> bulkLoader) {

  /** {@code duration} in nanoseconds, saturated at {@code Long.MAX_VALUE}. */
  public static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
