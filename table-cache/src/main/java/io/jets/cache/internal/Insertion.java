package io.jets.cache.internal;

/**
 * A value on its way from a cache table's insert, through the table facade, to {@link
 * CacheStore#putLocked}: with the time to live the insert gives its object (0: the table's) and its
 * weight, both settled before any lock is taken. A stored value that is not an {@code Insertion}
 * comes from an update, which keeps the entry's own time to live.
 */
record Insertion(Object value, long ownTimeToLive, int weight) {}
