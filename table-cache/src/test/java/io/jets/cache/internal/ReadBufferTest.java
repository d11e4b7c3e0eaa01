package io.jets.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.cache.CacheTable;
import io.jets.cache.Caches;
import io.jets.table.tck.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The read buffer of bounded caches: bounded, lossy and never waiting; every recorded read reaches
 * the policy exactly once; and a bounded cache's reads complete while its policy lock is held.
 */
class ReadBufferTest {

  private static CacheEntry entry(int i) {
    return new CacheEntry(
        "k" + i, i, "v", 0, CacheEntry.NEVER, CacheEntry.NEVER, CacheEntry.NEVER, 1);
  }

  @Test
  void aStripeHoldsSlotsReadsThenReportsFullUntilDrained() {
    ReadBuffer buffer = new ReadBuffer();
    List<CacheEntry> offered = new ArrayList<>();
    for (int i = 0; i < ReadBuffer.SLOTS; i++) {
      CacheEntry e = entry(i);
      offered.add(e);
      assertEquals(ReadBuffer.RECORDED, buffer.offer(e), "read " + i);
    }
    assertEquals(ReadBuffer.FULL, buffer.offer(entry(99)), "one thread fills its own stripe");
    List<CacheEntry> drained = new ArrayList<>();
    buffer.drain(drained::add);
    assertEquals(offered, drained, "in the order recorded, the dropped read absent");
    assertEquals(ReadBuffer.RECORDED, buffer.offer(entry(100)));
    drained.clear();
    buffer.drain(drained::add);
    assertEquals(1, drained.size());
    buffer.drain(drained::add);
    assertEquals(1, drained.size(), "a drained read is not handed over twice");
  }

  private static void count(Set<CacheEntry> seen, CacheEntry e, AtomicInteger duplicates) {
    if (!seen.add(e)) {
      duplicates.incrementAndGet();
    }
  }

  @Test
  void concurrentReadersAndADrainerHandOverEveryRecordedReadExactlyOnce() throws Exception {
    ReadBuffer buffer = new ReadBuffer();
    ReentrantLock policyLock = new ReentrantLock();
    int readers = 4;
    int perReader = 20_000;
    AtomicInteger recorded = new AtomicInteger();
    Set<CacheEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    AtomicInteger duplicates = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(readers);
    ExecutorService threads = Executors.newFixedThreadPool(readers); // one thread per party
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      int base = r * perReader;
      running.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                for (int i = 0; i < perReader; i++) {
                  int result = buffer.offer(entry(base + i));
                  if (result == ReadBuffer.RECORDED) {
                    recorded.incrementAndGet();
                  } else if (result == ReadBuffer.FULL && policyLock.tryLock()) {
                    try {
                      buffer.drain(e -> count(seen, e, duplicates));
                    } finally {
                      policyLock.unlock();
                    }
                  }
                }
              },
              threads));
    }
    try {
      for (CompletableFuture<Void> reader : running) {
        reader.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    policyLock.lock();
    try {
      buffer.drain(e -> count(seen, e, duplicates));
    } finally {
      policyLock.unlock();
    }
    assertEquals(0, duplicates.get(), "an entry drained twice");
    assertEquals(recorded.get(), seen.size(), "every recorded read drained, nothing else");
    assertTrue(recorded.get() > 0);
  }

  @Test
  void readsOfABoundedCacheCompleteWhileItsPolicyLockIsHeld() throws Exception {
    CacheTable<Integer, Integer> cache =
        Caches.<Integer, Integer>cache(Fixtures.unique("reads-never-wait"))
            .maximumSize(1_000)
            .build();
    for (int i = 0; i < 100; i++) {
      cache.insert(i, i);
    }
    ReentrantLock lock = ((CacheStoreTable<?, ?>) cache).store().maintenance().policyLock();
    lock.lock(); // held by this thread: a read that waited for it would never finish
    try {
      CompletableFuture<Long> reads =
          CompletableFuture.supplyAsync(
              () -> {
                long sum = 0;
                for (int round = 0; round < 1_000; round++) { // fills every stripe many times over
                  for (int i = 0; i < 100; i++) {
                    sum += cache.get(i);
                  }
                }
                return sum;
              });
      assertEquals(1_000L * 4_950, reads.get(30, TimeUnit.SECONDS));
      assertFalse(lock.hasQueuedThreads(), "no reader queued on the policy lock");
    } finally {
      lock.unlock();
    }
    cache.delete();
  }

  @Test
  void aReaderThatFillsItsStripeHandsOneDrainToTheExecutorAndReturns() {
    List<Runnable> submitted = new ArrayList<>();
    CacheTable<Integer, Integer> cache =
        Caches.<Integer, Integer>cache(Fixtures.unique("drain-executor"))
            .maximumSize(100)
            .executor(submitted::add) // holds the drains without running them
            .build();
    cache.insert(1, 1);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(1, cache.get(1));
    }
    assertEquals(1, submitted.size(), "one drain pending at a time");
    submitted.get(0).run();
    for (int i = 0; i < 1_000; i++) {
      cache.get(1);
    }
    assertEquals(2, submitted.size(), "the next full stripe hands over the next drain");
    cache.delete();
  }

  @Test
  void readsSucceedWhenTheExecutorRejectsTheDrain() {
    AtomicInteger rejected = new AtomicInteger();
    CacheTable<Integer, Integer> cache =
        Caches.<Integer, Integer>cache(Fixtures.unique("drain-rejected"))
            .maximumSize(100)
            .executor(
                task -> {
                  rejected.incrementAndGet();
                  throw new java.util.concurrent.RejectedExecutionException("shut down");
                })
            .build();
    cache.insert(1, 1);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(1, cache.get(1));
    }
    assertTrue(rejected.get() > 1, "each full stripe tries again: " + rejected.get());
    cache.insert(2, 2); // a write drains the reads itself
    assertEquals(2, cache.get(2));
    cache.delete();
  }

  @Test
  void bufferedReadsDecideEvictionAgainstKeysWrittenMoreOftenThanTheyWereRead() {
    // Every newcomer is written twice (frequency 2). A resident that is never read has frequency 1
    // and loses its duel; one read enough times, through the buffer, wins it. Without the buffer
    // reaching the policy, both residents would be evicted alike.
    CacheTable<Integer, Integer> cache =
        Caches.<Integer, Integer>cache(Fixtures.unique("buffered-reads"))
            .maximumSize(100)
            .executor(Runnable::run)
            .build();
    for (int i = 0; i < 100; i++) {
      cache.insert(i, i);
    }
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 10; i++) {
        cache.get(i); // keys 0..9: read; keys 10..99: never read
      }
    }
    for (int i = 1_000; i < 1_300; i++) {
      cache.insert(i, i);
      cache.insert(i, i);
    }
    int readKept = 0;
    int unreadKept = 0;
    for (int i = 0; i < 100; i++) {
      if (cache.member(i)) {
        if (i < 10) {
          readKept++;
        } else {
          unreadKept++;
        }
      }
    }
    assertTrue(readKept >= 9, "read residents kept: " + readKept);
    assertTrue(unreadKept <= 10, "unread residents kept: " + unreadKept);
    cache.delete();
  }
}
