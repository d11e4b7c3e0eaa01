package io.jets.cache.internal;

import io.jets.cache.CacheLoadException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The loads in flight of one cache table: at most one per key, however many threads ask.
 *
 * <p>The first caller for an absent key puts a {@link CompletableFuture} into a concurrent map
 * ({@code putIfAbsent} decides who is first), checks the table once more (a load that completed
 * between its miss and its put has already inserted the value), runs the loader, stores the value,
 * removes the future and completes it. Every other caller waits on the future. A failed load
 * completes the future exceptionally, so every waiter gets the failure, and stores nothing.
 * Removing the future before completing it means a caller that comes later either finds the value
 * in the table or starts a new load; it never waits on a finished one.
 *
 * <p>As Caffeine and {@code ConcurrentHashMap.computeIfAbsent}: a loader that asks for the key it
 * is loading (directly, or through loads of other keys on the same thread) fails at once with
 * {@link IllegalStateException} instead of waiting for itself; a loader that returns null caches
 * nothing and its callers get null; a loader's unchecked exception reaches every caller unchanged.
 */
final class LoadOnce<K, V> {

  private final CacheStoreTable<K, V> table;
  private final CacheStore store;
  private final ConcurrentHashMap<K, Load<V>> inFlight = new ConcurrentHashMap<>();

  /** A load in flight, with the thread running its loader (null until it starts). */
  private static final class Load<V> extends CompletableFuture<V> {
    volatile Thread runner;
  }

  LoadOnce(CacheStoreTable<K, V> table, CacheStore store) {
    this.table = table;
    this.store = store;
  }

  /**
   * The value of {@code key}, loaded once. With {@code timeoutNanos < 0} the first caller runs the
   * loader on its own thread and nobody's wait is bounded; otherwise the loader runs on a virtual
   * thread and each caller waits at most the timeout.
   */
  V load(K key, Function<? super K, ? extends V> loader, long timeoutNanos) {
    Load<V> mine = new Load<>();
    Load<V> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      if (running.runner == Thread.currentThread()) {
        throw new IllegalStateException(
            "table '"
                + table.name()
                + "': getOrLoad: the loader of key "
                + key
                + " asked for that key itself (a recursive load would wait for itself forever)");
      }
      V awaited;
      try {
        awaited = await(key, running, timeoutNanos);
      } catch (RuntimeException | Error failed) {
        table.countLoadRead(false);
        throw failed;
      }
      table.countLoadRead(awaited != null); // waited for another caller's load: a hit if found
      return awaited;
    }
    V present = table.peekLive(key);
    if (present != null) {
      inFlight.remove(key, mine);
      mine.complete(present);
      table.countLoadRead(true);
      return present;
    }
    table.countLoadRead(false); // this caller runs the loader: the one miss
    if (timeoutNanos < 0) {
      run(key, loader, mine);
    } else {
      Thread.ofVirtual().name("jets-cache-load").start(() -> run(key, loader, mine));
    }
    return await(key, mine, timeoutNanos);
  }

  private void run(K key, Function<? super K, ? extends V> loader, Load<V> future) {
    future.runner = Thread.currentThread();
    long start = store.loadStarted();
    try {
      V value = loader.apply(key);
      if (value == null) { // nothing to cache: the callers get null, and a failure is counted
        store.loadEnded(false, start);
        inFlight.remove(key, future);
        future.complete(null);
        return;
      }
      V stored = table.storeLoaded(key, value);
      store.loadEnded(true, start);
      inFlight.remove(key, future);
      future.complete(stored);
    } catch (Throwable failure) {
      store.loadEnded(false, start);
      inFlight.remove(key, future);
      future.completeExceptionally(failure);
    }
  }

  private V await(K key, CompletableFuture<V> future, long timeoutNanos) {
    try {
      return timeoutNanos < 0 ? future.get() : future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException unchecked) {
        throw unchecked; // unchanged, as Caffeine hands it over
      } else if (cause instanceof Error error) {
        throw error;
      }
      throw new CacheLoadException(
          table.name(), "getOrLoad: the load of key " + key + " failed: " + cause, cause, false);
    } catch (TimeoutException e) {
      throw new CacheLoadException(
          table.name(),
          "getOrLoad: the load of key " + key + " took longer than " + timeoutNanos + " ns",
          null,
          true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CacheLoadException(
          table.name(),
          "getOrLoad: interrupted while waiting for the load of key " + key,
          e,
          false);
    }
  }
}
