package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ordered tables in every mode, with and without readConcurrency: readers never wait for, never
 * retry around, and never see half of a multi-object write.
 */
class OrderedMultiObjectReadsTest {

  private static OrderedTable<Integer, Long> table(String name, WriteConcurrency mode) {
    return table(name, mode, true);
  }

  private static OrderedTable<Integer, Long> table(
      String name, WriteConcurrency mode, boolean readConcurrency) {
    return Tables.orderedSet(name)
        .access(Access.PUBLIC)
        .writeConcurrency(mode)
        .readConcurrency(readConcurrency)
        .build();
  }

  /** get(10) + get(90) + the values of range [10, 20) + next(50), read on another thread. */
  private static long readElsewhere(OrderedTable<Integer, Long> table) throws Exception {
    CompletableFuture<Long> read =
        CompletableFuture.supplyAsync(
            () -> {
              long sum = table.get(10) + table.get(90);
              for (Long v :
                  table.select(
                      MatchSpec.<Integer, Long>where(KeyPattern.range(10, 20)).returnValue())) {
                sum += v;
              }
              return sum + (table.next(50) == 51 ? 0 : 1_000_000);
            });
    // The bound only turns a reader that waits for the held write into a failure; a reader that
    // never waits returns at once.
    return read.get(1, TimeUnit.MINUTES);
  }

  @ParameterizedTest
  @CsvSource({"OFF,false", "ON,false", "AUTO,false", "OFF,true", "ON,true", "AUTO,true"})
  void aReaderTakesTheVersionBeforeUntilTheCommitAndNeverWaits(
      WriteConcurrency mode, boolean readConcurrency) throws Exception {
    OrderedTable<Integer, Long> table =
        table("publication-" + mode + "-" + readConcurrency, mode, readConcurrency);
    for (int k = 0; k < 100; k++) {
      table.insert(k, (long) k);
    }
    ContentionAdaptingTree tree = TreeTables.treeOf(table);
    if (mode != WriteConcurrency.OFF) {
      ContentionAdaptingTreeTest.forceSplit(tree, 50);
      assertNotSame(
          tree.descend(10, ContentionAdaptingTree.Seek.AT_OR_ABOVE),
          tree.descend(90, ContentionAdaptingTree.Seek.AT_OR_ABOVE),
          "10 and 90 lie in different bases");
    }
    long before = 10 + 90 + 145; // 10..19 sum to 145
    long after = before + 2_000 + 1_000; // 10 and 90 each gain 1,000
    // Hold a multi-object write between its markers and its commit, with every lock taken, as a
    // writer preempted there would: readers must neither wait nor see its new versions.
    TreeStore store = TreeTables.storeOf(table);
    store.lockAll();
    try {
      Map<ContentionAdaptingTree.BaseNode, LeafTree.Node> versions =
          new LinkedHashMap<>(); // one new version per base, as a batch stages them
      LeafTree.Edit edit = LeafTree.Edit.batch();
      for (int key : new int[] {10, 90}) {
        ContentionAdaptingTree.BaseNode base =
            tree.descend(key, ContentionAdaptingTree.Seek.AT_OR_ABOVE);
        LeafTree.Node data = versions.getOrDefault(base, ContentionAdaptingTree.dataLocked(base));
        versions.put(base, LeafTree.put(data, key, key + 1_000L, tree.order(), edit));
      }
      BasePublication publication = new BasePublication();
      versions.forEach(publication::stage);
      assertEquals(before, readElsewhere(table), "staged, not committed: the versions before");
      publication.commit();
      assertEquals(after, readElsewhere(table), "committed: the versions after, markers or not");
      publication.finish();
      assertEquals(after, readElsewhere(table));
    } finally {
      store.unlockAll();
    }
    assertEquals(100, table.size());
    table.delete();
  }

  @ParameterizedTest
  @CsvSource({"OFF,false", "ON,false", "AUTO,false", "OFF,true", "ON,true", "AUTO,true"})
  void readersNeverSeeHalfOfAMultiObjectWrite(WriteConcurrency mode, boolean readConcurrency)
      throws Exception {
    OrderedTable<Integer, Long> table =
        table("isolation-" + mode + "-" + readConcurrency, mode, readConcurrency);
    for (int k = 0; k < 300; k++) {
      table.insert(k, 0L);
    }
    ContentionAdaptingTree tree = TreeTables.treeOf(table);
    if (mode != WriteConcurrency.OFF) {
      ContentionAdaptingTreeTest.forceSplit(tree, 150);
      ContentionAdaptingTreeTest.forceSplit(tree, 50);
      ContentionAdaptingTreeTest.forceSplit(tree, 250);
      assertTrue(
          tree.descend(10, ContentionAdaptingTree.Seek.AT_OR_ABOVE)
              != tree.descend(290, ContentionAdaptingTree.Seek.AT_OR_ABOVE),
          "the keys lie in different bases");
    }
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch writing = new CountDownLatch(1);
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  writing.countDown();
                  for (long i = 1; !done.get(); i++) {
                    table.insertAll(
                        List.of(Map.entry(10, i), Map.entry(150, i), Map.entry(290, i)));
                    if (i % 1000 == 0) {
                      table.deleteAllObjects();
                      table.insertAll(
                          List.of(Map.entry(10, i), Map.entry(150, i), Map.entry(290, i)));
                    }
                  }
                });
    writing.await();
    try {
      for (int round = 0; round < 200_000; round++) {
        // Values only grow and a batch writes the three keys one value: a later read of any of
        // them is never smaller than an earlier one, in either read order.
        Long a = table.get(10);
        Long b = table.get(290);
        Long c = table.get(150);
        Long d = table.get(10);
        if (a != null && b != null && c != null && d != null) {
          assertTrue(a <= b && b <= c && c <= d, a + " " + b + " " + c + " " + d);
        } else {
          // Only deleteAllObjects empties keys, and it is followed by a batch at least as new.
          assertTrue(d == null || a == null || a <= d, a + " " + d);
        }
      }
    } finally {
      done.set(true);
      writer.join();
    }
    assertEquals(3, table.size());
    table.delete();
  }

  @Test
  void singleObjectWritesBesideBatchesAreNeverLost() throws Exception {
    OrderedTable<Integer, Long> table = table("batches-beside-writes", WriteConcurrency.ON);
    for (int k = 0; k < 100; k++) {
      table.insert(k, 0L);
    }
    AtomicBoolean done = new AtomicBoolean();
    Thread batcher =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (long i = 1; !done.get(); i++) {
                    table.insertAll(List.of(Map.entry(1, i), Map.entry(99, i)));
                  }
                });
    try {
      for (long i = 0; i < 50_000; i++) {
        table.insert(50, i);
        assertEquals(i, table.get(50), "a single-object write lost beside a batch");
      }
    } finally {
      done.set(true);
      batcher.join();
    }
    assertNull(table.get(1000));
    assertEquals(100, table.size());
    table.delete();
  }
}
