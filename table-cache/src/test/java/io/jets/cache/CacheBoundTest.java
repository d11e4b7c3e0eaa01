package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.WriteConcurrency;
import io.jets.table.tck.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
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
        Caches.cache(Fixtures.unique("bound"))
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
        Caches.cache(Fixtures.unique("bound-mt"))
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .maximumSize(64)
            .build();
    runWriters(
        4,
        t -> {
          int base = t * 10_000;
          for (int i = 0; i < 5_000; i++) {
            cache.insert(base + i, i);
            if (i % 7 == 0) {
              cache.delete(base + i - 3);
            }
          }
        });
    assertTrue(cache.size() <= 64, "size " + cache.size());
    assertEquals(cache.size(), cache.toList().size());
  }

  @Test
  void everyObjectLeavesExactlyOnceUnderConcurrentWritersAndEviction() throws Exception {
    java.util.concurrent.atomic.AtomicLong inserted = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong removed = new java.util.concurrent.atomic.AtomicLong();
    CacheTable<Integer, Integer> cache =
        Caches.cache(Fixtures.unique("exactly-once"))
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
    runWriters(
        4,
        t -> {
          java.util.Random random = new java.util.Random(t);
          for (int i = 0; i < 20_000; i++) {
            int key = random.nextInt(200); // shared keys: writers race on the same keys and victims
            switch (random.nextInt(4)) {
              case 0 -> cache.delete(key);
              case 1 -> cache.insertNew(key, i);
              default -> cache.insert(key, i);
            }
          }
        });
    assertTrue(cache.size() <= 50, "size " + cache.size());
    assertEquals(
        cache.size(),
        inserted.get() - removed.get(),
        "every insert is matched by at most one removal event");
  }

  /**
   * Writes link their entries into the policy after releasing their stripes, so a later write of
   * the same key may retire an entry before its writer links it. Once the writers are done the
   * policy must hold exactly what the table holds: a policy that kept a removed entry would count
   * its weight and evict live objects too early.
   */
  @Test
  void policyHoldsExactlyTheStoredObjectsOnceConcurrentWritersFinish() throws Exception {
    java.util.concurrent.atomic.AtomicLong evictions = new java.util.concurrent.atomic.AtomicLong();
    CacheTable<Integer, Integer> cache =
        Caches.cache(Fixtures.unique("converge"))
            .access(Access.PUBLIC)
            .writeConcurrency(WriteConcurrency.ON)
            .maximumSize(40)
            .listener(
                (CacheEvent<Integer, Integer> e) -> {
                  if (e.kind() == CacheEvent.Kind.EVICTED) {
                    evictions.incrementAndGet();
                  }
                })
            .build();
    runWriters(
        4,
        t -> {
          java.util.Random random = new java.util.Random(t);
          for (int i = 0; i < 10_000; i++) {
            int key = random.nextInt(60);
            switch (random.nextInt(8)) {
              case 0 -> cache.delete(key);
              case 1 -> cache.update(key, v -> v + 1, 0);
              case 2 -> cache.touch(key);
              case 3 ->
                  cache.insertAll(
                      List.of(
                          java.util.Map.entry(key, i), java.util.Map.entry(random.nextInt(60), i)));
              case 4 -> {
                if (random.nextInt(50) == 0) {
                  cache.deleteAllObjects();
                } else {
                  cache.insertNew(key, i);
                }
              }
              default -> cache.insert(key, i);
            }
          }
        });
    assertTrue(cache.size() <= 40, "size " + cache.size());
    cache.deleteAllObjects();
    long evictedBefore = evictions.get();
    for (int i = 0; i < 40; i++) {
      cache.insert(1_000 + i, i);
    }
    assertEquals(40, cache.size());
    assertEquals(evictedBefore, evictions.get(), "nothing is evicted below the bound");
  }

  @Test
  void frequentlyReadObjectsSurviveAScanOfOneTimeKeys() {
    CacheTable<Integer, Integer> cache =
        Caches.cache(Fixtures.unique("tinylfu"))
            .maximumSize(100)
            .executor(Runnable::run) // reads reach the policy on this thread: deterministic
            .build();
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

  /**
   * Runs {@code writer} on {@code threads} platform threads (each given its index) released
   * together, and waits for them; fails with the first failure of any.
   */
  private static void runWriters(int threads, IntConsumer writer) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                      writer.accept(index);
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }));
    }
    for (Thread thread : writers) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new AssertionError("a writer failed", failures.get(0));
    }
  }

  @Test
  void weigherBoundsTotalWeightAndRejectsNegativeWeights() {
    String name = Fixtures.unique("weigh");
    CacheTable<String, String> cache =
        Caches.cache(name)
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

  /**
   * Weigher's javadoc: an exception fails the write with {@link BadArgumentException} (naming the
   * table, with the exception as its cause) and leaves the table unchanged; a checked one (thrown
   * past the compiler) too, for an insert, a batch and an update alike.
   */
  @Test
  void aWeighersCheckedExceptionIsABadArgumentAndChangesNothing() {
    String name = Fixtures.unique("weigh-checked");
    IOException failure = new IOException("cannot weigh");
    CacheTable<String, String> cache =
        Caches.cache(name)
            .maximumWeight(100)
            .weigher(
                (String k, String v) -> {
                  if (v.equals("bad")) {
                    throw CacheReadThroughTest.<RuntimeException>sneaky(failure);
                  }
                  return 1;
                })
            .build();
    cache.insert("k", "ok");
    List<Runnable> writes =
        List.of(
            () -> cache.insert("a", "bad"),
            () -> cache.insertAll(List.of(Map.entry("a", "ok"), Map.entry("b", "bad"))),
            () -> cache.update("k", v -> "bad"));
    for (Runnable write : writes) {
      BadArgumentException bad = assertThrows(BadArgumentException.class, write::run);
      assertTrue(bad.getMessage().contains(name), bad.getMessage());
      assertSame(failure, bad.getCause());
      assertEquals(List.of(Map.entry("k", "ok")), cache.toList(), "table unchanged");
    }
  }

  /**
   * Table.selectReplace: every result is checked before any object changes; Weigher: a negative
   * weight or an exception fails the write with {@link BadArgumentException} and leaves the table
   * unchanged. A replacement the weigher refuses for one object replaces none of them.
   */
  @Test
  void aSelectReplaceWhoseResultTheWeigherRefusesReplacesNothing() {
    String name = Fixtures.unique("weigh-replace");
    CacheTable<String, String> cache =
        Caches.cache(name)
            .maximumWeight(100)
            .weigher((String k, String v) -> v.equals("bad") ? -1 : 1)
            .build();
    cache.insert("a", "1");
    cache.insert("b", "2");
    cache.insert("c", "3");
    AtomicInteger results = new AtomicInteger();
    BadArgumentException bad =
        assertThrows(
            BadArgumentException.class,
            () ->
                cache.selectReplace(
                    MatchSpec.<String, String>where(KeyPattern.any())
                        .replaceValue( // the first result it meets is fine, the later ones not
                            (k, v) -> results.getAndIncrement() == 0 ? v + "x" : "bad")));
    assertTrue(bad.getMessage().contains(name), bad.getMessage());
    assertEquals(Map.of("a", "1", "b", "2", "c", "3"), Map.copyOf(cache.asMap()), "unchanged");
  }

  /**
   * A write that an update function makes to a key of another stripe is accepted (only its own
   * stripe refuses writes); the eviction that write causes may pick the very object the function
   * runs under, whose stripe this thread holds. That removal waits for the next maintenance: the
   * write returns normally, and the bound holds once the update has returned. Before, the removal
   * threw the store's internal exception out of the write, and the evicted object stayed stored for
   * good, past the bound.
   */
  @Test
  void anEvictionOfTheObjectAnUpdateRunsUnderWaitsAndTheBoundHoldsAfterIt() {
    CacheTable<Integer, String> cache =
        Caches.<Integer, String>cache(Fixtures.unique("evict-in-update"))
            .writeConcurrency(WriteConcurrency.ON)
            .maximumSize(1)
            .executor(Runnable::run)
            .build();
    cache.insert(1, "a");
    cache.update(
        1,
        v -> {
          for (int k = 2; ; k++) {
            try {
              cache.insert(k, "x"); // evicts 1, the object this function runs under
              return v + "!";
            } catch (IllegalStateException sameStripe) {
              // a key of this function's own stripe: refused, try the next
            }
          }
        });
    assertEquals(1, cache.size(), "the bound holds once no write runs: " + cache.toList());
    assertEquals(1, cache.toList().size());
  }

  @Test
  void anObjectHeavierThanTheWholeBoundIsEvictedAloneAtOnce() {
    List<String> evicted = new CopyOnWriteArrayList<>();
    CacheTable<String, Integer> cache = weighedByValue("heavy", 100, evicted);
    for (int i = 0; i < 10; i++) {
      cache.insert("small" + i, 10);
    }
    for (int i = 0; i < 5; i++) {
      cache.insert("huge", 1_000); // more frequent than any small one, yet it can never fit
      cache.get("huge");
    }
    assertEquals(List.of("huge", "huge", "huge", "huge", "huge"), evicted, "as Caffeine's");
    assertEquals(10, cache.size());
  }

  @Test
  void objectsOfZeroWeightAreNeverEvicted() {
    List<String> evicted = new CopyOnWriteArrayList<>();
    CacheTable<String, Integer> cache = weighedByValue("weightless", 10, evicted);
    for (int i = 0; i < 5; i++) {
      cache.insert("free" + i, 0);
    }
    for (int i = 0; i < 50; i++) {
      cache.insert("k" + i, 5);
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(0, cache.get("free" + i), "evicting it frees nothing: " + evicted);
    }
    assertEquals(7, cache.size(), "the five weightless objects and two of weight 5");
    assertEquals(48, evicted.size());
  }

  /**
   * Many weightless (pinned) objects, some read so that they move to the protected queue, among
   * thousands of evictions: each eviction passes the pinned objects it meets to its queue's back
   * (searching past all of them from the front every time cost O(pinned) per eviction), and none is
   * ever evicted.
   */
  @Test
  void manyPinnedObjectsStayThroughThousandsOfEvictions() {
    List<String> evicted = new CopyOnWriteArrayList<>();
    CacheTable<String, Integer> cache = weighedByValue("pinned", 100, evicted);
    for (int i = 0; i < 2_000; i++) {
      cache.insert("pinned" + i, 0);
      if (i % 3 == 0) {
        cache.get("pinned" + i);
      }
    }
    for (int i = 0; i < 20_000; i++) {
      cache.insert("k" + i, 10);
      if (i % 7 == 0) {
        cache.get("pinned" + (i % 2_000));
      }
    }
    cache.cleanUp();
    for (int i = 0; i < 2_000; i++) {
      assertEquals(0, cache.get("pinned" + i), "pinned" + i);
    }
    assertTrue(evicted.stream().noneMatch(k -> k.startsWith("pinned")));
    assertEquals(2_000 + 10, cache.size(), "every pinned object and ten of weight 10");
    assertEquals(20_000 - 10, evicted.size());
  }

  @Test
  void zeroBoundKeepsNothing() {
    CacheTable<String, String> cache = Caches.cache(Fixtures.unique("zero")).maximumSize(0).build();
    cache.insert("a", "1");
    assertEquals(0, cache.size());
  }

  /**
   * A cache bounded to {@code maximum} whose objects weigh their value, maintained on the caller's
   * thread, that adds each evicted key to {@code evicted}.
   */
  private static CacheTable<String, Integer> weighedByValue(
      String name, long maximum, List<String> evicted) {
    return Caches.cache(Fixtures.unique(name))
        .maximumWeight(maximum)
        .weigher((String k, Integer v) -> v)
        .executor(Runnable::run)
        .listener(
            (CacheEvent<String, Integer> e) -> {
              if (e.kind() == CacheEvent.Kind.EVICTED) {
                evicted.add(e.key());
              }
            })
        .build();
  }
}
