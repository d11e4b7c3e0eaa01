/**
 * Cache tables: jets {@code set} tables with expiry (after write, after access, or per entry), a
 * size or weight bound (W-TinyLFU), read-through loading, refresh, listeners and Caffeine-style
 * stats. Entry point: {@link io.jets.cache.Caches}.
 */
module io.jets.cache {
  requires transitive io.jets.table;

  exports io.jets.cache;
}
