/**
 * Cache tables: jets {@code set} tables with expiry (after write, after access, or per object), a
 * size or weight bound (W-TinyLFU), load-once reads, refresh, listeners and Caffeine-style stats.
 * Entry point: {@link io.jets.cache.Caches#cache(String)}; the table is a {@link
 * io.jets.cache.CacheTable}.
 *
 * <h2>Vocabulary</h2>
 *
 * A cache table is a set table, and its guarantees are stated in the words of {@link
 * io.jets.table}: atomic, isolated, linearizable, weakly consistent, estimate, with the same
 * memory-visibility rule. Every one of them holds as it does for a set table, with these
 * differences:
 *
 * <dl>
 *   <dt>Atomic
 *   <dd>As for any table: a failed operation leaves the table as it was. A listener runs after the
 *       change it reports, and its exception is logged and swallowed: the change stands. A loader
 *       that throws or returns null caches nothing.
 *   <dt>Isolated
 *   <dd>As for any table, multi-object writes included. The removals a cache makes on its own
 *       (expiry, eviction) are single-object removals, each isolated on its own.
 *   <dt>Linearizable
 *   <dd>Every single-object operation, {@code touch} and {@code insert} with a time to live
 *       included. An object's expiry takes effect at the instant its deadline passes on the table's
 *       {@link io.jets.cache.Ticker}: from then on every read and write treats it as absent,
 *       whether or not it has been removed yet. {@code getOrLoad} is not one instant: its loader
 *       runs between the read that missed and the insert of the loaded value, which a live value
 *       written meanwhile wins over (the call then returns that value); the load runs once per key
 *       however many threads ask. {@code getAll} is one read per key, not a snapshot.
 *   <dt>Weakly consistent
 *   <dd>Traversals as for any table; they skip expired objects.
 *   <dt>Estimate
 *   <dd>{@code size()} counts the objects stored, expired ones not removed yet included (call
 *       {@code cleanUp()} first for a size without them); {@code cacheStats()}, as {@code stats()},
 *       is an estimate while the table is in use. The size bound holds whenever no write is
 *       running; while writes run, readers may see one extra object per write in flight.
 * </dl>
 *
 * <h2>Blocking</h2>
 *
 * Reads never take a lock. With expireAfterAccess or an {@link io.jets.cache.Expiry} a read records
 * its access in the object's entry; with a size bound, in a striped, lossy read buffer whose full
 * batches are applied to the eviction policy on the builder's executor. Writes take their writer
 * lock as in any set table, then, after releasing it, apply their changes to the policy and do the
 * expiry and eviction work on the writing thread, unless another writer holding the policy lock
 * takes it over; a writer waits for that lock only when too many writes are queued for it. {@code
 * getOrLoad} blocks while another thread loads the same key (or, with a timeout, at most that
 * long); {@code cleanUp()} takes the policy lock and may wait for the writer locks of the objects
 * it removes. Listeners run synchronously, on the thread that made the change, once every lock is
 * released.
 *
 * <h2>Failures</h2>
 *
 * As for any table (see {@link io.jets.table}), every failure jets reports is a {@link
 * io.jets.table.TableException} naming the table and the argument, and bad input is a {@link
 * io.jets.table.BadArgumentException}: for a cache also a null time to live or timeout, one that is
 * not positive, and every bad builder setting, reported by {@code build()}, which then creates
 * nothing. {@link io.jets.cache.CacheLoadException}, also a {@code TableException}, reports a
 * {@code getOrLoad} wait that timed out or was interrupted, or a loader's checked exception. What
 * differs: a loader's unchecked exception reaches the callers unchanged, as in Caffeine, and a
 * loader that asks for the key it is loading gets an {@link IllegalStateException} at once instead
 * of waiting for itself forever.
 */
package io.jets.cache;
