package io.jets.table.views;

import com.google.common.collect.testing.NavigableMapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSortedMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import io.jets.table.Access;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * Guava testlib's {@code NavigableMapTestSuiteBuilder} (with its derived sub-map, descending-map
 * and key-set suites, about 31,500 cases a mode) against {@code asNavigableMap()} of an ordered set
 * in each write-concurrency mode. No test is suppressed.
 */
class NavigableMapViewSuiteTest {

  private static final AtomicLong NAMES = new AtomicLong();

  @org.junit.jupiter.api.Test
  void guavaNavigableMapSuitePassesOnAnOrderedSet() {
    Junit3Suites.assertPasses(suite(), 90_000);
  }

  /** The JUnit 3 suite, built by Guava testlib. */
  static Test suite() {
    TestSuite suite = new TestSuite("OrderedTable.asNavigableMap");
    for (WriteConcurrency mode : WriteConcurrency.values()) {
      suite.addTest(
          NavigableMapTestSuiteBuilder.using(
                  new TestStringSortedMapGenerator() {
                    @Override
                    protected SortedMap<String, String> create(
                        Map.Entry<String, String>[] entries) {
                      OrderedTable<String, String> table =
                          Tables.<String, String>orderedSet("nav-view-" + NAMES.incrementAndGet())
                              .access(Access.PUBLIC)
                              .writeConcurrency(mode)
                              .build();
                      var map = table.asNavigableMap();
                      for (Map.Entry<String, String> entry : entries) {
                        map.put(entry.getKey(), entry.getValue());
                      }
                      return map;
                    }
                  })
              .named("ordered_set " + mode)
              .withFeatures(
                  MapFeature.GENERAL_PURPOSE,
                  CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
                  CollectionFeature.KNOWN_ORDER,
                  CollectionSize.ANY)
              .createTestSuite());
    }
    return suite;
  }
}
