package io.jets.cache.internal;

import io.jets.cache.CacheLoadException;
import io.jets.cache.CacheStats;
import io.jets.cache.CacheTable;
import io.jets.owner.Owner;
import io.jets.table.BadArgumentException;
import io.jets.table.internal.SetStoreTable;
import io.jets.table.internal.TableOptions;
import io.jets.table.internal.hash.BucketChain;
import io.jets.table.spi.Store;
import io.jets.table.spi.StoredObject;
import io.jets.table.spi.WriteInUserCodeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A cache table: a set table over the cache engine, {@link CacheStore}, which makes expired objects
 * absent, bounds the size and notifies the listener behind the facade's back. Every operation of a
 * set table is the facade's; this class adds only what a cache has besides: inserts with their own
 * time to live, touch, getOrLoad, the cache stats and cleanUp.
 */
public final class CacheStoreTable<K, V> extends SetStoreTable<K, V> implements CacheTable<K, V> {

  private final CacheStore cache;
  private final LoadOnce<K, V> loads;
  private final Function<? super K, ? extends V> loader; // null: get does not read through
  private final Function<? super Set<K>, ? extends Map<? extends K, ? extends V>> bulkLoader;
  private final RefreshAfterWrite<K, V> refresh; // null without refreshAfterWrite

  @SuppressWarnings("unchecked")
  private CacheStoreTable(TableOptions options, CacheStore cache, CacheOptions settings) {
    super(options, cache);
    this.cache = cache;
    this.loads = new LoadOnce<>(this, cache);
    this.loader = (Function<? super K, ? extends V>) settings.loader();
    this.bulkLoader =
        (Function<? super Set<K>, ? extends Map<? extends K, ? extends V>>) settings.bulkLoader();
    this.refresh =
        settings.refreshAfterWriteNanos() == 0
            ? null
            : new RefreshAfterWrite<>(this, cache, loader);
    cache.attach(this::name);
  }

  /** Creates, registers and returns a new cache table. */
  public static <K, V> CacheStoreTable<K, V> create(TableOptions options, CacheOptions cache) {
    CacheStoreTable<K, V> table =
        new CacheStoreTable<>(options, CacheEngines.create(options, cache), cache);
    table.open();
    return table;
  }

  /** With a build-time loader, a read-through: a miss loads the key (read access suffices). */
  @Override
  @SuppressWarnings("unchecked")
  public V get(K key) {
    if (loader == null) {
      return super.get(key);
    }
    return readOrLoad(key, loader, -1, "get");
  }

