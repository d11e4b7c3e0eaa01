package io.jets.table.internal.tree;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.Access;
import io.jets.table.OrderedTable;
import io.jets.table.Tables;
import io.jets.table.WriteConcurrency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** insertAll on an ordered table is isolated even when its keys lie in different base nodes. */
class OrderedIsolationTest {

  @ParameterizedTest
  @EnumSource(WriteConcurrency.class)
  void readersNeverSeeHalfOfAMultiBaseInsert(WriteConcurrency mode) throws Exception {
    OrderedTable<Integer, Long> table =
        Tables.orderedSet("isolation-" + mode).access(Access.PUBLIC).writeConcurrency(mode).build();
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
                  }
                });
    writing.await();
    try {
      for (int round = 0; round < 200_000; round++) {
        // Values only grow and the three keys always hold one value: a later read of any of them
        // can never be smaller than an earlier one, in either read order.
        long a = table.get(10);
        long b = table.get(290);
        long c = table.get(150);
        long d = table.get(10);
        assertTrue(a <= b && b <= c && c <= d, a + " " + b + " " + c + " " + d);
      }
    } finally {
      done.set(true);
      writer.join();
    }
    table.delete();
  }
}
