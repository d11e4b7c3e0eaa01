package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.BadArgumentException;
import io.jets.table.Tables;
import io.jets.table.tck.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * refreshAfterWrite: a read of an old object returns it and starts one reload on a virtual thread;
 * the reload's value replaces it. The test waits for the reload through the listener, never by
 * sleeping; time moves on a fake ticker.
 */
class CacheRefreshTest {

  private final FakeTicker ticker = new FakeTicker();
  private final LinkedBlockingQueue<CacheEvent<String, String>> events =
      new LinkedBlockingQueue<>();

  private CacheTable<String, String> cache(Function<String, String> loader) {
    return Caches.<String, String>cache(Fixtures.unique("refresh"))
        .ticker(ticker)
        .backgroundExpiry(false)
        .refreshAfterWrite(Duration.ofMinutes(1))
        .loader(loader)
        .listener((CacheEvent<String, String> e) -> events.add(e))
        .recordStats()
        .build();
  }

  /**
   * Waits (bounded) until the reload has ended: it counts its success after it has stored, or
   * declined to store, its value.
   */
  private static void awaitLoadSuccesses(CacheTable<String, String> cache, long n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cache.cacheStats().loadSuccesses() < n && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(n, cache.cacheStats().loadSuccesses(), "the reload ended");
  }

  /** Waits (bounded) until {@code n} loads have failed: a failed reload counts when it ends. */
  private static void awaitLoadFailures(CacheTable<String, String> cache, long n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cache.cacheStats().loadFailures() < n && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(n, cache.cacheStats().loadFailures(), "the failed reload was counted");
  }

  private CacheEvent<String, String> nextEvent() throws InterruptedException {
    CacheEvent<String, String> event = events.poll(10, TimeUnit.SECONDS);
    assertTrue(event != null, "no event within 10 s");
    return event;
  }

  @Test
  void aReadOfAnOldObjectReturnsItAndOneReloadReplacesIt() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch reloadMayFinish = new CountDownLatch(1);
    CacheTable<String, String> cache =
        cache(
            key -> {
              int n = loads.incrementAndGet();
              if (n > 1) {
                try {
                  reloadMayFinish.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return key + "-v" + n;
            });
    assertEquals("k-v1", cache.get("k"));
    assertEquals(CacheEvent.Kind.INSERTED, nextEvent().kind());
    ticker.advance(Duration.ofSeconds(59));
    assertEquals("k-v1", cache.get("k"));
    assertEquals(1, loads.get(), "not due yet");
    ticker.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 10; i++) {
      assertEquals("k-v1", cache.get("k"), "the old value while the reload runs");
    }
    reloadMayFinish.countDown();
    CacheEvent<String, String> updated = nextEvent();
    assertEquals(CacheEvent.Kind.UPDATED, updated.kind());
    assertEquals("k-v2", updated.value());
    assertEquals("k-v2", cache.get("k"));
    assertEquals(2, loads.get(), "one reload however many reads");
    awaitLoadSuccesses(cache, 2);
  }

  @Test
  void aWriteDuringTheReloadWins() throws Exception {
    CountDownLatch reloading = new CountDownLatch(1);
    CountDownLatch reloadMayFinish = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    CacheTable<String, String> cache =
        cache(
            key -> {
              if (loads.incrementAndGet() == 1) {
                return "first";
              }
              reloading.countDown();
              try {
                reloadMayFinish.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "reloaded";
            });
    cache.get("k");
    nextEvent();
    ticker.advance(Duration.ofMinutes(2));
    cache.get("k"); // starts the reload
    reloading.await();
    cache.insert("k", "written"); // after the read that started it: this write wins
    assertEquals(CacheEvent.Kind.UPDATED, nextEvent().kind());
    reloadMayFinish.countDown();
    awaitLoadSuccesses(cache, 2);
    assertEquals("written", cache.get("k"), "it found a newer object and left it");
    assertTrue(events.isEmpty(), "and changed nothing: " + events);
  }

  @Test
  void aReloadThatFindsNothingRemovesTheObject() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CacheTable<String, String> cache = cache(key -> loads.incrementAndGet() == 1 ? "v" : null);
    assertEquals("v", cache.get("k"));
    nextEvent();
    ticker.advance(Duration.ofMinutes(1));
    assertEquals("v", cache.get("k"));
    assertEquals(CacheEvent.Kind.DELETED, nextEvent().kind());
    assertEquals(0, cache.size());
  }

  /**
   * refreshAfterWrite's javadoc: a reload that throws leaves the object as it was (and is logged),
   * counted as a failed load, as Caffeine does: no event, the old value still served.
   */
  @Test
  void aReloadThatThrowsLeavesTheOldValueAndCountsAFailedLoad() throws Exception {
    aFailedReloadLeavesTheOldValue(() -> new IllegalStateException("backend down"));
  }

  /**
   * The same for a reload whose loader throws a checked exception past the compiler (Kotlin, a
   * sneaky throw): the value stays and the failure is counted, not lost on the reload's thread.
   */
  @Test
  void aReloadThatThrowsACheckedExceptionLeavesTheOldValueAndCountsAFailedLoad() throws Exception {
    aFailedReloadLeavesTheOldValue(
        () -> CacheReadThroughTest.<RuntimeException>sneaky(new IOException("unreachable")));
  }

  /**
   * A cache whose first load returns "v" and whose later ones (the reloads) throw {@code failure}.
   */
  private void aFailedReloadLeavesTheOldValue(Supplier<RuntimeException> failure)
      throws InterruptedException {
    AtomicInteger loads = new AtomicInteger();
    CacheTable<String, String> cache =
        cache(
            key -> {
              if (loads.incrementAndGet() == 1) {
                return "v";
              }
              throw failure.get();
            });
    assertEquals("v", cache.get("k"));
    assertEquals(CacheEvent.Kind.INSERTED, nextEvent().kind());
    ticker.advance(Duration.ofMinutes(1));
    assertEquals("v", cache.get("k"), "the old value while the reload runs");
    awaitLoadFailures(cache, 1);
    assertTrue(loads.get() >= 2, "the reload ran");
    assertEquals(1, cache.size());
    assertEquals("v", cache.get("k"), "the old value stays after the failed reload");
    assertTrue(events.isEmpty(), "the failed reload changed nothing: " + events);
    assertEquals(1, cache.cacheStats().loadSuccesses(), "only the first load succeeded");
  }

  @Test
  void refreshAfterWriteNeedsALoader() {
    String name = Fixtures.unique("no-loader");
    BadArgumentException e =
        assertThrows(
            BadArgumentException.class,
            () -> Caches.cache(name).refreshAfterWrite(Duration.ofMinutes(1)).build());
    assertTrue(e.getMessage().contains("refreshAfterWrite needs a loader"), e.getMessage());
    assertNull(Tables.whereis(name).orElse(null));
  }
}