  /**
   * The map view reads without loading, as Caffeine's {@code LoadingCache.asMap()}: its {@code
   * get}, {@code getOrDefault} and {@code entrySet().contains} see a missing key as absent (its
   * {@code compute} and {@code merge} read under the key's lock, which never loads either).
   */
  @Override
  protected V viewGet(K key) {
    return super.get(key);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<K, V> getAll(Collection<? extends K> keys) {
    checkRead("getAll");
    requireArgument(keys, "keys", "getAll");
    for (K key : keys) {
      checkKey(key, "getAll");
    }
    Map<K, V> found = new LinkedHashMap<>();
    Set<K> missing = new LinkedHashSet<>();
    for (K key : keys) {
      if (found.containsKey(key) || missing.contains(key)) {
        continue; // a key named twice is read, and counted, once (Caffeine's getAll)
      }
      // A miss is counted once: here, or by the load of the key (Caffeine's rule, as get's).
      StoredObject live = readUncounted(key, "getAll");
      if (live != null) {
        lookedUp(live);
        found.put(key, (V) live.laValue());
      } else {
        if (loader == null || bulkLoader != null) {
          lookedUp(null);
        }
        missing.add(key);
      }
    }
    if (!missing.isEmpty() && bulkLoader != null) {
      Map<? extends K, ? extends V> loaded = loadAll(missing);
      // Every value weighed before any is stored, then all stored in one atomic batch: a weigher
      // or an Expiry that throws for one stores none of them.
      List<K> loadedKeys = new ArrayList<>();
      List<Insertion> weighed = new ArrayList<>();
      loaded.forEach(
          (key, value) -> {
            if (key != null && value != null) {
              loadedKeys.add(key);
              weighed.add(cache.insertion(key, value, 0, "getAll"));
            }
          });
      Object[] live;
      try {
        live =
            putAllAbsent(
                loadedKeys.toArray(),
                weighed.toArray(new Insertion[0]),
                () -> checkNotDeletedLocked("getAll"));
      } catch (WriteInUserCodeException e) { // as any multi-object write from an update function
        throw writeInUserCode("getAll");
      }
      for (int i = 0; i < live.length; i++) {
        if (missing.contains(loadedKeys.get(i))) {
          found.put(loadedKeys.get(i), (V) live[i]);
        }
      }
    } else if (!missing.isEmpty() && loader != null) {
      for (K key : missing) {
        V value = loads.load(key, loader, -1);
        if (value != null) {
          found.put(key, value);
        }
      }
    }
    Map<K, V> ordered = new LinkedHashMap<>(); // the keys' order, whatever order loads came in
    for (K key : keys) {
      V value = found.get(key);
      if (value != null) {
        ordered.put(key, value);
      }
    }
    return Collections.unmodifiableMap(ordered);
  }

  /** getAll's loaded values, stored atomically where no entry is live; returns the live values. */
  private Object[] putAllAbsent(Object[] keys, Insertion[] loaded, Runnable lockedCheck) {
    Object[] live = new Object[keys.length];
    CacheWrite write = new CacheWrite(null, 0, cache.clock.now(), keys.length);
    Store.Merge absent =
        new Store.Merge() {
          @Override
          public Object merge(int i, StoredObject node) {
            CacheEntry old = node == null ? null : (CacheEntry) node.laValue();
            if (write.live(old) != null) {
              live[i] = old.laValue();
              return null;
            }
            Insertion in = loaded[i];
            int hash = BucketChain.spread(keys[i]);
            CacheEntry entry =
                cache.newEntry(
                    write, hash, old, keys[i], in.value(), in.ownTimeToLive(), in.weight());
            write.record(old, entry);
            live[i] = in.value();
            return entry;
          }

          @Override
          public long objectDelta(StoredObject node, Object merged) {
            return node == null ? 1 : 0; // the store counts entries, expired ones too
          }
        };
    cache.hashes.writeAll(keys, absent, false, lockedCheck); // a throw published nothing: no finish
    if (write.changes() > 0) {
      cache.maintenance.finish(write);
    }
    return live;
  }

  private Map<? extends K, ? extends V> loadAll(Set<K> missing) {
    long start = cache.loadStarted();
    Map<? extends K, ? extends V> loaded;
    try {
      loaded = bulkLoader.apply(Collections.unmodifiableSet(missing));
    } catch (Throwable e) {
      cache.loadEnded(false, start);
      if (e instanceof RuntimeException || e instanceof Error) {
        throw e; // unchanged, as Caffeine; nothing cached
      }
      throw new CacheLoadException( // a checked one thrown past the compiler: as getOrLoad's
          name(), "getAll: the bulk load of keys " + missing + " failed: " + e, e, false);
    }
    cache.loadEnded(loaded != null, start);
    return loaded == null ? Map.of() : loaded;
  }

  /** The facade's reads of one key (get, lookup, member) count as accesses. */
  @Override
  protected void lookedUp(StoredObject objects) {
    super.lookedUp(objects);
    cache.lookedUp(objects);
    if (refresh != null && objects != null && cache.dueForRefresh(objects)) {
      refresh.refresh((CacheEntry) objects);
    }
  }

  /**
   * Stores a reloaded value where {@code stale} was, if it still is (a write or removal since
   * wins); a null value removes it. Skips the access check: the reload acts for the owner.
   */
  void storeRefreshed(K key, CacheEntry stale, V value) {
    Object lock = cache.lock(key);
    try {
      checkNotDeletedLocked("refresh");
      StoredObject live = cache.findLocked(lock, key);
      if (live == stale) {
        cache.putLocked(lock, live, key, value, value == null ? -1 : 0);
      }
    } finally {
      cache.unlock(lock);
    }
  }

  // ---- inserts: the facade's, with the entry's own time to live and weight settled first ----

  /** As any set's insert; the object expires after the table's expireAfterWrite, if any. */
  @Override
  public void insert(K key, V value) {
    super.insert(key, insertion(key, value, false, null));
  }

  @Override
  public void insert(K key, V value, Duration timeToLive) {
    super.insert(key, insertion(key, value, true, timeToLive));
  }

  /**
   * What an insert hands the facade: after the checks the facade would make (so that the weigher
   * never sees a rejected object), the value with its weight and its own time to live ({@code
   * timeToLive} if {@code own}, else the table's), which the store unwraps.
   */
  @SuppressWarnings("unchecked")
  private V insertion(K key, V value, boolean own, Duration timeToLive) {
    checkWrite("insert");
    checkKey(key, "insert");
    requireValue(value, "insert");
    long nanos = 0;
    if (own) {
      requireArgument(timeToLive, "timeToLive", "insert");
      if (timeToLive.isNegative() || timeToLive.isZero()) {
        throw new BadArgumentException(
            name(), "insert: timeToLive " + timeToLive + " is not positive");
      }
      nanos = CacheOptions.nanos(timeToLive);
    }
    return (V) cache.insertion(key, value, nanos, "insert");
  }

  // ---- cache operations ----

  @Override
  public boolean touch(K key) {
    Owner writer = checkWrite("touch");
    checkKey(key, "touch");
    Object lock;
    try {
      lock = cache.lock(key);
    } catch (WriteInUserCodeException e) {
      throw writeInUserCode("touch");
    }
    try {
      checkWriteLocked("touch", writer);
      return cache.touchLocked(lock, key);
    } finally {
      cache.unlock(lock);
    }
  }

  @Override
  public V getOrLoad(K key, Function<? super K, ? extends V> loader) {
    checkLoad(key, loader);
    return getOrLoad(key, loader, -1);
  }

  @Override
  public V getOrLoad(K key, Function<? super K, ? extends V> loader, Duration timeout) {
    checkLoad(key, loader);
    requireArgument(timeout, "timeout", "getOrLoad");
    if (timeout.isNegative()) {
      throw new BadArgumentException(name(), "getOrLoad: timeout " + timeout + " is negative");
    }
    return getOrLoad(key, loader, CacheOptions.nanos(timeout));
  }

  private void checkLoad(K key, Function<? super K, ? extends V> loader) {
    checkWrite("getOrLoad");
    checkKey(key, "getOrLoad");
    requireArgument(loader, "loader", "getOrLoad");
  }

  /** A read that counts as one (stats, access), then a load on a miss; {@code -1}: no timeout. */
  private V getOrLoad(K key, Function<? super K, ? extends V> loader, long timeoutNanos) {
    return readOrLoad(key, loader, timeoutNanos, "getOrLoad");
  }

  /**
   * A hit is counted (stats, access) here; a miss is counted by the load: as a miss by the caller
   * that runs the loader, as a hit by one that waits for another's load (Caffeine's rule).
   */
  @SuppressWarnings("unchecked")
  private V readOrLoad(
      K key, Function<? super K, ? extends V> loader, long timeoutNanos, String operation) {
    StoredObject live = readUncounted(key, operation);
    if (live != null) {
      lookedUp(live);
      return (V) live.laValue();
    }
    return loads.load(key, loader, timeoutNanos);
  }

  CacheStore store() {
    return cache;
  }

  /** Counts a read the load path settled, in the table's stats and the cache's. */
  void countLoadRead(boolean hit) {
    countLookup(hit);
    cache.countRead(hit);
  }

  /** The live value under {@code key} without counting an access; for the load path. */
  @SuppressWarnings("unchecked")
  V peekLive(K key) {
    StoredObject live = cache.find(key);
    return live == null ? null : (V) live.laValue();
  }

  /**
   * Stores a loaded value unless a live one appeared meanwhile, and returns the value now live.
   * Skips the access check: the caller of getOrLoad passed it before the load started, and a timed
   * load runs on a thread of its own.
   */
  V storeLoaded(K key, V value) {
    return storeLoaded(key, cache.insertion(key, value, 0, "getOrLoad"));
  }

  /** As {@link #storeLoaded(Object, Object)}, for a value already weighed. */
  @SuppressWarnings("unchecked")
  private V storeLoaded(K key, Insertion loaded) {
    Object lock;
    try {
      lock = cache.lock(key);
    } catch (WriteInUserCodeException e) {
      throw writeInUserCode("getOrLoad");
    }
    try {
      checkNotDeletedLocked("getOrLoad");
      StoredObject live = cache.findLocked(lock, key);
      if (live != null) {
        return (V) live.laValue();
      }
      cache.putLocked(lock, null, key, loaded, 1);
      return (V) loaded.value();
    } finally {
      cache.unlock(lock);
    }
  }

  @Override
  public CacheStats cacheStats() {
    checkRead("cacheStats");
    return cache.stats();
  }

  @Override
  public void cleanUp() {
    checkRead("cleanUp");
    cache.maintainNow();
  }
}
