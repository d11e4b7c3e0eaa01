package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.TableStats;
import io.jets.table.tck.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Listener thread and timing, and stats. */
class CacheListenerTest {

  private final FakeTicker ticker = new FakeTicker();

  /** What the listener saw: the event, its thread, and what the table held at that moment. */
  private record Seen(
      CacheEvent<String, String> event,
      Thread thread,
      String tableValue,
      boolean lockHeldByOthers) {}

  @Test
  void listenerRunsOnTheWritersThreadAfterTheChangeIsVisible() {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    CacheTable<String, String>[] holder = new CacheTable[1];
    CacheTable<String, String> cache =
        Caches.cache(Fixtures.unique("listen"))
            .access(Access.PUBLIC)
            .ticker(ticker)
            .backgroundExpiry(false)
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(2)
            .listener(
                (CacheEvent<String, String> e) ->
                    seen.add(new Seen(e, Thread.currentThread(), holder[0].get(e.key()), false)))
            .build();
    holder[0] = cache;
    cache.insert("a", "1");
    cache.insert("a", "2");
    cache.delete("a");
    cache.insert("b", "1");
    cache.take("b");
    Thread me = Thread.currentThread();
    assertEquals(
        List.of(
            new CacheEvent<>(CacheEvent.Kind.INSERTED, "a", "1", null),
            new CacheEvent<>(CacheEvent.Kind.UPDATED, "a", "2", "1"),
            new CacheEvent<>(CacheEvent.Kind.DELETED, "a", "2", null),
            new CacheEvent<>(CacheEvent.Kind.INSERTED, "b", "1", null),
            new CacheEvent<>(CacheEvent.Kind.DELETED, "b", "1", null)),
        seen.stream().map(Seen::event).toList());
    for (Seen s : seen) {
      assertSame(me, s.thread());
      String expectedVisible =
          s.event().kind() == CacheEvent.Kind.DELETED ? null : s.event().value();
      assertEquals(
          expectedVisible,
          s.tableValue(),
          "the change is visible when the listener runs: " + s.event());
    }
  }

  @Test
  void expiryAndEvictionEventsRunOnTheThreadThatRemoves() throws Exception {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    CacheTable<String, String> cache =
        Caches.cache(Fixtures.unique("remove"))
            .access(Access.PUBLIC)
            .ticker(ticker)
            .backgroundExpiry(false)
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(2)
            .listener(
                (CacheEvent<String, String> e) ->
                    seen.add(new Seen(e, Thread.currentThread(), null, false)))
            .build();
    cache.insert("a", "1");
    cache.insert("b", "1");
    Thread evictor = Thread.ofPlatform().start(() -> cache.insert("c", "1"));
    evictor.join();
    List<Seen> evictions =
        seen.stream().filter(s -> s.event().kind() == CacheEvent.Kind.EVICTED).toList();
    assertEquals(1, evictions.size());
    assertSame(evictor, evictions.get(0).thread());
    ticker.advance(Duration.ofSeconds(7));
    Thread cleaner = Thread.ofPlatform().start(cache::cleanUp);
    cleaner.join();
    List<Seen> expirations =
        seen.stream().filter(s -> s.event().kind() == CacheEvent.Kind.EXPIRED).toList();
    assertEquals(2, expirations.size());
    for (Seen s : expirations) {
      assertSame(cleaner, s.thread());
    }
    assertEquals(0, cache.size());
  }

  @Test
  void aNewKeyEvictedAtOnceIsReportedInsertedThenEvicted() {
    List<String> heard = new CopyOnWriteArrayList<>();
    CacheTable<String, String> cache =
        Caches.cache(Fixtures.unique("order"))
            .ticker(ticker)
            .backgroundExpiry(false)
            .maximumSize(0)
            .executor(Runnable::run)
            .listener((CacheEvent<String, String> e) -> heard.add(e.kind() + " " + e.key()))
            .build();
    cache.insert("a", "1");
    cache.insert("b", "1");
    assertEquals(List.of("INSERTED a", "EVICTED a", "INSERTED b", "EVICTED b"), heard);
    assertEquals(0, cache.size());
  }

