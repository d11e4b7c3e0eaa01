package io.jets.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.tck.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Table#stats()}: off by default, and exact counts of lookups, inserts and deletes when on.
 */
class TableStatsTest {

  @AfterEach
  void cleanUp() {
    Fixtures.deleteAllTables();
  }

  private static Table<String, Long> recording(TableKind kind) {
    String name = Fixtures.unique("stats-" + kind);
    return switch (kind) {
      case SET -> Tables.set(name).access(Access.PUBLIC).recordStats().build();
      case ORDERED_SET -> Tables.orderedSet(name).access(Access.PUBLIC).recordStats().build();
      case BAG -> Tables.bag(name).access(Access.PUBLIC).recordStats().build();
      case DUPLICATE_BAG -> Tables.duplicateBag(name).access(Access.PUBLIC).recordStats().build();
    };
  }

  @Test
  void aTableWithoutRecordStatsReportsNotRecording() {
    SetTable<String, Long> table = Tables.set(Fixtures.unique("plain")).build();
    table.insert("a", 1L);
    table.get("a");
    assertSame(TableStats.NOT_RECORDING, table.stats());
    assertFalse(table.stats().recording());
  }

  @ParameterizedTest
  @EnumSource(TableKind.class)
  void countsHitsMissesInsertsAndDeletes(TableKind kind) {
    Table<String, Long> table = recording(kind);
    table.insert("a", 1L);
    table.insertAll(List.of(Map.entry("b", 2L), Map.entry("c", 3L)));
    table.insertNew("a", 9L); // refused for every kind: the key exists
    assertTrue(table.insertNew("d", 4L));
    table.lookup("a");
    table.lookup("missing");
    table.member("b");
    table.member("nope");
    table.delete("a");
    table.delete("a"); // removed nothing: not counted
    table.take("b");
    table.deleteObject("c", 3L);

    TableStats stats = table.stats();
    assertTrue(stats.recording());
    assertEquals(2, stats.lookupHits());
    assertEquals(2, stats.lookupMisses());
    assertEquals(4, stats.lookups());
    assertEquals(0.5, stats.hitRatio());
    assertEquals(4, stats.inserts());
    assertEquals(3, stats.deletes());
  }

  @Test
  void setGetCountsAsALookup() {
    SetTable<String, Long> table =
        Tables.set(Fixtures.unique("get")).access(Access.PUBLIC).recordStats().build();
    table.insert("k", 1L);
    table.get("k");
    table.getOrDefault("x", 0L);
    assertEquals(new TableStats(true, 1, 1, 1, 0), table.stats());
  }

  @Test
  void concurrentReadersLoseNoCount() throws InterruptedException {
    SetTable<Integer, Integer> table =
        Tables.set(Fixtures.unique("many"))
            .access(Access.PUBLIC)
            .readConcurrency(true)
            .recordStats()
            .build();
    for (int i = 0; i < 100; i++) {
      table.insert(i, i);
    }
    int readers = 4;
    int readsEach = 50_000;
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[readers];
    for (int r = 0; r < readers; r++) {
      threads[r] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < readsEach; i++) {
                      table.get(i % 200); // half the keys are absent
                    }
                  });
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    TableStats stats = table.stats();
    assertEquals((long) readers * readsEach, stats.lookups());
    assertEquals((long) readers * readsEach / 2, stats.lookupHits());
  }

  @Test
  void statsOfADeletedTableFail() {
    SetTable<String, Long> table = Tables.set(Fixtures.unique("gone")).recordStats().build();
    table.delete();
    assertThrows(TableDeletedException.class, table::stats);
  }
}
