package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.BadArgumentException;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.MissingKeyException;
import io.jets.table.TableDeletedException;
import io.jets.table.TableType;
import io.jets.table.Tables;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Expiry of cache tables: every read hides expired objects; the wheel removes them. No sleeping.
 */
class CacheExpiryTest {

  private final FakeTicker ticker = new FakeTicker();
  private final List<CacheEvent<String, String>> events = new CopyOnWriteArrayList<>();

  private CacheTable<String, String> cache(
      CacheTableBuilder<? super String, ? super String> builder) {
    return builder
        .access(Access.PUBLIC)
        .ticker(ticker)
        .backgroundExpiry(false)
        .listener((CacheEvent<String, String> e) -> events.add(e))
        .build();
  }

  @Test
  void expiredObjectIsHiddenFromEveryReadBeforeItIsRemoved() {
    CacheTable<String, String> cache =
        cache(Caches.cache(Fixtures.unique("ttl")).expireAfterWrite(Duration.ofSeconds(10)));
    cache.insert("a", "1");
    ticker.advance(Duration.ofMillis(9_999));
    assertEquals("1", cache.get("a"));
    ticker.advance(Duration.ofMillis(1));
    assertNull(cache.get("a"));
    assertEquals(List.of(), cache.lookup("a"));
    assertFalse(cache.member("a"));
    assertNull(cache.first());
    assertNull(cache.firstLookup());
    assertEquals(List.of(), cache.toList());
    assertEquals(0, (int) cache.foldl(0, (k, v, n) -> n + 1));
    assertEquals(
        List.of(), cache.select(MatchSpec.<String, String>where(KeyPattern.any()).returnValue()));
    assertEquals(
        List.of(),
        cache.select(MatchSpec.<String, String>where(KeyPattern.exact("a")).returnValue()));
    assertEquals(1, cache.size(), "not removed yet: size counts it");
    cache.cleanUp();
    ticker.advance(Duration.ofSeconds(2)); // past the wheel's one-second resolution
    cache.cleanUp();
    assertEquals(0, cache.size());
    assertEquals(
        List.of(
            new CacheEvent<>(CacheEvent.Kind.INSERTED, "a", "1", null),
            new CacheEvent<>(CacheEvent.Kind.EXPIRED, "a", "1", null)),
        events);
  }

  @Test
  void slotsHideExpiredObjects() {
    CacheTable<String, String> cache = cache(Caches.cache(Fixtures.unique("slots")));
    cache.insert("short", "1", Duration.ofSeconds(5));
    cache.insert("long", "2");
    ticker.advance(Duration.ofSeconds(5));
    List<Map.Entry<String, String>> seen = new java.util.ArrayList<>();
    long i = 0;
    for (List<Map.Entry<String, String>> slot = cache.slot(0);
        slot != null;
        slot = cache.slot(++i)) {
      seen.addAll(slot);
    }
    assertEquals(List.of(Map.entry("long", "2")), seen);
    long end = i;
    assertThrows(BadArgumentException.class, () -> cache.slot(end + 1));
  }

  @Test
  void traversalSkipsExpiredKeysBetweenLiveOnes() {
    CacheTable<String, String> cache = cache(Caches.cache(Fixtures.unique("walk")));
    for (int i = 0; i < 50; i++) {
      if (i % 2 == 0) {
        cache.insert("k" + i, "v", Duration.ofSeconds(5));
      } else {
        cache.insert("k" + i, "v");
      }
    }
    ticker.advance(Duration.ofSeconds(5));
    int walked = 0;
    for (String k = cache.first(); k != null; k = cache.next(k)) {
      assertEquals(1, Integer.parseInt(k.substring(1)) % 2, k);
      walked++;
    }
    assertEquals(25, walked);
    assertEquals(
        25, cache.selectCount(MatchSpec.<String, String>where(KeyPattern.any()).returnTrue()));
  }

  @Test
  void perObjectTimeToLiveOverridesTheDefaultAndTouchRestartsIt() {
    CacheTable<String, String> cache =
        cache(Caches.cache(Fixtures.unique("own")).expireAfterWrite(Duration.ofMinutes(1)));
    cache.insert("short", "s", Duration.ofSeconds(2));
    cache.insert("long", "l");
    ticker.advance(Duration.ofMillis(1_500));
    assertTrue(cache.touch("short"));
    ticker.advance(Duration.ofMillis(1_500));
    assertEquals("s", cache.get("short"), "touch restarted its own 2 s");
    ticker.advance(Duration.ofMillis(500));
    assertNull(cache.get("short"));
    assertFalse(cache.touch("short"), "an expired key cannot be touched");
    assertEquals("l", cache.get("long"));
    assertFalse(
        events.stream().anyMatch(e -> e.kind() == CacheEvent.Kind.UPDATED), "touch fires no event");
  }

