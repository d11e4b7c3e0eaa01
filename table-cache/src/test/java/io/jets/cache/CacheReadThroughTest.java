package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.AccessDeniedException;
import io.jets.table.BadArgumentException;
import io.jets.table.tck.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A loader given at build: {@code get} reads through with read access only (the loader acts for the
 * owner), and {@code getAll} loads the missing keys in one bulk call or one by one.
 */
class CacheReadThroughTest {

  private final OwnerScope owner = OwnerScope.open("cache-owner");

  @AfterEach
  void close() {
    owner.close();
  }

  private CacheTable<Integer, String> cache(
      Function<Integer, String> loader, Function<Set<Integer>, Map<Integer, String>> bulk) {
    CacheTableBuilder<Integer, String> builder =
        Caches.<Integer, String>cache(Fixtures.unique("read-through")).owner(owner);
    if (loader != null) {
      builder = builder.loader(loader);
    }
    if (bulk != null) {
      builder = builder.bulkLoader(bulk);
    }
    return builder.recordStats().build();
  }

  @Test
  void getOfAMissingKeyLoadsItOnceFromAThreadThatMayOnlyRead() {
    AtomicInteger loads = new AtomicInteger();
    CacheTable<Integer, String> users =
        cache(
            id -> {
              loads.incrementAndGet();
              return "user-" + id;
            },
            null);
    assertEquals(Access.PROTECTED, users.info().access());
    assertSame(Owner.application(), Owner.current(), "this thread is not the owner");
    assertEquals("user-7", users.get(7));
    assertEquals("user-7", users.get(7));
    assertEquals(1, loads.get());
    assertEquals(1, users.size());
    CacheStats stats = users.cacheStats();
    assertEquals(1, stats.hits());
    assertEquals(1, stats.misses());
    assertEquals(1, stats.loadSuccesses());
    assertThrows(AccessDeniedException.class, () -> users.insert(8, "x"), "still no write access");
  }

  @Test
  void aLoaderThatFindsNothingLeavesTheKeyAbsent() {
    CacheTable<Integer, String> users = cache(id -> id % 2 == 0 ? "even-" + id : null, null);
    assertNull(users.get(1));
    assertEquals("even-2", users.get(2));
    assertEquals(1, users.size());
  }

  @Test
  void withoutALoaderGetIsAPlainRead() {
    CacheTable<Integer, String> users = cache(null, null);
    assertNull(users.get(1));
    assertEquals(0, users.size());
  }

  @Test
  void theMapViewNeverLoads() {
    AtomicInteger loads = new AtomicInteger();
    CacheTable<Integer, String> users =
        cache(
            id -> {
              loads.incrementAndGet();
              return "loaded-" + id;
            },
            null);
    ConcurrentMap<Integer, String> map = users.asMap();
    try (Owner.Binding bound = owner.bind()) {
      assertNull(map.get(1));
      assertEquals("default", map.getOrDefault(2, "default"));
      assertFalse(map.entrySet().contains(Map.entry(3, "loaded-3")));
      assertEquals("computed", map.compute(4, (k, old) -> old == null ? "computed" : old + "+"));
      assertEquals("absent", map.computeIfAbsent(5, k -> "absent"));
      assertEquals("merged", map.merge(6, "merged", (old, given) -> old + given));
      assertNull(map.computeIfPresent(7, (k, old) -> "present"));
    }
    assertEquals(0, loads.get(), "Caffeine's LoadingCache.asMap() never loads either");
    assertEquals(Map.of(4, "computed", 5, "absent", 6, "merged"), new HashMap<>(map));
    assertEquals("loaded-8", users.get(8), "the table's own get still reads through");
  }

  @Test
  void getAllLoadsOnlyTheMissingKeysInOneBulkCallAndKeepsTheKeysOrder() {
    List<Set<Integer>> calls = new ArrayList<>();
    CacheTable<Integer, String> users =
        cache(
            id -> {
              throw new AssertionError("the bulk loader is used");
            },
            missing -> {
              calls.add(Set.copyOf(missing));
              Map<Integer, String> found = new HashMap<>();
              for (int id : missing) {
                if (id != 4) { // 4 does not exist
                  found.put(id, "user-" + id);
                }
              }
              found.put(100, "user-100"); // more than asked: cached too, not returned
              return found;
            });
    try (Owner.Binding bound = owner.bind()) {
      users.insert(2, "cached-2");
    }
    Map<Integer, String> all = users.getAll(List.of(3, 2, 4, 1));
    Map<Integer, String> expected = new LinkedHashMap<>();
    expected.put(3, "user-3");
    expected.put(2, "cached-2");
    expected.put(1, "user-1");
    assertEquals(expected, all);
    assertEquals(List.of(3, 2, 1), new ArrayList<>(all.keySet()), "in the keys' order");
    assertEquals(List.of(Set.of(3, 4, 1)), calls, "one call, with the missing keys only");
    assertEquals(3, users.cacheStats().misses());
    assertEquals(1, users.cacheStats().hits());
    assertEquals("user-100", users.get(100));
    assertThrows(UnsupportedOperationException.class, () -> all.put(9, "x"));
  }

