package io.jets.cache;

import io.jets.table.TableType;

/** The entry point of cache tables: {@link #cache(String)}. */
public final class Caches {

  private Caches() {}

  /**
   * A builder for a {@link CacheTable} called {@code name}: a {@link TableType#SET} table with
   * expiry, a size bound, load-once, listeners and stats. Name the key and value types ({@code
   * Caches.<String, User>cache("users")}), or let a typed listener, weigher or loader name them:
   * either way a setting or a {@code build()} whose types do not fit the table's does not compile.
   * Nothing is checked before {@link CacheTableBuilder#build()}.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param name the table's name; a null or empty one is refused by {@code build()}
   * @return a builder with no cache option set
   */
  public static <K, V> CacheTableBuilder<K, V> cache(String name) {
    return new CacheTableBuilder<>(name);
  }
}
