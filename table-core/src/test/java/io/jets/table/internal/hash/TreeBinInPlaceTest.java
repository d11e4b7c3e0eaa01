package io.jets.table.internal.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.table.internal.hash.BucketChain.Node;
import io.jets.table.internal.hash.TreeBinTest.Same;
import io.jets.table.spi.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tree bin changed in place: it stays a valid AVL tree that agrees with a model, a batch's edit
 * leaves the live tree untouched, and readers running beside the writer find every key present
 * throughout and walk each exactly once.
 */
class TreeBinInPlaceTest {

  private static int order(Object key) {
    return BucketChain.order(key);
  }

  /** A tree of keys {@code 0..n-1} (n >= TREE_AT), values equal to the ids. */
  private static TreeBin tree(int n, int hashes) {
    Node chain = null;
    List<Same> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(new Same(i, 7 + (i % hashes)));
    }
    keys.sort(TreeBin.ORDER);
    for (int i = keys.size() - 1; i >= 0; i--) {
      Same key = keys.get(i);
      chain = new Node(order(key), key, key.id(), chain);
    }
    return TreeBin.of(chain, n, null);
  }

  /** Checks order, balance factors against heights; returns the height. */
  private static int check(TreeNode t, List<Object> into) {
    if (t == null) {
      return 0;
    }
    int hl = check(t.left(), into);
    into.add(t.key);
    int hr = check(t.right(), into);
    assertEquals(hr - hl, t.balance(), () -> "balance at " + t.key);
    assertTrue(Math.abs(hr - hl) <= 1, () -> "unbalanced at " + t.key);
    return 1 + Math.max(hl, hr);
  }

  private static void assertAgrees(TreeMap<Object, Integer> model, TreeBin tree) {
    List<Object> keys = new ArrayList<>();
    check(tree.root(), keys);
    assertEquals(new ArrayList<>(model.keySet()), keys);
    assertEquals(model.size(), tree.size());
    for (Map.Entry<Object, Integer> e : model.entrySet()) {
      StoredObject found = tree.find(order(e.getKey()), e.getKey());
      assertNotNull(found, () -> "lost " + e.getKey());
      assertEquals(e.getValue(), found.laValue());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3}) // one key order (compareTo alone) and several (order, then compareTo)
  void randomInPlaceWritesKeepABalancedTreeThatAgreesWithAModel(int hashes) {
    Random random = new Random(20261204L + hashes);
    TreeBin tree = tree(64, hashes);
    TreeMap<Object, Integer> model = new TreeMap<>(TreeBin.ORDER);
    for (int i = 0; i < 64; i++) {
      model.put(new Same(i, 7 + (i % hashes)), i);
    }
    for (int op = 0; op < 40_000; op++) {
      int id = random.nextInt(600);
      Same key = new Same(id, 7 + (id % hashes));
      StoredObject present = tree.find(order(key), key);
      assertEquals(model.containsKey(key), present != null);
      Integer value = model.size() > 20 && random.nextInt(5) < 2 ? null : op;
      Object after = tree.edit(order(key), key, value, present, null);
      assertSame(tree, after, "an in-place write publishes nothing new");
      if (value == null) {
        model.remove(key);
      } else {
        model.put(key, value);
      }
      if (op % 500 == 0) {
        assertAgrees(model, tree);
      }
    }
    assertAgrees(model, tree);
  }

  @Test
  void aKeyOfAnotherOrderRebuildsTheTreeAndKeepsEveryKey() {
    TreeBin tree = tree(40, 1);
    Same other = new Same(1000, 8);
    Object after = tree.edit(order(other), other, 5, null, null);
    TreeBin rebuilt = assertInstanceOf(TreeBin.class, after);
    assertTrue(rebuilt != tree);
    assertEquals(41, rebuilt.size());
    assertEquals(5, rebuilt.find(order(other), other).laValue());
    for (int i = 0; i < 40; i++) {
      assertEquals(i, rebuilt.find(order(new Same(i)), new Same(i)).laValue());
    }
    assertNull(tree.find(order(other), other), "the old tree is unchanged");
  }

  @Test
  void aBatchEditsACopyAndLeavesTheLiveTreeAsItWas() {
    TreeBin live = tree(30, 1);
    Object batch = new Object();
    Same added = new Same(100);
    Same removed = new Same(3);
    Same replaced = new Same(4);
    Object staged = live.edit(order(added), added, 1, null, batch);
    TreeBin copy = assertInstanceOf(TreeBin.class, staged);
    assertTrue(copy != live);
    Object again =
        copy.edit(order(removed), removed, null, copy.find(order(removed), removed), batch);
    assertSame(copy, again, "the batch's own copy is changed in place");
    copy.edit(order(replaced), replaced, -4, copy.find(order(replaced), replaced), batch);

    assertNull(live.find(order(added), added));
    assertNotNull(live.find(order(removed), removed));
    assertEquals(4, live.find(order(replaced), replaced).laValue());
    assertEquals(30, live.size());
    assertNotNull(copy.find(order(added), added));
    assertNull(copy.find(order(removed), removed));
    assertEquals(-4, copy.find(order(replaced), replaced).laValue());
    assertEquals(30, copy.size());
  }

  @Test
  void aWalkInterleavedWithWritesMeetsEveryStableKeyOnceAndNoKeyTwice() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      TreeBin tree = tree(40, 1); // even ids stay, odd ids come and go, between the walk's steps
      int previous = -1;
      int expected = 0;
      for (StoredObject o = tree.first(); o != null; o = tree.after(o.key)) {
        int id = ((Same) o.key).id();
        assertTrue(id > previous, "seed " + seed + ": " + id + " after " + previous);
        previous = id;
        if (id % 2 == 0) {
          assertEquals(expected, id, "seed " + seed + " skipped a stable key");
          expected += 2;
        }
        for (int w = random.nextInt(4); w > 0; w--) {
          Same key = new Same(2 * random.nextInt(20) + 1);
          StoredObject present = tree.find(order(key), key);
          tree.edit(order(key), key, present == null ? 1 : null, present, null);
        }
      }
      assertEquals(40, expected);
    }
  }

  @Test
  void readersBesideAnInPlaceWriterFindEveryStableKeyAndWalkEachOnce() throws Exception {
    int stable = 400; // even ids stay; odd ids come and go
    TreeBin tree = tree(2 * stable, 1);
    AtomicBoolean done = new AtomicBoolean();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> reader =
          pool.submit(
              () -> {
                start.await();
                int rounds = 0;
                do {
                  for (int i = 0; i < 2 * stable; i += 2) {
                    Same key = new Same(i);
                    if (tree.find(order(key), key) == null) {
                      throw new AssertionError("missed present key " + i + " in round " + rounds);
                    }
                  }
                  int expected = 0;
                  int previous = -1;
                  for (StoredObject o : tree.visit()) {
                    int id = ((Same) o.key).id();
                    if (id <= previous) {
                      throw new AssertionError("walk out of order or twice: " + id);
                    }
                    previous = id;
                    if (id % 2 == 0) {
                      if (id != expected) {
                        throw new AssertionError("walk skipped " + expected);
                      }
                      expected += 2;
                    }
                  }
                  if (expected != 2 * stable) {
                    throw new AssertionError("walk ended before " + expected);
                  }
                  StoredObject step = tree.after(new Same(2 * stable - 3));
                  if (step == null || ((Same) step.key).id() > 2 * stable - 2) {
                    throw new AssertionError("after() skipped the last stable key");
                  }
                  rounds++;
                } while (!done.get());
                return rounds;
              });
      Future<?> writer =
          pool.submit(
              () -> {
                start.await();
                Random random = new Random(7);
                try {
                  for (int op = 0; op < 300_000; op++) {
                    Same key = new Same(2 * random.nextInt(stable) + 1);
                    StoredObject present = tree.find(order(key), key);
                    tree.edit(order(key), key, present == null ? op : null, present, null);
                  }
                } finally {
                  done.set(true);
                }
                return null;
              });
      writer.get(60, TimeUnit.SECONDS);
      assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
    } finally {
      pool.shutdownNow();
    }
  }
}
