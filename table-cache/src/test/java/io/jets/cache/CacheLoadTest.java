package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** getOrLoad: one load per key however many callers, failures not cached, bounded waits. */
class CacheLoadTest {

  private final FakeTicker ticker = new FakeTicker();

  private CacheTable<String, String> cache() {
    return Caches.cache(Fixtures.unique("load"))
        .access(Access.PUBLIC)
        .ticker(ticker)
        .backgroundExpiry(false)
        .expireAfterWrite(Duration.ofMinutes(1))
        .recordStats()
        .build();
  }

  @Test
  void concurrentCallersShareOneLoad() throws Exception {
    CacheTable<String, String> cache = cache();
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    int callers = 16;
    CountDownLatch started = new CountDownLatch(callers);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  started.countDown();
                  return cache.getOrLoad(
                      "k",
                      key -> {
                        loads.incrementAndGet();
                        await(release);
                        return "loaded-" + key;
                      });
                }));
      }
      started.await();
      release.countDown();
      for (Future<String> result : results) {
        assertEquals("loaded-k", result.get());
      }
    }
    assertEquals(1, loads.get());
    assertEquals("loaded-k", cache.get("k"));
    CacheStats stats = cache.cacheStats();
    assertEquals(1, stats.loadSuccesses());
    assertEquals(0, stats.loadFailures());
    assertEquals(1, stats.misses(), "only the caller that ran the loader missed (Caffeine's rule)");
    assertEquals(callers, stats.hits(), "the waiters, and the get after");
    assertTrue(stats.totalLoadNanos() > 0, "timed on the system clock, the fake ticker unmoved");
  }

  @Test
  void failedLoadIsNotCachedAndReachesEveryWaiter() throws Exception {
    CacheTable<String, String> cache = cache();
    CountDownLatch loaderRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<String> first =
          pool.submit(
              () ->
                  cache.getOrLoad(
                      "k",
                      key -> {
                        loaderRunning.countDown();
                        await(release);
                        throw new IllegalStateException("backend down");
                      }));
      loaderRunning.await();
      Future<String> second =
          pool.submit(() -> cache.getOrLoad("k", key -> "loaded after the failure"));
      release.countDown();
      boolean secondLoadedItself = false;
      for (Future<String> f : List.of(first, second)) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException expected) {
          // inspected below
        }
        Throwable cause = f.state() == Future.State.FAILED ? f.exceptionNow() : null;
        if (cause != null) {
          // the loader's own exception, unchanged, for the caller that ran it and its waiters
          assertInstanceOf(IllegalStateException.class, cause);
          assertEquals("backend down", cause.getMessage());
        } else {
          // the second caller reached the table only after the failed load had ended
          assertSame(second, f);
          secondLoadedItself = true;
        }
      }
      if (secondLoadedItself) {
        cache.delete("k");
      }
    }
    assertNull(cache.get("k"));
    assertEquals("v", cache.getOrLoad("k", key -> "v"), "a failed load leaves nothing behind");
    assertTrue(cache.cacheStats().loadFailures() >= 1);
  }

  @Test
  void nullFromTheLoaderReturnsNullAndCachesNothing() {
    CacheTable<String, String> cache = cache();
    assertNull(cache.getOrLoad("k", key -> null));
    assertEquals(0, cache.size());
    assertEquals(1, cache.cacheStats().loadFailures(), "as Caffeine counts it");
    assertEquals("v", cache.getOrLoad("k", key -> "v"), "the next call loads again");
  }

  @Test
  void aLoadersUncheckedExceptionReachesTheCallerUnchanged() {
    CacheTable<String, String> cache = cache();
    IllegalArgumentException thrown = new IllegalArgumentException("no such user");
    assertSame(
        thrown,
        assertThrows(
            IllegalArgumentException.class,
            () ->
                cache.getOrLoad(
                    "k",
                    key -> {
                      throw thrown;
                    })));
    assertEquals(0, cache.size());
  }

  @Test
  void aLoaderThatAsksForItsOwnKeyFailsAtOnceInsteadOfWaitingForItself() {
    CacheTable<String, String> cache = cache();
    IllegalStateException recursive =
        assertThrows(
            IllegalStateException.class,
            () -> cache.getOrLoad("k", key -> cache.getOrLoad("k", again -> "inner")));
    assertTrue(recursive.getMessage().contains(cache.name()), recursive.getMessage());
    assertTrue(recursive.getMessage().contains("key k"), recursive.getMessage());
    assertEquals(0, cache.size(), "nothing cached");
    // A cycle through another key on the same thread is caught the same way.
    assertThrows(
        IllegalStateException.class,
        () ->
            cache.getOrLoad(
                "a", a -> cache.getOrLoad("b", b -> cache.getOrLoad("a", again -> "x"))));
    assertEquals("v", cache.getOrLoad("k", key -> "v"), "nothing left in flight");
  }

  @Test
  void timeoutBoundsTheWaitAndTheLoadStillCompletes() throws Exception {
    CacheTable<String, String> cache = cache();
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    CacheLoadException e =
        assertThrows(
            CacheLoadException.class,
            () ->
                cache.getOrLoad(
                    "slow",
                    key -> {
                      loads.incrementAndGet();
                      await(release);
                      return "late";
                    },
                    Duration.ofMillis(20)));
    assertTrue(e.timedOut());
    release.countDown();
    assertEquals("late", cache.getOrLoad("slow", key -> "a second load", Duration.ofMinutes(1)));
    assertEquals(1, loads.get());
  }

  @Test
  void presentValueIsReturnedWithoutLoadingAndExpiredOneIsReloaded() {
    CacheTable<String, String> cache = cache();
    cache.insert("k", "cached");
    assertSame(
        "cached",
        cache.getOrLoad(
            "k",
            key -> {
              throw new AssertionError("must not load");
            }));
    ticker.advance(Duration.ofMinutes(1));
    assertEquals("fresh", cache.getOrLoad("k", key -> "fresh"));
    CacheStats stats = cache.cacheStats();
    assertEquals(1, stats.hits());
    assertEquals(1, stats.misses());
  }

  @Test
  void loadingNeedsWriteAccess() {
    try (OwnerScope owner = OwnerScope.open("cache-owner")) {
      CacheTable<String, String> cache;
      try (var bound = owner.bind()) {
        cache = Caches.cache(Fixtures.unique("protected")).build();
      }
      cache.get("k"); // reading is allowed
      assertThrows(AccessDeniedException.class, () -> cache.getOrLoad("k", key -> "v"));
      assertEquals(0, cache.size());
    }
  }

  @Test
  void badArgumentsAreRejected() {
    CacheTable<String, String> cache = cache();
    assertThrows(BadArgumentException.class, () -> cache.getOrLoad(null, key -> "v"));
    assertThrows(BadArgumentException.class, () -> cache.getOrLoad("k", null));
    assertThrows(
        BadArgumentException.class, () -> cache.getOrLoad("k", key -> "v", Duration.ofSeconds(-1)));
    assertEquals(0, cache.size());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
