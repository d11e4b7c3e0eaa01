package io.jets.cache.internal;

import io.jets.table.TableDeletedException;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The reloads of one cache table with refreshAfterWrite: a read that finds an entry past its
 * refresh deadline starts one reload of its key on a virtual thread and returns the current value;
 * the reload's value replaces that very entry if it is still the one stored (a write or removal in
 * between wins), a null removes it, and an exception leaves it (logged, and counted as a failed
 * load, as Caffeine does). At most one reload per key runs at a time.
 */
final class RefreshAfterWrite<K, V> {

  private static final System.Logger LOG = System.getLogger(RefreshAfterWrite.class.getName());

  private final CacheStoreTable<K, V> table;
  private final CacheStore store;
  private final Function<? super K, ? extends V> loader;
  private final ConcurrentHashMap<Object, CacheEntry> inFlight = new ConcurrentHashMap<>();

  RefreshAfterWrite(
      CacheStoreTable<K, V> table, CacheStore store, Function<? super K, ? extends V> loader) {
    this.table = table;
    this.store = store;
    this.loader = loader;
  }

  /** Starts a reload of {@code stale}'s key unless one is running. */
  @SuppressWarnings("unchecked")
  void refresh(CacheEntry stale) {
    if (inFlight.putIfAbsent(stale.key, stale) != null) {
      return;
    }
    Thread.ofVirtual().name("jets-cache-refresh").start(() -> reload((K) stale.key, stale));
  }

  private void reload(K key, CacheEntry stale) {
    long start = store.loadStarted();
    try {
      V value = loader.apply(key);
      table.storeRefreshed(key, stale, value);
      store.loadEnded(value != null, start); // after the store: a stats reader sees it done
    } catch (TableDeletedException deleted) {
      // deleted while it reloaded: nothing to refresh
    } catch (Throwable failure) { // a checked one too, thrown past the compiler
      store.loadEnded(false, start);
      LOG.log(
          Level.WARNING,
          "table '" + table.name() + "': the refresh of key " + key + " failed; the value stays",
          failure);
    } finally {
      inFlight.remove(key, stale);
    }
  }
}
