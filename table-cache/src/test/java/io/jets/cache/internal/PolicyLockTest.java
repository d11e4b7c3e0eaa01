package io.jets.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Which writes take the policy lock: none of an unbounded cache's without expiry. */
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
  void aWriteWithATimeToLiveOrABoundStillUsesThePolicy() throws Exception {
    CacheTable<String, String> cache = Caches.<String, String>cache(Fixtures.unique("ttl")).build();
    ReentrantLock lock = policyLock(cache);
    lock.lock();
    CompletableFuture<Void> write;
    try {
      write = CompletableFuture.runAsync(() -> cache.insert("k", "v", Duration.ofMinutes(1)));
      while (!lock.hasQueuedThreads() && !write.isDone()) {
        Thread.onSpinWait(); // until the write queues on the lock (it must not complete first)
      }
      assertFalse(
          write.isDone(), "an entry with a deadline goes on the timer wheel, under the lock");
      assertTrue(lock.hasQueuedThreads());
    } finally {
      lock.unlock();
    }
    write.get(30, TimeUnit.SECONDS);
    assertEquals("v", cache.get("k"));
    cache.delete();
  }
}
