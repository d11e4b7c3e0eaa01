package io.jets.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jets.cache.CacheTable;
import io.jets.cache.CacheTableBuilder;
import io.jets.cache.Caches;
import io.jets.cache.Expiry;
import io.jets.table.tck.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each configuration gets the engine class that records only what it uses. */
class CacheEnginesTest {

  private static Class<?> engineOf(UnaryOperator<CacheTableBuilder<String, String>> settings) {
    CacheTable<String, String> cache =
        settings.apply(Caches.<String, String>cache(Fixtures.unique("engine"))).build();
    try {
      return ((CacheStoreTable<?, ?>) cache).store().getClass();
    } finally {
      cache.delete();
    }
  }

  private static final Expiry<String, String> TEN_SECONDS = (key, value, now) -> 10_000_000_000L;

  @Test
  void unboundedCachesWhoseReadsMoveNoDeadlineRecordOnlyStats() {
    assertSame(CacheEngines.Eternal.class, engineOf(b -> b));
    assertSame(
        CacheEngines.Eternal.class, engineOf(b -> b.expireAfterWrite(Duration.ofMinutes(1))));
  }

  @Test
  void readsMoveDeadlinesWithExpireAfterAccessOrAnExpiry() {
    assertSame(
        CacheEngines.Expiring.class, engineOf(b -> b.expireAfterAccess(Duration.ofMinutes(1))));
    assertSame(CacheEngines.Expiring.class, engineOf(b -> b.expireAfter(TEN_SECONDS)));
  }

  @Test
  void boundedCachesBufferTheirReads() {
    assertSame(CacheEngines.Bounded.class, engineOf(b -> b.maximumSize(10)));
    assertSame(
        CacheEngines.Bounded.class,
        engineOf(b -> b.maximumSize(10).expireAfterWrite(Duration.ofMinutes(1))));
    assertSame(
        CacheEngines.BoundedExpiring.class,
        engineOf(b -> b.maximumSize(10).expireAfterAccess(Duration.ofMinutes(1))));
    assertSame(
        CacheEngines.BoundedExpiring.class,
        engineOf(b -> b.maximumWeight(10).weigher((k, v) -> 1).expireAfter(TEN_SECONDS)));
  }

  @Test
  void everyEngineServesTheSameReads() {
    for (UnaryOperator<CacheTableBuilder<String, String>> settings :
        List.<UnaryOperator<CacheTableBuilder<String, String>>>of(
            b -> b,
            b -> b.expireAfterAccess(Duration.ofMinutes(1)),
            b -> b.maximumSize(10),
            b -> b.maximumSize(10).expireAfterAccess(Duration.ofMinutes(1)))) {
      CacheTable<String, String> cache =
          settings
              .apply(Caches.<String, String>cache(Fixtures.unique("engine-reads")))
              .recordStats()
              .build();
      cache.insert("a", "1");
      assertEquals("1", cache.get("a"));
      assertEquals(null, cache.get("b"));
      assertEquals(1, cache.cacheStats().hits());
      assertEquals(1, cache.cacheStats().misses());
      cache.delete();
    }
  }
}
