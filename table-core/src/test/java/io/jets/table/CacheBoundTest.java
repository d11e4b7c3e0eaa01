package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.tck.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * The size bound of cache tables. The contract under test: the writer enforces the bound before its
 * write returns, so whenever no write is running the table holds at most the maximum.
 */
class CacheBoundTest {

  @Test
  void boundHoldsAfterEveryWriteReturns() {
    List<CacheEvent<Integer, Integer>> evicted = new CopyOnWriteArrayList<>();
    CacheTable<Integer, Integer> cache =
        Tables.cache(Fixtures.unique("bound"))
            .maximumSize(100)
            .recordStats()
            .listener(
                (CacheEvent<Integer, Integer> e) -> {
                  if (e.kind() == CacheEvent.Kind.EVICTED) {
                    evicted.add(e);
                  }
                })
            .build();
    for (int i = 0; i < 1_000; i++) {
      cache.insert(i, i);
      assertTrue(cache.size() <= 100, "size " + cache.size() + " after insert " + i);
    }
    assertEquals(100, cache.size());
    assertEquals(900, evicted.size());
    assertEquals(900, cache.cacheStats().evictions());
    for (CacheEvent<Integer, Integer> e : evicted) {
      assertEquals(e.key(), e.value());
    }
  }

  @Test
  void boundHoldsOnceConcurrentWritersFinish() throws Exception {
    CacheTable<Integer, Integer> cache =
        Tables.cache(Fixtures.unique("bound-mt"))
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .maximumSize(64)
            .build();
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * 10_000;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < 5_000; i++) {
                      cache.insert(base + i, i);
                      if (i % 7 == 0) {
                        cache.delete(base + i - 3);
                      }
                    }
                  }));
    }
    for (Thread writer : writers) {
      writer.join();
    }
    assertTrue(cache.size() <= 64, "size " + cache.size());
    assertEquals(cache.size(), cache.toList().size());
  }

  @Test
  void everyObjectLeavesExactlyOnceUnderConcurrentWritersAndEviction() throws Exception {
    java.util.concurrent.atomic.AtomicLong inserted = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong removed = new java.util.concurrent.atomic.AtomicLong();
    CacheTable<Integer, Integer> cache =
        Tables.cache(Fixtures.unique("exactly-once"))
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.AUTO)
            .maximumSize(50)
            .listener(
                (CacheEvent<Integer, Integer> e) -> {
                  switch (e.kind()) {
                    case INSERTED -> inserted.incrementAndGet();
                    case DELETED, EVICTED, EXPIRED -> removed.incrementAndGet();
                    case UPDATED -> {}
                  }
                })
            .build();
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    java.util.Random random = new java.util.Random(seed);
                    try {
                      start.await();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < 20_000; i++) {
                      int key =
                          random.nextInt(
                              200); // shared keys: writers race on the same keys and victims
                      switch (random.nextInt(4)) {
                        case 0 -> cache.delete(key);
                        case 1 -> cache.insertNew(key, i);
                        default -> cache.insert(key, i);
                      }
                    }
                  }));
    }
    for (Thread writer : writers) {
      writer.join();
    }
    assertTrue(cache.size() <= 50, "size " + cache.size());
    assertEquals(
        cache.size(),
        inserted.get() - removed.get(),
        "every insert is matched by at most one removal event");
  }

  @Test
  void frequentlyReadObjectsSurviveAScanOfOneTimeKeys() {
    CacheTable<Integer, Integer> cache =
        Tables.cache(Fixtures.unique("tinylfu")).maximumSize(100).build();
    for (int hot = 0; hot < 50; hot++) {
      cache.insert(hot, hot);
    }
    int next = 1_000;
    for (int round = 0; round < 100; round++) {
      for (int hot = 0; hot < 50; hot++) {
        cache.get(hot);
      }
      // 100 keys used once: after each round an LRU or FIFO cache of 100 would hold only these.
      for (int i = 0; i < 100; i++, next++) {
        cache.insert(next, next);
      }
    }
    int survivors = 0;
    for (int hot = 0; hot < 50; hot++) {
      survivors += cache.member(hot) ? 1 : 0;
    }
    assertTrue(survivors >= 45, "hot keys kept: " + survivors);
    assertEquals(100, cache.size());
  }

  @Test
  void weigherBoundsTotalWeightAndRejectsNegativeWeights() {
    String name = Fixtures.unique("weigh");
    CacheTable<String, String> cache =
        Tables.cache(name)
            .maximumWeight(100)
            .weigher((String k, String v) -> v.equals("bad") ? -1 : v.length())
            .build();
    for (int i = 0; i < 100; i++) {
      cache.insert("k" + i, "0123456789");
      long weight = cache.foldl(0L, (k, v, sum) -> sum + v.length());
      assertTrue(weight <= 100, "weight " + weight);
    }
    assertEquals(10, cache.size());
    long before = cache.size();
    BadArgumentException bad =
        assertThrows(BadArgumentException.class, () -> cache.insert("k5", "bad"));
    assertTrue(
        bad.getMessage().contains(name) && bad.getMessage().contains("weigher"), bad.getMessage());
    assertEquals(before, cache.size());
    cache.insert("huge", "x".repeat(101));
    assertTrue(cache.get("huge") == null, "an object heavier than the bound is evicted at once");
  }

  @Test
  void zeroBoundKeepsNothing() {
    CacheTable<String, String> cache = Tables.cache(Fixtures.unique("zero")).maximumSize(0).build();
    cache.insert("a", "1");
    assertEquals(0, cache.size());
  }
}
