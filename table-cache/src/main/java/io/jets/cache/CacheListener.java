package io.jets.cache;

/**
 * Receives the changes of a cache table ({@link CacheTableBuilder#listener}).
 *
 * <p>Thread and timing: synchronous and after the change. The listener runs on the thread that made
 * the change, after the change is visible to every reader and after every lock of the table has
 * been released, before the operation returns. Insertions, updates and deletions are reported to
 * the writing thread; expirations and evictions to the thread that removed the object: a writer
 * (whose write, or another's write whose eviction work it took over, triggered the removal), a
 * caller of {@link CacheTable#cleanUp()}, or the background expiry thread. Events of one key arrive
 * in the order of its changes only when they come from one thread. A listener may read and write
 * the table (it holds no lock); an exception it throws is logged and swallowed, and the change
 * stands.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface CacheListener<K, V> {

  /**
   * Called once per change; see the interface documentation for the thread and the timing.
   *
   * @param event the change
   */
  void onEvent(CacheEvent<K, V> event);
}
