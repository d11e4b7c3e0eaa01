package io.jets.cache;

import io.jets.table.Access;
import io.jets.table.views.Junit3Suites;
import io.jets.table.views.MapViewSuiteTest;
import org.junit.jupiter.api.Test;

/**
 * Guava testlib's {@code ConcurrentMapTestSuiteBuilder} against a bounded cache's {@code asMap()}.
 */
class CacheMapViewSuiteTest {

  @Test
  void guavaConcurrentMapSuitePassesOnABoundedCache() {
    Junit3Suites.assertPasses(
        MapViewSuiteTest.mapSuite(
            "cache",
            name ->
                Caches.<String, String>cache(name)
                    .access(Access.PUBLIC)
                    .maximumSize(1_000)
                    .build()),
        900);
  }
}
