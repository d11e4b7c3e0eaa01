package io.jets.cache;

import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.SetTable;
import io.jets.table.TableBuilder;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link TableType#SET} table with cache behaviour: objects expire after a time to live, a size
 * bound evicts the objects least likely to be read again, {@link #getOrLoad} loads a missing value
 * once however many threads ask, listeners hear every change, and optional stats count hits,
 * misses, loads, evictions and expirations. Built by {@link Caches#cache(String)}.
 *
 * <p>Everything a {@link SetTable} promises holds (owner lifecycle, access modes, atomicity,
 * lock-free reads), with these differences:
 *
 * <ul>
 *   <li>An expired object is never returned by any read: get, lookup, member, traversals, folds and
 *       select treat it as absent from the moment its deadline passes on the table's {@link
 *       Ticker}, whether or not it has been removed yet. Writes treat it as absent too (insertNew
 *       succeeds on an expired key).
 *   <li>{@link #size()} counts stored objects, including expired ones not yet removed; call {@link
 *       #cleanUp()} first for a size without them.
 *   <li>The size bound holds whenever no write is running: a write's eviction work is done before
 *       it returns, by the writer or by another writer still running that took it over; while
 *       writes run, readers may briefly see one extra object per writer in flight.
 *   <li>With expireAfterAccess or an {@link Expiry}, reads record their access in the entry; with a
 *       size bound, in a striped, lossy read buffer that the eviction policy drains in batches (a
 *       dropped read only blurs a frequency); a read never waits for a lock.
 * </ul>
 *
 * <p>Every operation of a deleted table throws {@link TableDeletedException}, and bad input is a
 * {@link BadArgumentException} naming the table and the argument, thrown before anything changes,
 * as for every table.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CacheTable<K, V> extends SetTable<K, V> {

  /**
   * Inserts {@code (key, value)} with its own time to live, which replaces the table's
   * expireAfterWrite for this object (and survives {@link #touch}). Atomic and linearizable; as
   * {@link #insert(Object, Object)} otherwise.
   *
   * @param key the key; not null
   * @param value the value; not null
   * @param timeToLive how long the object lives from now; positive
   * @throws BadArgumentException if key or value is null, or {@code timeToLive} is null, zero or
   *     negative (table unchanged)
   * @throws AccessDeniedException if the caller may not write the table
   */
  void insert(K key, V value, Duration timeToLive);

  /**
   * Restarts the time to live of the live object under {@code key} from now, as if it had just been
   * written with the same value. Fires no listener event. Needs write access. Atomic.
   *
   * @param key the key; not null
   * @return true if a live object was touched, false if the key is absent or expired
   * @throws BadArgumentException if key is null
   * @throws AccessDeniedException if the caller may not write the table
   */
  boolean touch(K key);

  /**
   * The live value under {@code key}, or the value {@code loader} returns for it, which is then
   * inserted. However many threads ask for the same absent key at once, the loader runs once, on
   * the thread of the first caller; the others block until it finishes and receive its value or its
   * failure. As Caffeine's {@code get(key, mappingFunction)}: a loader that returns null caches
   * nothing and its callers get null; a loader's unchecked exception reaches the callers unchanged
   * and caches nothing, and the next call loads again; a loader that asks for the key it is loading
   * (on its own thread) gets an {@link IllegalStateException} at once instead of waiting for
   * itself. The loader must not write this key (it may read the table). Needs write access, checked
   * before any load. A delete of the key while its load runs does not cancel the load.
   *
   * @param key the key; not null
   * @param loader computes the value of a missing key, or null to cache nothing; not null itself
   * @return the live value, the loaded one, or null if the loader returned null
   * @throws BadArgumentException if key or loader is null (nothing is loaded)
   * @throws AccessDeniedException if the caller may not write the table
   * @throws CacheLoadException if the wait for another thread's load was interrupted, or the loader
   *     threw a checked exception
   * @throws IllegalStateException if the loader of {@code key} asks for {@code key} again
   */
  V getOrLoad(K key, Function<? super K, ? extends V> loader);

  /**
   * As {@link #getOrLoad(Object, Function)}, but the caller waits at most {@code timeout}. The
   * loader then runs on a virtual thread, so that even the first caller's wait is bounded; a load
   * that outlives the timeout keeps running, and its value is inserted (and handed to the callers
   * still waiting) when it completes.
   *
   * @param key the key; not null
   * @param loader computes the value of a missing key, or null to cache nothing; not null itself
   * @param timeout the longest this caller waits for the value; zero or more
   * @return the live value, the loaded one, or null if the loader returned null
   * @throws CacheLoadException with {@link CacheLoadException#timedOut()} true if the wait ran out;
   *     false if it was interrupted or the loader threw a checked exception
   * @throws BadArgumentException if key, loader or {@code timeout} is null, or {@code timeout} is
   *     negative (nothing is loaded)
   * @throws AccessDeniedException if the caller may not write the table
   * @throws IllegalStateException if the loader of {@code key} asks for {@code key} again
   */
  V getOrLoad(K key, Function<? super K, ? extends V> loader, Duration timeout);

  /**
   * The live values of {@code keys}, in the keys' iteration order, as an immutable map. With a
   * {@linkplain CacheTableBuilder#bulkLoader bulk loader}, the missing keys are loaded in one call
   * of it; otherwise, with a {@linkplain CacheTableBuilder#loader loader}, each one as {@link
   * #get(Object)} loads it; with neither, missing keys are left out. Loaded values are inserted.
   * Needs read access (the build-time loaders act for the owner). Caffeine's {@code getAll}.
   *
   * @param keys the keys to read; not null, and none of them null
   * @return the keys found or loaded, with their values, in the order of {@code keys}
   * @throws BadArgumentException if {@code keys} or one of them is null (nothing is loaded)
   * @throws AccessDeniedException if the caller may not read the table
   * @throws CacheLoadException if a loader threw a checked exception (its cause; nothing of that
   *     load is cached, and it counts as a failed load); a loader's unchecked exception reaches the
   *     caller unchanged, as in Caffeine
   */
  Map<K, V> getAll(Collection<? extends K> keys);

  /**
   * The cache counters so far (hits, misses, loads, evictions, expirations): all zero unless the
   * table was built with {@link TableBuilder#recordStats()}, which also turns on the counters of
   * {@link #stats()}. An estimate while the table is in use. Needs read access.
   *
   * @return the counters, summed at the call
   * @throws AccessDeniedException if the caller may not read the table
   */
  CacheStats cacheStats();

  /**
   * Removes, on the calling thread, every object whose time to live has run out by the ticker's
   * current time (by advancing the table's timer wheel to it, O(1) per expired object, then looking
   * at the objects due within the wheel's current tick of about a second; no scan of the table),
   * and enforces the size bound; fires the expiry and eviction events on the calling thread. Tests
   * call it after advancing their ticker. One exception: an object whose {@link Expiry} shortened
   * its time to live on a read is hidden at once but removed by the deadline it had before (one
   * that had none is removed at its new one; see {@link CacheTableBuilder#expireAfter}). Needs read
   * access; may wait for writers of the keys it removes.
   *
   * @throws AccessDeniedException if the caller may not read the table
   */
  void cleanUp();
}