  @Test
  void aThrowingListenerDoesNotUndoTheChange() {
    CacheTable<String, String> cache =
        Caches.cache(Fixtures.unique("throw"))
            .listener(
                (CacheEvent<String, String> e) -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    cache.insert("a", "1");
    assertEquals("1", cache.get("a"));
  }

  /**
   * CacheListener's javadoc: an exception the listener throws is logged and swallowed, and the
   * change stands. A checked one (thrown past the compiler, as Kotlin or a sneaky-throw helper
   * does) too: the write returns normally, and the removals it caused are still reported and
   * counted.
   */
  @Test
  void aListenersCheckedExceptionIsSwallowedAndTheLaterEventsStillArrive() {
    List<String> heard = new CopyOnWriteArrayList<>();
    CacheTable<String, String> cache =
        Caches.cache(Fixtures.unique("throw-checked"))
            .ticker(ticker)
            .backgroundExpiry(false)
            .maximumSize(0)
            .executor(Runnable::run)
            .recordStats()
            .listener(
                (CacheEvent<String, String> e) -> {
                  heard.add(e.kind() + " " + e.key());
                  throw CacheReadThroughTest.<RuntimeException>sneaky(new IOException("audit"));
                })
            .build();
    cache.insert("a", "1");
    assertEquals(List.of("INSERTED a", "EVICTED a"), heard);
    assertEquals(0, cache.size());
    assertEquals(1, cache.cacheStats().evictions());
  }

  @Test
  void listenerMayWriteToTheTable() {
    List<CacheEvent.Kind> kinds = new ArrayList<>();
    CacheTable<String, String>[] holder = new CacheTable[1];
    holder[0] =
        Caches.cache(Fixtures.unique("reentrant"))
            .listener(
                (CacheEvent<String, String> e) -> {
                  kinds.add(e.kind());
                  if (e.key().equals("a")) {
                    holder[0].insert("audit", e.kind().name());
                  }
                })
            .build();
    holder[0].insert("a", "1");
    assertEquals("INSERTED", holder[0].get("audit"));
  }

  @Test
  void statsCountHitsMissesEvictionsAndExpirations() {
    CacheTable<String, String> cache =
        Caches.cache(Fixtures.unique("stats"))
            .ticker(ticker)
            .backgroundExpiry(false)
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(2)
            .recordStats()
            .build();
    cache.insert("a", "1");
    cache.get("a");
    cache.get("a");
    cache.get("x");
    cache.insert("b", "1");
    cache.insert("c", "1");
    ticker.advance(Duration.ofSeconds(7));
    cache.cleanUp();
    CacheStats stats = cache.cacheStats();
    assertEquals(2, stats.hits());
    assertEquals(1, stats.misses());
    assertEquals(3, stats.evictions(), "Caffeine's evictionCount: the size bound's and expiry's");
    assertEquals(3, stats.evictionWeight());
    assertEquals(2, stats.expirations());
    assertEquals(2.0 / 3, stats.hitRate(), 1e-9);
    TableStats tableStats = cache.stats(); // the same switch turns on the table's own counters
    assertEquals(2, tableStats.lookupHits());
    assertEquals(1, tableStats.lookupMisses());
    assertEquals(3, tableStats.inserts());
  }

  @Test
  void statsAreZeroWhenOff() {
    CacheTable<String, String> cache = Caches.cache(Fixtures.unique("nostats")).build();
    cache.insert("a", "1");
    cache.get("a");
    assertEquals(new CacheStats(0, 0, 0, 0, 0, 0, 0, 0), cache.cacheStats());
    assertTrue(cache.cacheStats().hitRate() == 1.0);
  }

  @Test
  void aRemovalListenerHearsRemovalsOnlyAfterTheListenerEvenIfTheListenerThrows() {
    List<String> heard = new CopyOnWriteArrayList<>();
    CacheTable<String, String> cache =
        Caches.<String, String>cache(Fixtures.unique("removals"))
            .ticker(ticker)
            .backgroundExpiry(false)
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(1)
            .executor(Runnable::run)
            .listener(
                e -> {
                  heard.add("listener " + e.kind() + " " + e.key());
                  throw new IllegalStateException("a failing listener");
                })
            .removalListener(e -> heard.add("removal " + e.kind() + " " + e.key()))
            .build();
    cache.insert("a", "1"); // INSERTED: the listener only
    cache.insert("a", "2"); // UPDATED
    cache.delete("a"); // DELETED
    cache.insert("b", "1");
    cache.insert("c", "1"); // the bound evicts b or c
    ticker.advance(Duration.ofSeconds(10));
    cache.cleanUp(); // the survivor expires
    List<String> removals = heard.stream().filter(h -> h.startsWith("removal ")).toList();
    assertEquals(
        List.of("removal UPDATED a", "removal DELETED a"), removals.subList(0, 2), "" + heard);
    assertEquals(4, removals.size(), "updated, deleted, evicted, expired: " + heard);
    assertTrue(removals.get(2).startsWith("removal EVICTED "), "" + heard);
    assertTrue(removals.get(3).startsWith("removal EXPIRED "), "" + heard);
    for (int i = 0; i < heard.size(); i++) {
      if (heard.get(i).startsWith("removal ")) {
        assertEquals(
            heard.get(i).replace("removal ", "listener "), heard.get(i - 1), "listener first");
      }
    }
    cache.delete();
  }
}