  /**
   * touch is a write: from inside an update function of its own table, under the key's writer lock,
   * it is refused as any write there is (README, Errors), with an {@link IllegalStateException}
   * naming the table, and restarts nothing.
   */
  @Test
  void aTouchFromInsideAnUpdateFunctionIsRefusedNamingTheTable() {
    CacheTable<String, String> cache =
        cache(
            Caches.cache(Fixtures.unique("touch-in-update"))
                .expireAfterWrite(Duration.ofSeconds(2)));
    cache.insert("k", "v");
    ticker.advance(Duration.ofSeconds(1));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                cache.update(
                    "k",
                    v -> {
                      cache.touch("k");
                      return v + "!";
                    }));
    assertTrue(e.getMessage().contains(cache.name()), e.getMessage());
    assertEquals("v", cache.get("k"), "the update changed nothing");
    ticker.advance(Duration.ofSeconds(1));
    assertNull(cache.get("k"), "nor did the touch restart its time to live");
  }

  @Test
  void expireAfterAccessKeepsObjectsThatAreRead() {
    CacheTable<String, String> cache =
        cache(Caches.cache(Fixtures.unique("idle")).expireAfterAccess(Duration.ofSeconds(10)));
    cache.insert("read", "r");
    cache.insert("idle", "i");
    for (int i = 0; i < 5; i++) {
      ticker.advance(Duration.ofSeconds(6));
      assertEquals("r", cache.get("read"));
    }
    assertNull(cache.get("idle"));
    ticker.advance(Duration.ofSeconds(2));
    cache.cleanUp();
    assertEquals(1, cache.size(), "the wheel rescheduled the read object and removed the idle one");
    assertEquals("r", cache.get("read"));
  }

  @Test
  void writesTreatAnExpiredObjectAsAbsentAndReportItExpired() {
    CacheTable<String, String> cache =
        cache(Caches.cache(Fixtures.unique("over")).expireAfterWrite(Duration.ofSeconds(1)));
    cache.insert("a", "old");
    ticker.advance(Duration.ofSeconds(1));
    assertTrue(cache.insertNew("a", "new"));
    assertEquals(
        List.of(
            new CacheEvent<>(CacheEvent.Kind.INSERTED, "a", "old", null),
            new CacheEvent<>(CacheEvent.Kind.EXPIRED, "a", "old", null),
            new CacheEvent<>(CacheEvent.Kind.INSERTED, "a", "new", null)),
        events);
    ticker.advance(Duration.ofSeconds(1));
    assertFalse(cache.update("a", v -> v + "!"), "update of an expired object changes nothing");
    assertThrows(MissingKeyException.class, () -> cache.updateCounter("a", 1));
  }

  @Test
  void wheelRemovesObjectsAtEveryLevelOnlyWhenDue() {
    CacheTable<String, String> cache = cache(Caches.cache(Fixtures.unique("levels")));
    Duration[] lives = {
      Duration.ofSeconds(3),
      Duration.ofMinutes(5),
      Duration.ofHours(2),
      Duration.ofHours(20),
      Duration.ofDays(3),
      Duration.ofDays(40)
    };
    for (int i = 0; i < lives.length; i++) {
      cache.insert("k" + i, "v" + i, lives[i]);
    }
    long elapsed = 0;
    for (int i = 0; i < lives.length; i++) {
      Duration justBefore = lives[i].minusMillis(1).minusNanos(elapsed);
      ticker.advance(justBefore);
      cache.cleanUp();
      assertEquals(
          lives.length - i, cache.size(), "nothing removed before its deadline: " + lives[i]);
      ticker.advance(Duration.ofSeconds(3)); // the deadline plus the wheel's resolution
      cache.cleanUp();
      assertEquals(lives.length - i - 1, cache.size(), "removed once due: " + lives[i]);
      elapsed =
          lives[i].toNanos() + Duration.ofSeconds(3).toNanos() - Duration.ofMillis(1).toNanos();
    }
    assertEquals(
        lives.length, events.stream().filter(e -> e.kind() == CacheEvent.Kind.EXPIRED).count());
  }

  @Test
  void cleanUpRemovesAnObjectAsSoonAsItsDeadlinePassesAtEveryLevel() {
    CacheTable<String, String> cache = cache(Caches.cache(Fixtures.unique("exact")));
    Duration[] lives = {
      Duration.ofMillis(100),
      Duration.ofSeconds(3),
      Duration.ofMinutes(5),
      Duration.ofHours(2),
      Duration.ofHours(20),
      Duration.ofDays(3),
      Duration.ofDays(40)
    };
    for (int i = 0; i < lives.length; i++) {
      cache.insert("k" + i, "v" + i, lives[i]);
    }
    Duration elapsed = Duration.ZERO;
    for (int i = 0; i < lives.length; i++) {
      ticker.advance(lives[i].minus(elapsed).minusNanos(1));
      cache.cleanUp();
      assertEquals(lives.length - i, cache.size(), "one nanosecond early: " + lives[i]);
      ticker.advance(Duration.ofNanos(1));
      cache.cleanUp();
      assertEquals(lives.length - i - 1, cache.size(), "removed at its deadline: " + lives[i]);
      assertEquals(
          new CacheEvent<>(CacheEvent.Kind.EXPIRED, "k" + i, "v" + i, null), events.getLast());
      elapsed = lives[i];
    }
  }

  @Test
  void badTimeToLiveIsRejectedNamingTheTableAndTheTableIsUnchanged() {
    String name = Fixtures.unique("bad-ttl");
    CacheTable<String, String> cache = cache(Caches.cache(name));
    BadArgumentException zero =
        assertThrows(BadArgumentException.class, () -> cache.insert("a", "1", Duration.ZERO));
    assertTrue(
        zero.getMessage().contains(name) && zero.getMessage().contains("timeToLive"),
        zero.getMessage());
    assertThrows(BadArgumentException.class, () -> cache.insert("a", "1", Duration.ofSeconds(-1)));
    assertThrows(BadArgumentException.class, () -> cache.insert("a", "1", null));
    assertEquals(0, cache.size());
    assertTrue(events.isEmpty());
  }

  @Test
  void builderRejectsConflictingCacheSettings() {
    assertThrows(
        BadArgumentException.class,
        () -> Caches.cache("c").expireAfterWrite(Duration.ZERO).build());
    assertThrows(
        BadArgumentException.class,
        () -> Caches.cache("c").expireAfterAccess(Duration.ofSeconds(-1)).build());
    assertThrows(
        BadArgumentException.class,
        () -> Caches.cache("c").maximumSize(10).maximumWeight(10).weigher((k, v) -> 1).build());
    BadArgumentException noWeigher =
        assertThrows(
            BadArgumentException.class, () -> Caches.cache("c-w").maximumWeight(10).build());
    assertTrue(
        noWeigher.getMessage().contains("c-w") && noWeigher.getMessage().contains("weigher"),
        noWeigher.getMessage());
    assertThrows(BadArgumentException.class, () -> Caches.cache("c").weigher((k, v) -> 1).build());
    assertThrows(BadArgumentException.class, () -> Caches.cache("c").maximumSize(-5).build());
    assertThrows(BadArgumentException.class, () -> Caches.cache("c").ticker(null).build());
  }

  @Test
  void namedCacheIsFoundByWhereisAndIsTheCacheItself() {
    String name = Fixtures.unique("named-cache");
    CacheTable<String, String> cache = cache(Caches.cache(name).named());
    assertEquals(cache, Tables.whereis(name).orElseThrow());
    assertEquals(TableType.SET, cache.info().type());
    cache.delete();
    assertThrows(TableDeletedException.class, () -> cache.get("a"));
    assertTrue(Tables.whereis(name).isEmpty());
  }

  @Test
  void insertAllIsAtomicAndReportsEachObject() {
    CacheTable<String, String> cache =
        cache(Caches.cache(Fixtures.unique("batch")).expireAfterWrite(Duration.ofSeconds(1)));
    cache.insert("a", "0");
    cache.insertAll(List.of(Map.entry("a", "1"), Map.entry("b", "2")));
    assertFalse(cache.insertNewAll(List.of(Map.entry("c", "3"), Map.entry("b", "x"))));
    assertNull(cache.get("c"));
    ticker.advance(Duration.ofSeconds(1));
    assertTrue(cache.insertNewAll(List.of(Map.entry("c", "3"), Map.entry("b", "x"))));
    assertEquals("x", cache.get("b"));
    cache.deleteAllObjects();
    assertEquals(0, cache.size());
    assertEquals(
        List.of(
            CacheEvent.Kind.INSERTED,
            CacheEvent.Kind.UPDATED,
            CacheEvent.Kind.INSERTED,
            CacheEvent.Kind.EXPIRED,
            CacheEvent.Kind.INSERTED,
            CacheEvent.Kind.INSERTED,
            CacheEvent.Kind.EXPIRED,
            CacheEvent.Kind.DELETED,
            CacheEvent.Kind.DELETED),
        events.stream().map(CacheEvent::kind).toList());
  }
}