  @Test
  void getAllWithOnlyASingleKeyLoaderLoadsEachMissingKey() {
    AtomicInteger loads = new AtomicInteger();
    CacheTable<Integer, String> users =
        cache(
            id -> {
              loads.incrementAndGet();
              return "user-" + id;
            },
            null);
    assertEquals(Map.of(1, "user-1", 2, "user-2"), users.getAll(Arrays.asList(1, 2)));
    assertEquals(Map.of(1, "user-1", 2, "user-2"), users.getAll(Arrays.asList(1, 2)));
    assertEquals(2, loads.get());
    assertEquals(2, users.cacheStats().misses(), "one miss per loaded key, not two");
    assertEquals(2, users.cacheStats().hits());
  }

  /**
   * Caffeine's getAll counts one hit or miss per distinct key (its getAllPresent counts the unique
   * keys), whichever loader loads the missing ones: a key named twice is read, and counted, once.
   */
  @Test
  void getAllCountsAKeyNamedTwiceOnce() {
    List<CacheTable<Integer, String>> caches =
        List.of(
            cache(id -> "user-" + id, null),
            cache(null, missing -> Map.of(2, "user-2")),
            cache(null, null));
    for (CacheTable<Integer, String> users : caches) {
      try (Owner.Binding bound = owner.bind()) {
        users.insert(1, "one");
      }
      users.getAll(List.of(1, 1, 2, 2));
      CacheStats stats = users.cacheStats();
      assertEquals(1, stats.hits(), "key 1, named twice: " + stats);
      assertEquals(1, stats.misses(), "key 2, named twice: " + stats);
    }
  }

  @Test
  void getAllWithoutLoadersReturnsThePresentKeysOnly() {
    CacheTable<Integer, String> users = cache(null, null);
    try (Owner.Binding bound = owner.bind()) {
      users.insert(1, "one");
    }
    assertEquals(Map.of(1, "one"), users.getAll(List.of(1, 2)));
  }

