package io.jets.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.cache.FakeTicker;
import io.jets.cache.Ticker;
import io.jets.table.Access;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Which writes need the policy lock: none of an unbounded cache's without expiry; the others queue
 * their policy work and wait for the lock only when they must.
 */
class PolicyLockTest {

  private static ReentrantLock policyLock(CacheTable<?, ?> cache) {
    return ((CacheStoreTable<?, ?>) cache).store().maintenance().policyLock();
  }

  @Test
  void anUnboundedCacheWithoutExpiryWritesWhileThePolicyLockIsHeld() throws Exception {
    CacheTable<String, String> cache =
        Caches.<String, String>cache(Fixtures.unique("free")).build();
    ReentrantLock lock = policyLock(cache);
    lock.lock(); // held by this thread: a write that needed it would wait for it
    try {
      CompletableFuture<Void> writes =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  cache.insert("k" + i, "v");
                  cache.delete("k" + (i / 2));
                }
              });
      writes.get(30, TimeUnit.SECONDS); // bounded: fails rather than hangs if a write waits
      assertEquals(500, cache.size());
    } finally {
      lock.unlock();
    }
    cache.delete();
  }

  @Test
  void aWriteWithATimeToLiveIsQueuedForThePolicyAndAppliedByTheNextMaintenance() throws Exception {
    FakeTicker ticker = new FakeTicker();
    CacheTable<String, String> cache =
        Caches.<String, String>cache(Fixtures.unique("ttl"))
            .ticker(ticker)
            .backgroundExpiry(false)
            .build();
    CacheMaintenance maintenance = ((CacheStoreTable<?, ?>) cache).store().maintenance();
    ReentrantLock lock = maintenance.policyLock();
    lock.lock(); // held by this thread: the write must not wait for it
    try {
      CompletableFuture.runAsync(() -> cache.insert("k", "v", Duration.ofMinutes(1)))
          .get(30, TimeUnit.SECONDS);
      assertEquals(1, maintenance.pendingWrites(), "its policy work is queued");
      assertEquals("v", cache.get("k"));
    } finally {
      lock.unlock();
    }
    ticker.advance(Duration.ofMinutes(2));
    cache.cleanUp(); // applies the queued write (the entry goes on the wheel), then expires it
    assertEquals(0, maintenance.pendingWrites());
    assertEquals(0, cache.size(), "removed, not only hidden: it reached the timer wheel");
    cache.delete();
  }

  /** A ticker that, once armed, blocks the first thread that reads it under the policy lock. */
  private static final class PausingTicker implements Ticker {
    final CountDownLatch paused = new CountDownLatch(1);
    final CountDownLatch resume = new CountDownLatch(1);
    volatile ReentrantLock policyLock;
    volatile boolean armed;

    @Override
    public long read() {
      ReentrantLock lock = policyLock;
      if (armed && lock != null && lock.isHeldByCurrentThread()) {
        armed = false;
        paused.countDown();
        try {
          resume.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return System.nanoTime();
    }
  }

  @Test
  void aWriterThatFindsThePolicyBusyReturnsAndTheHolderAppliesItsWriteBeforeReturning()
      throws Exception {
    PausingTicker ticker = new PausingTicker();
    CacheTable<Integer, Integer> cache =
        Caches.<Integer, Integer>cache(Fixtures.unique("handover"))
            .access(Access.PUBLIC)
            .maximumSize(1)
            .ticker(ticker)
            .backgroundExpiry(false)
            .build();
    CacheMaintenance maintenance = ((CacheStoreTable<?, ?>) cache).store().maintenance();
    ticker.policyLock = maintenance.policyLock();
    ticker.armed = true;
    ExecutorService threads = Executors.newFixedThreadPool(2); // one each: neither may queue
    try {
      CompletableFuture<Void> holder =
          CompletableFuture.runAsync(() -> cache.insert(1, 1), threads);
      assertTrue(
          ticker.paused.await(30, TimeUnit.SECONDS), "the first write holds the policy lock");
      try {
        CompletableFuture.runAsync(() -> cache.insert(2, 2), threads).get(30, TimeUnit.SECONDS);
        assertEquals(1, maintenance.pendingWrites(), "the second write returned, its work queued");
      } finally {
        ticker.resume.countDown();
      }
      holder.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    assertEquals(0, maintenance.pendingWrites(), "the holder applied it after unlocking");
    assertEquals(1, cache.size(), "no write is running: the bound holds");
    cache.delete();
  }
}
