package io.jets.table.internal;

import io.jets.table.CacheListener;
import io.jets.table.Ticker;
import io.jets.table.Weigher;

/**
 * The validated cache settings of a new cache table.
 *
 * @param expireAfterWriteNanos 0 for none
 * @param expireAfterAccessNanos 0 for none
 * @param maximum the most objects, or the most weight with a weigher; -1 for no bound
 * @param weigher null: every object weighs 1
 * @param listener null for none
 */
public record CacheOptions(
    long expireAfterWriteNanos,
    long expireAfterAccessNanos,
    long maximum,
    Weigher<?, ?> weigher,
    Ticker ticker,
    boolean recordStats,
    CacheListener<?, ?> listener,
    boolean backgroundExpiry) {}
