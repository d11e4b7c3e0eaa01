package io.jets.table.views;

import com.google.common.collect.testing.ConcurrentMapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import io.jets.table.Access;
import io.jets.table.SetTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * Guava testlib's {@code ConcurrentMapTestSuiteBuilder} against {@code asMap()} of a hash set table
 * in each write-concurrency mode and an ordered set (table-cache runs it on a cache). No test is
 * suppressed.
 */
public class MapViewSuiteTest {

  private static final AtomicLong NAMES = new AtomicLong();

  @org.junit.jupiter.api.Test
  void guavaConcurrentMapSuitePassesOnEveryKindOfSetTable() {
    Junit3Suites.assertPasses(suite(), 3_600);
  }

  /** The JUnit 3 suite, built by Guava testlib. */
  static Test suite() {
    TestSuite suite = new TestSuite("SetTable.asMap");
    for (WriteConcurrency mode : WriteConcurrency.values()) {
      suite.addTest(
          mapSuite(
              "set " + mode,
              name ->
                  Tables.<String, String>set(name)
                      .access(Access.PUBLIC)
                      .writeConcurrency(mode)
                      .build()));
    }
    suite.addTest(
        mapSuite(
            "ordered_set",
            name -> Tables.<String, String>orderedSet(name).access(Access.PUBLIC).build()));
    return suite;
  }

  /**
   * Guava's ConcurrentMap suite, called {@code name}, on {@code asMap()} of tables built by name.
   */
  public static Test mapSuite(String name, Function<String, SetTable<String, String>> tables) {
    return ConcurrentMapTestSuiteBuilder.using(
            new TestStringMapGenerator() {
              @Override
              protected Map<String, String> create(Map.Entry<String, String>[] entries) {
                SetTable<String, String> table = tables.apply("view-" + NAMES.incrementAndGet());
                Map<String, String> map = table.asMap();
                for (Map.Entry<String, String> entry : entries) {
                  map.put(entry.getKey(), entry.getValue());
                }
                return map;
              }
            })
        .named(name)
        .withFeatures(
            MapFeature.GENERAL_PURPOSE,
            CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
            CollectionSize.ANY)
        .createTestSuite();
  }
}
