package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.KeyPattern;
import io.jets.table.MatchSpec;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * readConcurrency on ordered tables: readers never wait for, and never retry around, multi-object
 * writes.
 */
class OrderedReadConcurrencyTest {

  private static OrderedTable<Integer, Long> table(String name, WriteConcurrency mode) {
    return Tables.orderedSet(name)
        .access(Access.PUBLIC)
        .writeConcurrency(mode)
        .readConcurrency(true)
        .build();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void readsCompleteWhileTheSequenceIsOdd(WriteConcurrency mode) throws Exception {
    OrderedTable<Integer, Long> table = table("rc-odd-" + mode, mode);
    for (int k = 0; k < 100; k++) {
      table.insert(k, (long) k);
    }
    ContentionAdaptingTree tree = TreeTables.treeOf(table);
    // Freeze the table the way a seqlock writer would, mid-write: every lock held, sequence odd.
    // A reader that validated the sequence would wait until it turned even.
    TreeStore store = TreeTables.storeOf(table);
    store.lockAll();
    tree.writeBegin();
    try {
      CompletableFuture<Long> read =
          CompletableFuture.supplyAsync(
              () -> {
                long sum = 0;
                for (int k = 0; k < 100; k++) {
                  sum += table.get(k);
                }
                sum +=
                    table
                        .select(
                            MatchSpec.<Integer, Long>where(KeyPattern.range(10, 20)).returnValue())
                        .size();
                return sum + (table.next(50) == 51 ? 0 : 1_000_000);
              });
      assertEquals(4950L + 10, read.get(1, TimeUnit.MINUTES)); // range(10, 20) holds 10 keys
    } finally {
      tree.writeEnd();
      store.unlockAll();
    }
    table.delete();
  }

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void readersNeverSeeHalfOfAMultiObjectWrite(WriteConcurrency mode) throws Exception {
    OrderedTable<Integer, Long> table = table("rc-isolation-" + mode, mode);
    for (int k = 0; k < 300; k++) {
      table.insert(k, 0L);
    }
    ContentionAdaptingTree tree = TreeTables.treeOf(table);
    if (mode != WriteConcurrency.OFF) {
      ContentionAdaptingTreeTest.forceSplit(tree, 150);
      ContentionAdaptingTreeTest.forceSplit(tree, 50);
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
      for (int round = 0; round < 100_000; round++) {
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
  void writersWaitingOnARetiredBaseRetryInTheNewTree() throws Exception {
    OrderedTable<Integer, Long> table = table("rc-retry", WriteConcurrency.ON);
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
        assertEquals(i, table.get(50), "a single-object write lost in a retired base");
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
