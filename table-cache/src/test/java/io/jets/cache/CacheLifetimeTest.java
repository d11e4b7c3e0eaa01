package io.jets.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Access;
import io.jets.table.TableInfo;
import io.jets.table.Tables;
import io.jets.table.tck.Fixtures;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long a cache lives: a deleted cache is released at once (its pending background expiry
 * included), a cache built with no owner is standalone and collected once unreferenced, and one
 * built under an owner keeps ETS's lifecycle.
 */
class CacheLifetimeTest {

  /** Collects until every reference is cleared, at most 20 times; true if they all were. */
  private static boolean collected(List<? extends WeakReference<?>> refs) {
    for (int i = 0; i < 20; i++) {
      if (refs.stream().allMatch(ref -> ref.get() == null)) {
        return true;
      }
      System.gc();
    }
    return refs.stream().allMatch(ref -> ref.get() == null);
  }

  /** A bounded cache with a one-hour time to live and an entry, so a background visit is due. */
  private static CacheTable<Integer, String> busyCache(
      CacheTableBuilder<? super Integer, ? super String> builder) {
    CacheTable<Integer, String> cache =
        builder.maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();
    cache.insert(1, "one");
    return cache;
  }

  @Test
  void aDeletedCacheWithAnHourLongTimeToLiveIsCollected() {
    assertTrue(collected(List.of(deletedOwnedCache())), "the expiry thread must not keep it");
  }

  /** In a frame of its own, so that no local of the test keeps the cache. */
  private static WeakReference<CacheTable<Integer, String>> deletedOwnedCache() {
    try (OwnerScope owner = OwnerScope.open("owner");
        Owner.Binding bound = owner.bind()) {
      CacheTable<Integer, String> cache = busyCache(Caches.cache(Fixtures.unique("ttl")));
      assertFalse(cache.info().standalone());
      cache.delete();
      return new WeakReference<>(cache);
    }
  }

  @Test
  void aThousandDeletedBoundedCachesAreAllCollected() {
    assertTrue(collected(deletedNamedCaches(1_000)), "deleted caches keep no memory");
  }

  private static List<WeakReference<CacheTable<Integer, String>>> deletedNamedCaches(int n) {
    List<WeakReference<CacheTable<Integer, String>>> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CacheTable<Integer, String> cache = busyCache(Caches.cache(Fixtures.unique("many")).named());
      cache.delete();
      refs.add(new WeakReference<>(cache));
    }
    return refs;
  }

  @Test
  void aCacheBuiltWithNoOwnerIsStandalonePublicAndCollectedOnceUnreferenced() {
    assertFalse(Owner.isBound());
    assertTrue(collected(List.of(usedStandaloneCache())), "only its users keep a standalone cache");
  }

  /** Builds and uses a standalone cache in a frame of its own, and drops it. */
  private static WeakReference<CacheTable<Integer, String>> usedStandaloneCache() {
    CacheTable<Integer, String> cache = busyCache(Caches.cache("standalone"));
    TableInfo info = cache.info();
    assertTrue(info.standalone());
    assertEquals(Access.PUBLIC, info.access(), "anyone may use it, as a Caffeine cache");
    assertSame(Owner.application(), info.owner());
    assertTrue(Tables.all().contains(cache), "listed while it lives");
    cache.insert(2, "two"); // any thread writes
    return new WeakReference<>(cache);
  }

  @Test
  void aStandaloneCacheKeepsAnAccessItWasGiven() {
    CacheTable<Integer, String> cache =
        Caches.cache(Fixtures.unique("protected")).access(Access.PROTECTED).build();
    assertTrue(cache.info().standalone());
    assertEquals(Access.PROTECTED, cache.info().access());
    cache.delete();
  }

  @Test
  void strictBindingDoesNotRefuseAStandaloneCache() {
    Owner.requireBinding(true);
    try {
      CacheTable<Integer, String> cache = Caches.cache(Fixtures.unique("strict")).build();
      assertTrue(cache.info().standalone());
      cache.delete();
    } finally {
      Owner.requireBinding(false);
    }
  }

  @Test
  void aCacheBuiltUnderAnOwnerKeepsTheEtsLifecycle() {
    CacheTable<Integer, String> cache;
    try (OwnerScope owner = OwnerScope.open("scope")) {
      try (Owner.Binding bound = owner.bind()) {
        cache = busyCache(Caches.cache(Fixtures.unique("owned")));
      }
      assertFalse(cache.info().standalone());
      assertEquals(Access.PROTECTED, cache.info().access());
      assertSame(owner, cache.owner());
    }
    assertTrue(cache.isDeleted(), "deleted with its owner");
  }

  @Test
  void aNamedCacheOrOneWithAnExplicitOwnerIsOwned() {
    CacheTable<Integer, String> named = Caches.cache(Fixtures.unique("named")).named().build();
    assertFalse(named.info().standalone());
    assertSame(Owner.application(), named.owner());
    assertTrue(Tables.whereis(named.name()).isPresent());
    named.delete();
    try (OwnerScope owner = OwnerScope.open("explicit")) {
      CacheTable<Integer, String> explicit =
          Caches.cache(Fixtures.unique("explicit")).owner(owner).build();
      assertFalse(explicit.info().standalone());
      assertSame(owner, explicit.owner());
    }
  }

  @Test
  void givingAStandaloneCacheAwayMakesItOwned() {
    CacheTable<Integer, String> cache = Caches.cache(Fixtures.unique("gift")).build();
    try (OwnerScope receiver = OwnerScope.open("receiver")) {
      cache.giveAway(receiver, "yours");
      assertFalse(cache.info().standalone());
      assertSame(receiver, cache.owner());
      assertTrue(Tables.all().contains(cache));
    }
    assertTrue(cache.isDeleted(), "and it now dies with its owner");
  }
}