  @Test
  void getAllWithANullKeyLoadsNothing() {
    AtomicInteger loads = new AtomicInteger();
    CacheTable<Integer, String> users =
        cache(
            id -> {
              loads.incrementAndGet();
              return "user-" + id;
            },
            null);
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> users.getAll(Arrays.asList(1, null)));
    assertTrue(e.getMessage().contains(users.name()), e.getMessage());
    assertEquals(0, loads.get());
    assertEquals(0, users.size());
  }

  @Test
  void aBulkLoadersExceptionReachesTheCallerUnchangedAndCachesNothing() {
    IllegalStateException down = new IllegalStateException("directory down");
    CacheTable<Integer, String> users =
        cache(
            null,
            missing -> {
              throw down;
            });
    assertSame(down, assertThrows(IllegalStateException.class, () -> users.getAll(List.of(1))));
    assertEquals(0, users.size());
    assertEquals(1, users.cacheStats().loadFailures());
  }

  /**
   * As getOrLoad's loader: a bulk loader's checked exception (thrown past the compiler, as Kotlin
   * or a sneaky-throw helper does) reaches the caller of getAll as a {@link CacheLoadException}
   * naming the table, with the exception as its cause; nothing is cached and the load is counted as
   * a failure (CacheStats: "loads that threw").
   */
  @Test
  void aBulkLoadersCheckedExceptionIsACacheLoadExceptionAndCountsAsAFailedLoad() {
    IOException down = new IOException("directory unreachable");
    CacheTable<Integer, String> users =
        cache(
            null,
            missing -> {
              throw CacheReadThroughTest.<RuntimeException>sneaky(down);
            });
    CacheLoadException e =
        assertThrows(CacheLoadException.class, () -> users.getAll(List.of(1, 2)));
    assertSame(down, e.getCause());
    assertFalse(e.timedOut());
    assertTrue(e.getMessage().contains(users.name()), e.getMessage());
    assertEquals(0, users.size(), "nothing cached");
    assertEquals(1, users.cacheStats().loadFailures());
    assertEquals(0, users.cacheStats().loadSuccesses());
  }

  /**
   * Weigher's javadoc: a weigher that throws fails the write with {@link BadArgumentException} and
   * leaves the table unchanged. A bulk load is one write of what it found: when the weigher throws
   * for one of its values, none of them is stored, not the ones weighed before it.
   */
  @Test
  void aWeigherThatThrowsForOneBulkLoadedValueStoresNoneOfThem() {
    CacheTable<Integer, String> users =
        Caches.<Integer, String>cache(Fixtures.unique("read-through"))
            .owner(owner)
            .maximumWeight(100)
            .<Integer, String>weigher(
                (id, name) -> {
                  if (name.equals("bad")) {
                    throw new IllegalArgumentException("cannot weigh " + name);
                  }
                  return 1;
                })
            .bulkLoader(CacheReadThroughTest::annBadCyd)
            .build();
    BadArgumentException e =
        assertThrows(BadArgumentException.class, () -> users.getAll(List.of(1, 2, 3)));
    assertTrue(e.getMessage().contains(users.name()), e.getMessage());
    assertEquals(0, users.size(), "table unchanged");
    assertNull(users.get(1));
  }

  /**
   * As a weigher's: an Expiry that throws for one value of a bulk load fails getAll as thrown and
   * stores none of that load's values, not the ones before it; no listener hears of them.
   */
  @Test
  void anExpiryThatThrowsForOneBulkLoadedValueStoresNoneOfThem() {
    IllegalStateException failure = new IllegalStateException("no time to live");
    List<CacheEvent<Integer, String>> heard = new ArrayList<>();
    CacheTable<Integer, String> users =
        Caches.<Integer, String>cache(Fixtures.unique("read-through"))
            .owner(owner)
            .<Integer, String>expireAfter(
                (id, name, now) -> {
                  if (name.equals("bad")) {
                    throw failure;
                  }
                  return Long.MAX_VALUE;
                })
            .listener(heard::add)
            .bulkLoader(CacheReadThroughTest::annBadCyd)
            .build();
    assertSame(
        failure, assertThrows(IllegalStateException.class, () -> users.getAll(List.of(1, 2, 3))));
    assertEquals(0, users.size(), "table unchanged");
    assertEquals(List.of(), heard);
  }

  /**
   * A bulk load is stored as one multi-object write, so a getAll that loads from inside an update
   * function of its own table is refused as any multi-object write there is: with an {@link
   * IllegalStateException} naming the table, nothing stored.
   */
  @Test
  void aBulkLoadFromInsideAnUpdateFunctionIsRefusedNamingTheTable() {
    CacheTable<Integer, String> users = cache(null, missing -> Map.of(2, "user-2"));
    try (Owner.Binding bound = owner.bind()) {
      users.insert(1, "one");
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> users.update(1, v -> users.getAll(List.of(2)).get(2)));
      assertTrue(e.getMessage().contains(users.name()), e.getMessage());
    }
    assertEquals(1, users.size());
    assertEquals("one", users.get(1));
  }

  /**
   * README, Errors: a write to a table from inside its own update function that the table refuses
   * is an {@link IllegalStateException} naming the table. A load's store is such a write, for
   * {@code getOrLoad} and a read-through {@code get} alike (not the store's internal exception).
   */
  @Test
  void aLoadFromInsideAnUpdateFunctionIsRefusedNamingTheTable() {
    CacheTable<Integer, String> users = cache(id -> "user-" + id, null);
    try (Owner.Binding bound = owner.bind()) {
      users.insert(1, "one");
      List<Function<Integer, String>> loads =
          List.of(users::get, id -> users.getOrLoad(id, other -> "other-" + other));
      for (Function<Integer, String> load : loads) {
        IllegalStateException e =
            assertThrows(IllegalStateException.class, () -> users.update(1, v -> load.apply(2)));
        assertTrue(e.getMessage().contains(users.name()), e.getMessage());
      }
    }
    assertEquals(1, users.size());
    assertEquals("one", users.get(1));
  }

  /** Throws {@code failure}, checked or not, without declaring it. */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException sneaky(Throwable failure) throws T {
    throw (T) failure;
  }

  /** A bulk load of 1, 2 and 3 whose second value, "bad", the tests' weigher or expiry refuses. */
  private static Map<Integer, String> annBadCyd(Set<Integer> missing) {
    Map<Integer, String> found = new LinkedHashMap<>();
    found.put(1, "ann");
    found.put(2, "bad");
    found.put(3, "cyd");
    return found;
  }
}
